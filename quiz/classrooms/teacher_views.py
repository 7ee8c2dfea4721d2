"""Teacher pages: dashboard, classrooms (code, QR, students) and assignments.

Every view is behind `teacher_required` and reads objects through the owner-filtered
selectors, so another teacher's ids answer 404.
"""

from __future__ import annotations

import io

import segno
from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .access import teacher_required
from .assignments import assignment_create, assignment_delete, assignment_update
from .errors import ClassroomError
from .forms import AssignmentEditForm, AssignmentForm, ClassroomForm, NicknameForm
from .selectors import (
    active_assignments,
    assignment_of,
    assignment_started,
    classroom_assignments,
    classroom_of,
    classroom_students,
    recent_activity,
    student_of,
    teacher_classrooms,
)
from .services import (
    classroom_create,
    classroom_delete,
    classroom_regenerate_code,
    classroom_rename,
    classroom_set_archived,
    classroom_set_joining,
    student_remove,
    student_rename,
)


@teacher_required
@require_GET
def dashboard(request):
    classrooms = list(teacher_classrooms(owner=request.user))
    return render(
        request,
        "classrooms/dashboard.html",
        {
            "classrooms": [c for c in classrooms if not c.archived],
            "archived": [c for c in classrooms if c.archived],
            "assignments": active_assignments(owner=request.user),
            "activity": recent_activity(owner=request.user),
        },
    )


@teacher_required
@require_http_methods(["GET", "POST"])
def classroom_new(request):
    form = ClassroomForm(request.POST or None)
    if form.is_valid():
        classroom = classroom_create(owner=request.user, name=form.cleaned_data["name"])
        messages.success(request, f"Class “{classroom.name}” created. Share its code.")
        return redirect(classroom)
    status = 400 if form.errors else 200
    return render(request, "classrooms/classroom_new.html", {"form": form}, status=status)


def _classroom_page(request, classroom, rename_form=None, status=200):
    return render(
        request,
        "classrooms/classroom.html",
        {
            "classroom": classroom,
            "join_url": request.build_absolute_uri(classroom.join_path()),
            "rename_form": rename_form or ClassroomForm(initial={"name": classroom.name}),
            "students": classroom_students(classroom=classroom),
            "assignments": classroom_assignments(classroom=classroom),
        },
        status=status,
    )


@teacher_required
@require_GET
def classroom_detail(request, public_id):
    return _classroom_page(request, classroom_of(owner=request.user, public_id=public_id))


@teacher_required
@require_POST
def classroom_edit(request, public_id):
    """One endpoint for the small classroom forms; `action` names the button pressed."""
    classroom = classroom_of(owner=request.user, public_id=public_id)
    action = request.POST.get("action")
    if action == "rename":
        form = ClassroomForm(request.POST)
        if not form.is_valid():
            return _classroom_page(request, classroom, rename_form=form, status=400)
        classroom_rename(classroom=classroom, name=form.cleaned_data["name"])
        messages.success(request, "Class renamed.")
    elif action == "new-code":
        classroom_regenerate_code(classroom=classroom)
        messages.success(request, "New code made: the old code no longer works.")
    elif action in {"close-joining", "open-joining"}:
        classroom_set_joining(classroom=classroom, open_=action == "open-joining")
        messages.success(
            request, "Joining is open." if classroom.joining_open else "Joining closed."
        )
    elif action in {"archive", "unarchive"}:
        classroom_set_archived(classroom=classroom, archived=action == "archive")
        messages.success(request, "Class archived." if classroom.archived else "Class restored.")
    else:
        messages.error(request, "Unknown action.")
        return _classroom_page(request, classroom, status=400)
    return redirect(classroom)


@teacher_required
@require_http_methods(["GET", "POST"])
def classroom_delete_view(request, public_id):
    classroom = classroom_of(owner=request.user, public_id=public_id)
    if request.method == "POST":
        name = classroom.name
        classroom_delete(classroom=classroom)
        messages.success(request, f"Class “{name}” and all its students' answers were deleted.")
        return redirect("classrooms:dashboard")
    return render(request, "classrooms/classroom_delete.html", {"classroom": classroom})


@teacher_required
@require_GET
def classroom_qr(request, public_id):
    classroom = classroom_of(owner=request.user, public_id=public_id)
    buffer = io.BytesIO()
    segno.make(request.build_absolute_uri(classroom.join_path()), error="m").save(
        buffer, kind="svg", scale=8, border=2, xmldecl=False, title=f"Join {classroom.name}"
    )
    response = HttpResponse(buffer.getvalue(), content_type="image/svg+xml")
    response["Cache-Control"] = "private, no-store"
    return response


@teacher_required
@require_POST
def student_edit(request, public_id):
    student = student_of(owner=request.user, public_id=public_id)
    classroom = student.classroom
    if request.POST.get("action") == "remove":
        student_remove(student=student)
        messages.success(request, f"{student.nickname} and their answers were removed.")
        return redirect(classroom)
    form = NicknameForm(request.POST)
    if not form.is_valid():
        messages.error(request, "A nickname needs 1 to 30 characters.")
        return redirect(classroom)
    try:
        student_rename(student=student, nickname=form.cleaned_data["nickname"])
    except ClassroomError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"Renamed to {student.nickname}.")
    return redirect(classroom)


@teacher_required
@require_http_methods(["GET", "POST"])
def assignment_new(request, public_id):
    classroom = classroom_of(owner=request.user, public_id=public_id)
    form = AssignmentForm(request.POST or None, classroom=classroom)
    if form.is_valid():
        try:
            assignment = assignment_create(classroom=classroom, **form.cleaned_data)
        except ClassroomError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"“{assignment.quiz.title}” assigned to {classroom.name}.")
            return redirect(classroom)
    return render(
        request,
        "classrooms/assignment_new.html",
        {"classroom": classroom, "form": form},
        status=400 if form.errors else 200,
    )


@teacher_required
@require_http_methods(["GET", "POST"])
def assignment_edit(request, public_id):
    assignment = assignment_of(owner=request.user, public_id=public_id)
    started = assignment_started(assignment=assignment)
    form = AssignmentEditForm(
        request.POST if request.method == "POST" else None,
        assignment=assignment,
        started=started,
    )
    if form.is_valid():
        try:
            assignment_update(assignment=assignment, **form.cleaned_data)
        except ClassroomError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "Assignment changes saved.")
            return redirect(assignment)
    return render(
        request,
        "classrooms/assignment_edit.html",
        {
            "assignment": assignment,
            "classroom": assignment.classroom,
            "form": form,
            "started": started,
        },
        status=400 if form.errors else 200,
    )


@teacher_required
@require_POST
def assignment_delete_view(request, public_id):
    assignment = assignment_of(owner=request.user, public_id=public_id)
    classroom = assignment.classroom
    assignment_delete(assignment=assignment)
    messages.success(request, "Assignment and its answers deleted.")
    return redirect(classroom)
