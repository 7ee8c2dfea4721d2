"""Read-only queries for analyses."""

from __future__ import annotations

import uuid

from django.utils import timezone

from .errors import AnalysisNotFound
from .models import Analysis


def analysis_get(*, public_id: uuid.UUID | str) -> Analysis:
    """A live (not yet expired) analysis by its public id."""
    try:
        return Analysis.objects.get(public_id=public_id, expires_at__gt=timezone.now())
    except (Analysis.DoesNotExist, ValueError, TypeError):
        raise AnalysisNotFound(public_id) from None
