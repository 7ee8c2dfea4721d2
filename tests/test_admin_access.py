"""Every admin URL refuses anonymous visitors and teachers (who are not staff)."""

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from quiz.classrooms.models import Student
from quiz.classrooms.services import classroom_create, student_join, teacher_signup
from tests.quiz.classrooms.helpers import student_client

pytestmark = pytest.mark.django_db


def admin_urls() -> list[str]:
    urls = [reverse("admin:index"), reverse("admin:password_change")]
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls += [reverse(f"{prefix}_changelist"), reverse(f"{prefix}_add")]
        urls += [reverse(f"{prefix}_{view}", args=[1]) for view in ("change", "delete", "history")]
    return urls


@pytest.fixture
def teacher_browser(db):
    user = teacher_signup(
        username="t", email="t@school.example", password="a-long-pass-1", display_name="T"
    ).user
    classroom = classroom_create(owner=user, name="7B")
    student_join(code=classroom.join_code, nickname="Sam")  # objects with pk 1 exist
    browser = Client()
    browser.force_login(user)
    return browser


@pytest.mark.parametrize("who", ["anonymous", "teacher", "student"])
def test_admin_pages_send_non_staff_to_the_admin_login(who, teacher_browser):
    browsers = {
        "anonymous": Client(),
        "teacher": teacher_browser,
        "student": student_client(Student.objects.get()),
    }
    browser = browsers[who]
    urls = admin_urls()
    assert len(urls) >= 40
    for url in urls:
        for method in ("get", "post"):
            response = getattr(browser, method)(url)
            assert response.status_code == 302, (method, url)
            assert response["Location"].startswith("/admin/login/"), (method, url)


def test_the_admin_reaches_the_same_pages(admin, teacher_browser):
    for url in admin_urls():
        if "/delete/" in url or "/password_change/" in url:
            continue
        response = admin.get(url)
        # 403: an add page of a model nobody adds by hand (attempts, students).
        assert response.status_code in {200, 302, 403}, url
        assert not response.get("Location", "").startswith("/admin/login/"), url


def test_admins_approve_waiting_teachers(admin, settings):
    settings.TEACHER_APPROVAL_REQUIRED = True
    profile = teacher_signup(
        username="w", email="w@school.example", password="a-long-pass-1", display_name="W"
    )
    admin.post(
        reverse("admin:quiz_teacherprofile_changelist"),
        {"action": "approve", "_selected_action": [profile.pk]},
    )
    profile.refresh_from_db()
    assert profile.approved
