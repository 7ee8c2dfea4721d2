"""The "may be signed in" hint cookie follows signing in and out, and costs anonymous pages
nothing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from project.navigation import SIGNED_IN_COOKIE

pytestmark = pytest.mark.django_db


def test_signing_in_sets_the_hint_and_signing_out_removes_it(client, django_user_model):
    django_user_model.objects.create_superuser("ada", "ada@example.org", "pw-ada-1")
    reply = client.post(reverse("admin:login"), {"username": "ada", "password": "pw-ada-1"})
    assert reply.status_code == 302
    hint = reply.cookies[SIGNED_IN_COOKIE]
    assert hint.value and hint["httponly"]
    reply = client.post(reverse("admin:logout"))
    assert reply.cookies[SIGNED_IN_COOKIE]["max-age"] == 0


def test_a_failed_sign_in_sets_no_hint(client, django_user_model):
    django_user_model.objects.create_superuser("ada", "ada@example.org", "pw-ada-1")
    reply = client.post(reverse("admin:login"), {"username": "ada", "password": "wrong"})
    assert SIGNED_IN_COOKIE not in reply.cookies


def test_an_anonymous_page_neither_reads_the_session_nor_sets_the_hint(client):
    client.cookies["sessionid"] = "a" * 32
    with CaptureQueriesContext(connection) as queries:
        reply = client.get(reverse("learn:glossary"))
    assert reply.status_code == 200
    assert not [q for q in queries.captured_queries if "django_session" in q["sql"]]
    assert SIGNED_IN_COOKIE not in reply.cookies


def test_the_menu_offers_a_signed_in_teacher_their_classes_and_a_log_out_button(
    client, django_user_model
):
    django_user_model.objects.create_user("ada", "ada@example.org", "pw-ada-1")
    assert SIGNED_IN_COOKIE not in client.cookies
    client.post(reverse("classrooms:login"), {"username": "ada", "password": "pw-ada-1"})
    page = client.get(reverse("learn:glossary")).content.decode()
    assert "Log out" in page and reverse("classrooms:dashboard") in page
    client.post(reverse("classrooms:logout"))
    page = client.get(reverse("learn:glossary")).content.decode()
    assert "Log out" not in page
