"""Quiz pages: list, intro, one item per page, reveal, results.

Every step is a plain form post, so a quiz can be played to the end without JavaScript.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import page_cache, presenters
from .errors import (
    AlreadyAnswered,
    AttemptClosed,
    AttemptNotFound,
    InvalidAnswer,
    ItemNotFound,
    QuizNotFound,
    RevisionNotAllowed,
)
from .forms import AnswerForm, elapsed_ms, shown_token
from .models import Attempt
from .selectors import (
    attempt_get,
    attempt_summary,
    attempts_to_continue,
    crowd_stats,
    faq_links,
    item_at,
    quiz_get,
    quiz_list,
    response_for,
)
from .services import attempt_answer, attempt_finish, attempt_revise, attempt_start


def _session_key(request) -> str:
    if not request.session.session_key:
        request.session["quiz_player"] = True
        request.session.save()
    return request.session.session_key


def _own_attempt(request, token: str) -> Attempt:
    key = request.session.session_key
    if not key:
        raise Http404("No such attempt in this browser.")
    try:
        return attempt_get(public_id=token, session_key=key)
    except AttemptNotFound:
        raise Http404("No such attempt in this browser.") from None


def _item_or_404(attempt: Attempt, position: int, **options):
    try:
        return item_at(quiz=attempt.quiz, position=position, **options)
    except ItemNotFound:
        raise Http404("No such item in this quiz.") from None


def _play_url(attempt: Attempt, position: int, step: str = "play") -> str:
    return reverse(f"quiz:{step}", args=[attempt.public_id, position])


def _continue_links(request) -> dict[int, dict]:
    unfinished = attempts_to_continue(session_key=request.session.session_key)
    return {quiz_id: presenters.continue_link(a) for quiz_id, a in unfinished.items()}


@require_GET
def index(request):
    quizzes = list(quiz_list())
    links = _continue_links(request)
    for quiz in quizzes:
        quiz.continue_link = links.get(quiz.pk)
    return render(request, "quiz/index.html", {"quizzes": quizzes})


@require_GET
def intro(request, slug):
    try:
        quiz = quiz_get(slug=slug, include_unpublished=request.user.is_staff)
    except QuizNotFound:
        raise Http404("No such quiz.") from None
    link = _continue_links(request).get(quiz.pk)
    return render(request, "quiz/intro.html", {"quiz": quiz, "continue_link": link})


@require_POST
def start(request, slug):
    try:
        quiz = quiz_get(slug=slug, include_unpublished=request.user.is_staff)
    except QuizNotFound:
        raise Http404("No such quiz.") from None
    attempt = attempt_start(quiz=quiz, session_key=_session_key(request))
    return redirect(_play_url(attempt, 1))


def _play_context(attempt, item, position, form):
    return presenters.play_context(
        quiz=attempt.quiz,
        total=attempt.item_count,
        item=item,
        position=position,
        form=form,
        shown=shown_token(item.pk),
    )


@require_http_methods(["GET", "POST"])
def play(request, token, position):
    if request.method == "GET":
        cached = page_cache.play_page(request, token=token, position=position)
        if cached is not None:
            return cached
    attempt = _own_attempt(request, token)
    posted = request.method == "POST"
    # A GET needs neither the detector's analyses nor a second query to see if it was answered.
    item = _item_or_404(
        attempt, position, with_analyses=posted, answered_in=None if posted else attempt
    )
    if attempt.is_finished:
        return redirect(attempt)
    if not posted and item.answered:
        return redirect(_play_url(attempt, position, "reveal"))
    # An unanswered GET needs no form object: the template renders the empty form itself.
    form = AnswerForm(request.POST, kind=item.kind) if posted else None
    if form is not None and form.is_valid():
        data = form.cleaned_data
        try:
            attempt_answer(
                attempt=attempt,
                item=item,
                answer=data["answer"],
                confidence=data["confidence"],
                time_ms=elapsed_ms(data.get("shown") or "", item.pk),
                click=form.click,
                cell=form.cell_value,
            )
        except AlreadyAnswered:
            return redirect(_play_url(attempt, position, "reveal"))
        except AttemptClosed:
            return redirect(attempt)
        except InvalidAnswer as exc:
            form.add_error(None, exc.message)
        else:
            return redirect(_after_answer(attempt, item, position))
    status = 400 if form is not None and form.errors else 200
    return render(
        request, "quiz/play.html", _play_context(attempt, item, position, form), status=status
    )


def _after_answer(attempt, item, position) -> str:
    if attempt.machine_informed and presenters.detector_view(item) is not None:
        return _play_url(attempt, position, "revise")
    if attempt.reveal_mode != Attempt.RevealMode.EACH:
        return _next_step(attempt, position)
    return _play_url(attempt, position, "reveal")


def _next_step(attempt, position) -> str:
    if position < attempt.item_count:
        return _play_url(attempt, position + 1)
    return reverse("quiz:finish", args=[attempt.public_id])


@require_http_methods(["GET", "POST"])
def revise(request, token, position):
    attempt = _own_attempt(request, token)
    item = _item_or_404(attempt, position)
    response = response_for(attempt=attempt, item=item)
    if response is None:
        return redirect(_play_url(attempt, position))
    detector = presenters.detector_view(item)
    done = response.revised_confidence is not None
    if done or not attempt.machine_informed or not detector or detector["state"] != "done":
        return redirect(_play_url(attempt, position, "reveal"))
    response.item = item
    form = AnswerForm(request.POST or None, kind=item.kind, require_mark=False)
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            attempt_revise(
                attempt=attempt,
                response=response,
                answer=data["answer"],
                confidence=data["confidence"],
                click=form.click,
                cell=form.cell_value,
            )
        except (RevisionNotAllowed, AttemptClosed):
            pass
        except InvalidAnswer as exc:
            form.add_error(None, exc.message)
        if not form.errors:
            return redirect(_play_url(attempt, position, "reveal"))
    context = _play_context(attempt, item, position, form)
    context.update(
        {
            "response": response,
            "detector": detector,
            "first_answer": presenters.answer_label(response.answer),
            "grid_required": False,
            "confidence": (form["confidence"].value() if form.is_bound else None)
            or response.confidence,
        }
    )
    return render(request, "quiz/revise.html", context, status=400 if form.errors else 200)


@require_GET
def reveal(request, token, position):
    attempt = _own_attempt(request, token)
    item = _item_or_404(attempt, position)
    response = response_for(attempt=attempt, item=item)
    if response is None:
        return redirect(_play_url(attempt, position))
    if not attempt.answers_shown():
        # Answers held back (an assignment's "at the end" / "after the due date"): go on.
        return redirect(_next_step(attempt, position))
    stats = crowd_stats(item_ids=[item.pk])[item.pk]
    return render(
        request,
        "quiz/reveal.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "item": item,
            "position": position,
            "total": attempt.item_count,
            "is_last": position >= attempt.item_count,
            "media": presenters.item_media(item),
            "reveal": presenters.reveal(item, response, stats),
        },
    )


@require_http_methods(["GET", "POST"])
def finish(request, token):
    attempt = _own_attempt(request, token)
    if request.method == "POST":
        attempt_finish(attempt=attempt)
        return redirect(attempt)
    return render(request, "quiz/finish.html", {"attempt": attempt, "quiz": attempt.quiz})


@require_GET
def results(request, token):
    try:
        attempt = attempt_get(public_id=token)
    except AttemptNotFound:
        raise Http404("No such result.") from None
    if not attempt.is_finished:
        raise Http404("This quiz has not been finished yet.")
    if not attempt.answers_shown():
        return render(
            request,
            "classrooms/held_results.html",
            {"quiz": attempt.quiz, "shown_from": attempt.answers_shown_from()},
        )
    summary = attempt_summary(attempt=attempt)
    faq = faq_links(slugs=[slug for cue, _ in summary.missed_cues for slug in cue.faq])
    is_owner = bool(request.session.session_key) and (
        request.session.session_key == attempt.session_key
    )
    return render(
        request,
        "quiz/results.html",
        {
            "summary": summary,
            "attempt": attempt,
            "quiz": attempt.quiz,
            "is_owner": is_owner,
            "share_url": request.build_absolute_uri(attempt.get_absolute_url()),
            "calibration_words": presenters.calibration_words(summary.calibration),
            "brier_words": presenters.brier_words(summary.calibration),
            "missed_cues": [
                {"cue": cue, "count": n, "faq": [faq[s] for s in cue.faq if s in faq]}
                for cue, n in summary.missed_cues
            ],
            "rows": [
                {
                    "position": n,
                    "kind": r.item.get_kind_display(),
                    "correct": r.final_correct,
                    "confidence": r.final_confidence,
                    "changed_mind": bool(r.revised_answer) and r.revised_answer != r.answer,
                }
                for n, r in enumerate(summary.responses, 1)
            ],
        },
    )
