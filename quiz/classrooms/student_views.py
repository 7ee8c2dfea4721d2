"""Student pages: join with a code and a nickname, see assigned quizzes, start or resume one.

Students have no account: a random secret in a signed cookie keeps them signed in on this
device. Playing itself happens on the ordinary quiz pages (the attempt carries the assignment).
"""

from __future__ import annotations

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from project.ratelimit import blocked, client_ip, count, too_many

from .access import current_student, sign_in_student, sign_out_student
from .assignments import assignment_start
from .errors import ClassroomError, JoinRefused, NotFound, WrongJoinCode
from .forms import JoinForm
from .selectors import first_unanswered_position, student_assignment, student_tasks
from .services import classroom_for_code, normalise_code, student_join


def _join_page(request, form, status=200, error=""):
    return render(
        request,
        "classrooms/join.html",
        {"form": form, "student": current_student(request), "error": error},
        status=status,
    )


def _refused(request, form, exc: ClassroomError):
    # Only codes that match no class count, so a whole class behind one address can join
    # (and retrying the code of a class whose joining is closed uses up nothing).
    if isinstance(exc, WrongJoinCode):
        count("join", client_ip(request))
    if not form.is_bound:  # a join link with a bad code
        return _join_page(request, form, status=400, error=exc.message)
    form.add_error("code" if isinstance(exc, JoinRefused) else "nickname", exc.message)
    return _join_page(request, form, status=400)


@require_http_methods(["GET", "POST"])
def join(request, code: str = ""):
    wait = blocked("join", client_ip(request))
    if wait:
        return too_many(request, wait)
    if request.method == "GET":
        form = JoinForm(initial={"code": normalise_code(code)})
        if code:
            try:
                classroom_for_code(code)
            except JoinRefused as exc:
                return _refused(request, form, exc)
        return _join_page(request, form)
    form = JoinForm(request.POST)
    if not form.is_valid():
        return _join_page(request, form, status=400)
    try:
        student = student_join(**form.cleaned_data)
    except ClassroomError as exc:
        return _refused(request, form, exc)
    response = redirect("classrooms:student-home")
    sign_in_student(response, student)
    return response


@require_GET
def home(request):
    student = current_student(request)
    if student is None:
        return redirect("classrooms:join")
    return render(
        request,
        "classrooms/student_home.html",
        {"student": student, "tasks": student_tasks(student=student)},
    )


def _session_key(request) -> str:
    if not request.session.session_key:
        request.session["quiz_player"] = True
        request.session.save()
    return request.session.session_key


@require_POST
def start(request, public_id):
    student = current_student(request)
    if student is None:
        return redirect("classrooms:join")
    try:
        assignment = student_assignment(student=student, public_id=public_id)
        attempt = assignment_start(
            assignment=assignment, student=student, session_key=_session_key(request)
        )
    except NotFound:
        return redirect("classrooms:student-home")
    except ClassroomError as exc:
        return render(
            request,
            "classrooms/student_home.html",
            {"student": student, "tasks": student_tasks(student=student), "error": exc.message},
            status=400,
        )
    if attempt.is_finished:
        return redirect(attempt)
    position = first_unanswered_position(attempt=attempt)
    if position is None:
        return redirect(reverse("quiz:finish", args=[attempt.public_id]))
    return redirect(reverse("quiz:play", args=[attempt.public_id, position]))


@require_POST
def leave(request):
    response = redirect("classrooms:join")
    sign_out_student(response)
    return response
