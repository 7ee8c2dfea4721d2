"""Read-only queries for analyses."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.utils import timezone

from .errors import AnalysisNotFound
from .models import Analysis


def analysis_get(*, public_id: uuid.UUID | str) -> Analysis:
    """A live (not yet expired) analysis by its public id."""
    try:
        return Analysis.objects.get(public_id=public_id, expires_at__gt=timezone.now())
    except (Analysis.DoesNotExist, ValueError, TypeError):
        raise AnalysisNotFound(public_id) from None


def recent_job_durations(*, hours: float = 1.0, media_kind: str | None = None) -> list[float]:
    """Seconds from claim to finish of analyses done in the last `hours` (of one media kind)."""
    since = timezone.now() - timedelta(hours=hours)
    done = Analysis.objects.filter(
        status=Analysis.Status.DONE, finished_at__gte=since, started_at__isnull=False
    )
    if media_kind is not None:
        done = done.filter(media_kind=media_kind)
    rows = done.values_list("started_at", "finished_at")
    return [(finished - started).total_seconds() for started, finished in rows]
