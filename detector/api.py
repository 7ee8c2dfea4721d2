"""REST API: submit a file (202 + Location) and poll its analysis."""

from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from project.api_errors import ApiError

from .errors import AnalysisNotFound, UploadRejected
from .models import Analysis
from .presenters import overlay_url
from .selectors import analysis_get
from .services import analysis_submit

ERROR_BODY = inline_serializer(
    "ErrorBody",
    {
        "error": inline_serializer(
            "Error",
            {
                "code": serializers.CharField(),
                "message": serializers.CharField(),
                "fields": serializers.DictField(required=False),
            },
        )
    },
)


class AnalysisOut(serializers.ModelSerializer):
    id = serializers.UUIDField(source="public_id")
    url = serializers.SerializerMethodField()
    result_page = serializers.SerializerMethodField()
    progress = serializers.SerializerMethodField()
    verdict = serializers.CharField(allow_null=True)
    report = serializers.SerializerMethodField()

    class Meta:
        model = Analysis
        fields = [
            "id",
            "url",
            "result_page",
            "status",
            "progress",
            "media_kind",
            "mime_type",
            "size",
            "width",
            "height",
            "sha256",
            "verdict",
            "report",
            "error",
            "created_at",
            "started_at",
            "finished_at",
            "expires_at",
        ]

    def get_url(self, obj) -> str:
        return reverse("api:analysis-detail", args=[obj.public_id])

    def get_result_page(self, obj) -> str:
        return obj.get_absolute_url()

    def get_progress(self, obj) -> dict:
        return {"step": obj.step, "percent": obj.percent}

    def get_report(self, obj) -> dict | None:
        if not obj.report:
            return None
        report = dict(obj.report)
        report["evidence"] = [
            {
                **e,
                "overlays": [
                    {**o, "url": overlay_url(obj, o["name"])}
                    for o in e.get("overlays", [])
                    if o["name"] in (obj.overlays or {})
                ],
            }
            for e in report.get("evidence", [])
        ]
        if report.get("video"):
            stored = obj.overlays or {}
            report["video"] = {
                **report["video"],
                "frames": [
                    {**f, "url": overlay_url(obj, f["overlay"])}
                    for f in report["video"].get("frames", [])
                    if f["overlay"] in stored
                ],
            }
        return report


class AnalysisCreateApi(APIView):
    parser_classes = [MultiPartParser, FormParser]
    extra_rate_scopes = ("analysis",)

    class Input(serializers.Serializer):
        file = serializers.FileField(
            help_text="A JPEG, PNG or WebP image, or an MP4, MOV, WebM or MKV video (the type is "
            "checked from the bytes)."
        )

    @extend_schema(
        request=Input,
        responses={
            202: AnalysisOut,
            400: ERROR_BODY,
            413: ERROR_BODY,
            415: ERROR_BODY,
            429: ERROR_BODY,
        },
        summary="Submit an image or a video for analysis",
        description="Answers 202 with a Location header; poll that URL until status is "
        "`done` or `failed`.",
    )
    def post(self, request):
        data = self.Input(data=request.data)
        data.is_valid(raise_exception=True)
        try:
            analysis = analysis_submit(upload=data.validated_data["file"])
        except UploadRejected as exc:
            raise ApiError(code=exc.code, message=exc.message, status_code=exc.status) from None
        url = reverse("api:analysis-detail", args=[analysis.public_id])
        return Response(
            AnalysisOut(analysis).data, status=status.HTTP_202_ACCEPTED, headers={"Location": url}
        )


class AnalysisDetailApi(APIView):
    @extend_schema(
        responses={200: AnalysisOut, 404: OpenApiResponse(ERROR_BODY)},
        summary="Read an analysis: status, progress, verdict and evidence",
    )
    def get(self, request, public_id):
        try:
            analysis = analysis_get(public_id=public_id)
        except AnalysisNotFound:
            raise ApiError(
                code="not_found",
                message="No analysis with this id (it may have expired).",
                status_code=status.HTTP_404_NOT_FOUND,
            ) from None
        return Response(AnalysisOut(analysis).data)
