"""Helpers shared by the classroom tests and the admin access tests."""

from django.conf import settings
from django.http import HttpResponse
from django.test import Client

from quiz.classrooms.access import sign_in_student


def student_client(student) -> Client:
    """A browser signed in as this student (the signed cookie, as after joining)."""
    signed_in = HttpResponse()
    sign_in_student(signed_in, student)
    browser = Client()
    browser.cookies[settings.STUDENT_COOKIE_NAME] = signed_in.cookies[
        settings.STUDENT_COOKIE_NAME
    ].value
    return browser
