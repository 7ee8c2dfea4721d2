"""Who is asking: the teacher behind a page, or the student behind a signed cookie."""

from __future__ import annotations

import functools

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render

from .errors import NotFound
from .models import Student, TeacherProfile
from .services import student_seen

STUDENT_COOKIE_AGE = 60 * 60 * 24 * 365


def teacher_required(view):
    """Anonymous visitors and students go to the login page; a teacher's view gets
    `request.teacher`. Objects of other teachers are answered with 404 (NotFound)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        try:
            profile = request.user.teacher
        except TeacherProfile.DoesNotExist:
            return render(request, "classrooms/not_teacher.html", status=403)
        if not profile.approved:
            return render(request, "classrooms/pending.html", status=403)
        request.teacher = profile
        try:
            return view(request, *args, **kwargs)
        except NotFound:
            raise Http404("Not found.") from None

    return wrapper


def current_student(request) -> Student | None:
    secret = request.get_signed_cookie(
        settings.STUDENT_COOKIE_NAME, default=None, salt=settings.STUDENT_COOKIE_NAME
    )
    if not secret:
        return None
    student = Student.objects.select_related("classroom").filter(secret=secret).first()
    if student is not None:
        student_seen(student=student)
    return student


def sign_in_student(response, student: Student) -> None:
    response.set_signed_cookie(
        settings.STUDENT_COOKIE_NAME,
        student.secret,
        salt=settings.STUDENT_COOKIE_NAME,
        max_age=STUDENT_COOKIE_AGE,
        httponly=True,
        samesite="Lax",
        secure=not settings.DEBUG,
    )


def sign_out_student(response) -> None:
    response.delete_cookie(settings.STUDENT_COOKIE_NAME, samesite="Lax")
