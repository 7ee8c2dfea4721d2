"""HTML pages of the analysis tool: upload form, result page, overlay images."""

import re

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from project.ratelimit import rate_limited

from .errors import AnalysisNotFound, UploadRejected
from .forms import UploadForm
from .models import Analysis
from .presenters import report_for_display
from .selectors import analysis_get
from .services import analysis_submit


@require_http_methods(["GET", "POST"])
@rate_limited("analysis")
def upload(request):
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    if form.is_bound and form.is_valid():
        try:
            analysis = analysis_submit(upload=form.cleaned_data["file"])
        except UploadRejected as exc:
            form.add_error("file", exc.message)
        else:
            return redirect(analysis)
    status = 400 if form.errors else 200
    return render(request, "detector/upload.html", {"form": form}, status=status)


def _analysis_or_404(public_id):
    try:
        return analysis_get(public_id=public_id)
    except AnalysisNotFound:
        raise Http404("No analysis with this id (it may have expired).") from None


@require_GET
def result(request, public_id):
    analysis = _analysis_or_404(public_id)
    return render(
        request,
        "detector/result.html",
        {"analysis": analysis, "report": report_for_display(analysis)},
    )


RANGE_CHUNK = 4 * 1024 * 1024  # an open-ended range ("bytes=N-") gets at most this much


def _byte_range(header: str, size: int) -> tuple[int, int] | None:
    """(first, last) byte of a single `bytes=` range, or None when it cannot be served."""
    match = re.fullmatch(r"bytes=(\d*)-(\d*)", header.strip())
    if not match or not (match[1] or match[2]):
        return None
    if match[1]:
        first = int(match[1])
        last = int(match[2]) if match[2] else first + RANGE_CHUNK - 1
    else:
        first, last = max(0, size - int(match[2])), size - 1
    last = min(last, size - 1)
    return (first, last) if first <= last else None


def _partial(analysis, header: str) -> HttpResponse:
    """Part of a video, so that browsers can seek in it (HTTP range request)."""
    size = analysis.file.size
    wanted = _byte_range(header, size)
    if wanted is None:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    first, last = wanted
    with analysis.file.open("rb") as handle:
        handle.seek(first)
        body = handle.read(last - first + 1)
    response = HttpResponse(body, status=206, content_type=analysis.mime_type)
    response["Content-Range"] = f"bytes {first}-{last}/{size}"
    return response


@require_GET
def original(request, public_id):
    """The uploaded file, only to whoever holds the id, never rendered as anything but itself."""
    analysis = _analysis_or_404(public_id)
    if not analysis.file:
        raise Http404("The file has been deleted.")
    header = request.headers.get("Range")
    if header and analysis.media_kind == Analysis.Kind.VIDEO:
        response = _partial(analysis, header)
    else:
        response = FileResponse(analysis.file.open("rb"), content_type=analysis.mime_type)
    response["Accept-Ranges"] = "bytes" if analysis.media_kind == Analysis.Kind.VIDEO else "none"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Disposition"] = "inline"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@require_GET
def overlay(request, public_id, name):
    analysis = _analysis_or_404(public_id)
    path = (analysis.overlays or {}).get(name)
    if path is None:
        raise Http404("No such overlay.")
    response = FileResponse(default_storage.open(path, "rb"), content_type="image/png")
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response
