"""DRF throttle on the same counters as the HTML views (project.ratelimit)."""

from rest_framework.throttling import BaseThrottle

from .ratelimit import hit


class ClientRateThrottle(BaseThrottle):
    """Every API request counts against "api"; submissions also against "analysis"."""

    def allow_request(self, request, view) -> bool:
        scopes = ["api", *getattr(view, "extra_rate_scopes", ())]
        if request.method in {"GET", "HEAD", "OPTIONS"}:
            scopes = ["api"]
        self._wait = max((hit(scope, request) for scope in scopes), default=0)
        return self._wait == 0

    def wait(self) -> float | None:
        return self._wait or None
