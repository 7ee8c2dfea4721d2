"""The classroom cast: teacher, other_teacher, a classroom with a student, an assignment."""

from __future__ import annotations

import pytest
from django.test import Client

from quiz.classrooms.assignments import assignment_create
from quiz.classrooms.services import classroom_create, student_join, teacher_signup
from tests.quiz.classrooms.helpers import student_client
from tests.quiz.conftest import make_quiz


def make_teacher(username: str):
    return teacher_signup(
        username=username,
        email=f"{username}@school.example",
        password="a-long-pass-phrase-1",
        display_name=username.title(),
    ).user


@pytest.fixture
def teacher_user(db):
    return make_teacher("teacher")


@pytest.fixture
def other_teacher_user(db):
    return make_teacher("other")


@pytest.fixture
def teacher(client, teacher_user):
    client.force_login(teacher_user)
    return client


@pytest.fixture
def other_teacher(other_teacher_user):
    other = Client()
    other.force_login(other_teacher_user)
    return other


@pytest.fixture
def classroom(teacher_user):
    return classroom_create(owner=teacher_user, name="7B")


@pytest.fixture
def quiz(db):
    return make_quiz(kinds=("statement", "statement", "single"))


@pytest.fixture
def assignment(classroom, quiz):
    return assignment_create(classroom=classroom, quiz=quiz)


@pytest.fixture
def student_record(classroom):
    return student_join(code=classroom.join_code, nickname="Sam")


@pytest.fixture
def student(student_record):
    return student_client(student_record)
