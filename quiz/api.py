"""REST API for playing quizzes: the same flow as the pages, so a mobile client can use it.

Attempts belong to the caller's session (cookie), like the pages; answers return the reveal.
"""

from __future__ import annotations

from drf_spectacular.utils import (
    OpenApiResponse,
    PolymorphicProxySerializer,
    extend_schema,
    extend_schema_serializer,
)
from rest_framework import serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from detector.api import ERROR_BODY
from learn.markup import render_markdown
from project.api_errors import ApiError

from . import presenters
from .api_serializers import (
    AnswerIn,
    AttemptOut,
    HeldAnswerOut,
    QuizDetailOut,
    QuizOut,
    ResultOut,
    RevealOut,
)
from .errors import (
    AlreadyAnswered,
    AttemptClosed,
    AttemptNotFound,
    InvalidAnswer,
    ItemNotFound,
    QuizNotFound,
    RevisionNotAllowed,
)
from .models import Attempt, Quiz
from .selectors import (
    attempt_get,
    attempt_summary,
    crowd_stats,
    item_get,
    quiz_get,
    quiz_list,
    response_for,
)
from .services import attempt_answer, attempt_finish, attempt_revise, attempt_start


def _not_found(message: str) -> ApiError:
    return ApiError(code="not_found", message=message, status_code=status.HTTP_404_NOT_FOUND)


def _session_key(request) -> str:
    if not request.session.session_key:
        request.session["quiz_player"] = True
        request.session.save()
    return request.session.session_key


def _own_attempt(request, token: str) -> Attempt:
    try:
        return attempt_get(public_id=token, session_key=request.session.session_key or "-")
    except AttemptNotFound:
        raise _not_found("No such attempt for this session.") from None


def _quiz(slug: str) -> Quiz:
    try:
        return quiz_get(slug=slug)
    except QuizNotFound:
        raise _not_found("No published quiz with this slug.") from None


def _reveal_data(attempt, item, position, response) -> dict:
    stats = crowd_stats(item_ids=[item.pk])[item.pk]
    data = presenters.reveal(item, response, stats)
    detector = data["detector"]
    return {
        **data,
        "item": item.public_id,
        "position": position,
        "explanation_html": render_markdown(data["explanation"]),
        "can_revise": bool(
            attempt.machine_informed
            and detector
            and detector["state"] == "done"
            and response.revised_confidence is None
        ),
    }


def _held_answer(attempt, item, position) -> dict:
    return HeldAnswerOut(
        {
            "item": item.public_id,
            "position": position,
            "answers_held": True,
            "shown_from": attempt.answers_shown_from(),
        }
    ).data


def _held_result(request, attempt) -> dict:
    return {
        "id": attempt.public_id,
        "quiz": attempt.quiz.slug,
        "score": None,
        "total": getattr(attempt, "item_count", None) or attempt.quiz.items.count(),
        "answers_held": True,
        "shown_from": attempt.answers_shown_from(),
        "brier": None,
        "mean_confidence": None,
        "accuracy": None,
        "calibration": None,
        "calibration_words": "",
        "missed_cues": [],
        "share_url": request.build_absolute_uri(attempt.get_absolute_url()),
    }


def _result_data(request, attempt) -> dict:
    if not attempt.answers_shown():
        return _held_result(request, attempt)
    summary = attempt_summary(attempt=attempt)
    cal = summary.calibration
    return {
        "id": attempt.public_id,
        "quiz": attempt.quiz.slug,
        "score": summary.score,
        "total": summary.total,
        "brier": cal.brier if cal else None,
        "mean_confidence": cal.mean_confidence if cal else None,
        "accuracy": cal.accuracy if cal else None,
        "calibration": cal.verdict if cal else None,
        "calibration_words": presenters.calibration_words(cal),
        "missed_cues": [{"slug": c.slug, "name": c.name} for c, _ in summary.missed_cues],
        "share_url": request.build_absolute_uri(attempt.get_absolute_url()),
    }


class QuizListApi(APIView):
    @extend_schema(responses={200: QuizOut(many=True)}, summary="List published quizzes")
    def get(self, request):
        return Response(QuizOut(quiz_list(), many=True).data)


class QuizDetailApi(APIView):
    @extend_schema(
        responses={200: QuizDetailOut, 404: OpenApiResponse(ERROR_BODY)},
        summary="A quiz with its items (without answers)",
    )
    def get(self, request, slug):
        return Response(QuizDetailOut(_quiz(slug)).data)


class AttemptStartApi(APIView):
    @extend_schema(
        request=None,
        responses={201: AttemptOut, 404: OpenApiResponse(ERROR_BODY)},
        summary="Start playing a quiz",
        description="The attempt belongs to the caller's session cookie; keep sending it.",
    )
    def post(self, request, slug):
        attempt = attempt_start(quiz=_quiz(slug), session_key=_session_key(request))
        attempt = attempt_get(public_id=attempt.public_id)
        return Response(AttemptOut(attempt).data, status=status.HTTP_201_CREATED)


def _answer_args(data: dict) -> dict:
    click = (data["x"], data["y"]) if "x" in data and "y" in data else None
    return {"click": click, "cell": None if click else data.get("cell")}


class AnswerCreateApi(APIView):
    @extend_schema_serializer(component_name="QuizAnswerIn")
    class Input(AnswerIn):
        item = serializers.UUIDField()

    @extend_schema(
        request=Input,
        responses={
            201: PolymorphicProxySerializer(
                component_name="AnswerResult",
                serializers=[RevealOut, HeldAnswerOut],
                resource_type_field_name=None,
            ),
            400: ERROR_BODY,
            404: OpenApiResponse(ERROR_BODY),
            409: OpenApiResponse(ERROR_BODY),
        },
        summary="Answer one item and get the reveal",
    )
    def post(self, request, token):
        attempt = _own_attempt(request, token)
        data = self.Input(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            item, position = item_get(quiz=attempt.quiz, public_id=values["item"])
        except ItemNotFound:
            raise _not_found("This item is not part of this quiz.") from None
        try:
            response = attempt_answer(
                attempt=attempt,
                item=item,
                answer=values["answer"],
                confidence=values["confidence"],
                time_ms=values.get("time_ms"),
                **_answer_args(values),
            )
        except InvalidAnswer as exc:
            raise ApiError(code="invalid_answer", message=exc.message) from None
        except AlreadyAnswered:
            raise ApiError(
                code="already_answered",
                message="This item already has an answer in this attempt.",
                status_code=status.HTTP_409_CONFLICT,
            ) from None
        except AttemptClosed:
            raise ApiError(
                code="attempt_closed",
                message="This attempt is finished.",
                status_code=status.HTTP_409_CONFLICT,
            ) from None
        if not attempt.answers_shown():
            return Response(_held_answer(attempt, item, position), status=status.HTTP_201_CREATED)
        return Response(
            RevealOut(_reveal_data(attempt, item, position, response)).data,
            status=status.HTTP_201_CREATED,
        )


class RevisionCreateApi(APIView):
    @extend_schema(
        request=AnswerIn,
        responses={200: RevealOut, 400: ERROR_BODY, 404: OpenApiResponse(ERROR_BODY)},
        summary="Machine-informed mode: confirm or change an answer after seeing the detector",
    )
    def post(self, request, token, item_id):
        attempt = _own_attempt(request, token)
        data = AnswerIn(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        try:
            item, position = item_get(quiz=attempt.quiz, public_id=item_id)
        except ItemNotFound:
            raise _not_found("This item is not part of this quiz.") from None
        response = response_for(attempt=attempt, item=item)
        if response is None:
            raise _not_found("Answer this item first.")
        response.item = item
        try:
            attempt_revise(
                attempt=attempt,
                response=response,
                answer=values["answer"],
                confidence=values["confidence"],
                **_answer_args(values),
            )
        except (RevisionNotAllowed, InvalidAnswer) as exc:
            raise ApiError(code="revision_refused", message=exc.message) from None
        except AttemptClosed:
            raise ApiError(
                code="attempt_closed",
                message="This attempt is finished.",
                status_code=status.HTTP_409_CONFLICT,
            ) from None
        if not attempt.answers_shown():
            return Response(_held_answer(attempt, item, position))
        return Response(RevealOut(_reveal_data(attempt, item, position, response)).data)


class AttemptFinishApi(APIView):
    @extend_schema(
        request=None,
        responses={200: ResultOut, 404: OpenApiResponse(ERROR_BODY)},
        summary="Finish an attempt and get the score and calibration",
    )
    def post(self, request, token):
        attempt = attempt_finish(attempt=_own_attempt(request, token))
        return Response(ResultOut(_result_data(request, attempt)).data)


class ResultDetailApi(APIView):
    @extend_schema(
        responses={200: ResultOut, 404: OpenApiResponse(ERROR_BODY)},
        summary="A finished attempt's shareable result (no personal data)",
    )
    def get(self, request, token):
        try:
            attempt = attempt_get(public_id=token)
        except AttemptNotFound:
            raise _not_found("No such result.") from None
        if not attempt.is_finished:
            raise _not_found("No such result.")
        return Response(ResultOut(_result_data(request, attempt)).data)
