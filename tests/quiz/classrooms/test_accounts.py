"""Teacher accounts: sign up, approval, log in and out, profile, password reset, login limits."""

import re

import pytest
from django.core import mail

from quiz.classrooms.models import TeacherProfile

pytestmark = pytest.mark.django_db

SIGNUP = {
    "username": "msdiaz",
    "email": "diaz@school.example",
    "display_name": "Ms Diaz",
    "school": "Hillside",
    "password1": "purple-otter-lamp-42",
    "password2": "purple-otter-lamp-42",
}


def test_a_teacher_signs_up_and_lands_on_the_dashboard(visitor):
    response = visitor.post("/teachers/signup/", SIGNUP, follow=True)
    assert response.redirect_chain[-1][0] == "/teach/"
    assert "Your classes" in response.content.decode()
    profile = TeacherProfile.objects.get(user__username="msdiaz")
    assert profile.display_name == "Ms Diaz" and profile.school == "Hillside" and profile.approved


def test_signup_explains_weak_or_mismatched_passwords_and_taken_usernames(visitor, teacher_user):
    weak = visitor.post("/teachers/signup/", {**SIGNUP, "password1": "123", "password2": "123"})
    assert weak.status_code == 400 and "too short" in weak.content.decode()
    differ = visitor.post("/teachers/signup/", {**SIGNUP, "password2": "something-else-9"})
    assert "The two passwords differ" in differ.content.decode()
    taken = visitor.post("/teachers/signup/", {**SIGNUP, "username": "TEACHER"})
    assert "This username is taken" in taken.content.decode()


def test_with_approval_required_a_new_teacher_waits(visitor, settings):
    settings.TEACHER_APPROVAL_REQUIRED = True
    response = visitor.post("/teachers/signup/", SIGNUP, follow=True)
    assert response.status_code == 403
    assert "waiting for approval" in response.content.decode()
    profile = TeacherProfile.objects.get()
    profile.approved = True
    profile.save()
    assert visitor.get("/teach/").status_code == 200


def test_login_and_logout(visitor, teacher_user):
    response = visitor.post(
        "/teachers/login/", {"username": "teacher", "password": "a-long-pass-phrase-1"}
    )
    assert response.status_code == 302 and response["Location"] == "/teach/"
    assert visitor.get("/teach/").status_code == 200
    assert visitor.get("/teachers/logout/").status_code == 405  # a link cannot log you out
    visitor.post("/teachers/logout/")
    assert visitor.get("/teach/").status_code == 302


def test_a_wrong_password_is_refused_with_a_message(visitor, teacher_user):
    response = visitor.post("/teachers/login/", {"username": "teacher", "password": "nope"})
    assert response.status_code == 400
    assert "do not match" in response.content.decode()


def test_failed_logins_per_username_are_limited_even_from_many_addresses(
    client, settings, teacher_user
):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login_user": "3/15m", "login": "100/15m"}
    for n in range(3):
        client.post(
            "/teachers/login/", {"username": "teacher", "password": "x"}, REMOTE_ADDR=f"10.0.0.{n}"
        )
    refused = client.post(
        "/teachers/login/",
        {"username": "Teacher", "password": "a-long-pass-phrase-1"},
        REMOTE_ADDR="10.0.0.9",
    )
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0


def test_failed_logins_per_address_are_limited_across_usernames(client, settings, teacher_user):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login": "3/15m", "login_user": "100/15m"}
    for n in range(3):
        client.post("/teachers/login/", {"username": f"guess{n}", "password": "x"})
    refused = client.post(
        "/teachers/login/", {"username": "teacher", "password": "a-long-pass-phrase-1"}
    )
    assert refused.status_code == 429 and "Too many requests" in refused.content.decode()


def test_successful_logins_do_not_use_up_the_limit(client, settings, teacher_user):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "login": "2/15m", "login_user": "2/15m"}
    for _ in range(4):
        client.logout()
        response = client.post(
            "/teachers/login/", {"username": "teacher", "password": "a-long-pass-phrase-1"}
        )
        assert response.status_code == 302


def test_profile_changes_name_and_school(teacher, teacher_user):
    response = teacher.post("/teachers/profile/", {"display_name": "Mr T", "school": ""})
    assert response.status_code == 302
    teacher_user.teacher.refresh_from_db()
    assert teacher_user.teacher.display_name == "Mr T"


def test_password_reset_mails_a_link_that_sets_a_new_password(visitor, teacher_user):
    visitor.post("/teachers/password-reset/", {"email": "teacher@school.example"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/teachers/reset/\S+/)", mail.outbox[0].body).group(1)
    form = visitor.get(link, follow=True)
    assert "Choose a new password" in form.content.decode()
    done = visitor.post(
        form.redirect_chain[-1][0],
        {"new_password1": "green-kite-river-77", "new_password2": "green-kite-river-77"},
        follow=True,
    )
    assert "Password changed" in done.content.decode()
    assert visitor.login(username="teacher", password="green-kite-river-77")
