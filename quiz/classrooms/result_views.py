"""Results of an assignment for its teacher: the page, a printable view and CSV exports."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from .. import presenters
from . import export
from .access import teacher_required
from .results import assignment_gains, assignment_results
from .selectors import assignment_of


def _results(request, public_id):
    assignment = assignment_of(owner=request.user, public_id=public_id)
    results = assignment_results(assignment=assignment)
    return assignment, results, assignment_gains(post=assignment, post_results=results)


def _context(assignment, results, gains) -> dict:
    return {
        "assignment": assignment,
        "classroom": assignment.classroom,
        "results": results,
        "gains": gains,
        "calibration_words": presenters.calibration_words(results.calibration),
        "brier_words": presenters.brier_words(results.calibration),
        "positions": range(1, len(results.items) + 1),
    }


@teacher_required
@require_GET
def results(request, public_id):
    return render(request, "classrooms/results.html", _context(*_results(request, public_id)))


@teacher_required
@require_GET
def results_print(request, public_id):
    return render(request, "classrooms/print.html", _context(*_results(request, public_id)))


TABLES = {"students", "items", "cues", "gains"}


@teacher_required
@require_GET
def results_csv(request, public_id, table):
    if table not in TABLES:
        raise Http404("No such table.")
    assignment, results_, gains = _results(request, public_id)
    if table == "gains":
        if gains is None:
            raise Http404("This assignment has no pre-test.")
        body = export.gains_csv(gains)
    else:
        body = getattr(export, f"{table}_csv")(results_)
    name = slugify(f"{assignment.classroom.name}-{assignment.quiz.title}-{table}") or table
    # The byte-order mark makes spreadsheet programs read accented nicknames as UTF-8.
    response = HttpResponse("\ufeff" + body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response
