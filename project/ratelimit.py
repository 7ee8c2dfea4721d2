"""Per-client rate limits (fixed windows in the shared cache), for HTML views and the API.

Limits are settings like "60/10m" (count per window; s, m, h units). A refused request gets a
429 with Retry-After, as a page or as the API's JSON error body.
"""

from __future__ import annotations

import functools
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.shortcuts import render

_UNITS = {"s": 1, "m": 60, "h": 3600}


@dataclass(frozen=True)
class Limit:
    count: int
    window: int  # seconds


def parse_limit(text: str) -> Limit:
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d*)\s*([smh])\s*", text)
    if not match:
        raise ImproperlyConfigured(f"rate limit {text!r} is not like '60/10m'")
    count, amount, unit = match.groups()
    return Limit(int(count), int(amount or 1) * _UNITS[unit])


def client_ip(request) -> str:
    """The client's address; behind N trusted proxies, the Nth address from the right."""
    hops = settings.TRUSTED_PROXY_COUNT
    if hops:
        forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [p for p in forwarded if p]
        if len(forwarded) >= hops:
            return forwarded[-hops]
    return request.META.get("REMOTE_ADDR", "unknown")


def _window(scope: str) -> tuple[Limit, int, int]:
    limit = parse_limit(settings.RATE_LIMITS[scope])
    now = int(time.time())
    return limit, now, now - now % limit.window


def count(scope: str, ident: str) -> int:
    """Count one event for `ident` (an address, a username); 0 if allowed, else the seconds
    until the window resets."""
    limit, now, window_start = _window(scope)
    key = f"rl:{scope}:{ident}:{window_start}"
    cache.add(key, 0, timeout=limit.window + 1)
    try:
        counted = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=limit.window + 1)
        counted = 1
    if counted > limit.count:
        return max(window_start + limit.window - now, 1)
    return 0


def blocked(scope: str, ident: str) -> int:
    """Like `count` but without counting: for limits on failures only (logins, join codes)."""
    limit, now, window_start = _window(scope)
    if (cache.get(f"rl:{scope}:{ident}:{window_start}") or 0) >= limit.count:
        return max(window_start + limit.window - now, 1)
    return 0


def hit(scope: str, request) -> int:
    """Count one request from this client; 0 if allowed, else seconds to wait."""
    return count(scope, client_ip(request))


def too_many(request, retry_after: int):
    """The friendly 429 page with Retry-After."""
    response = render(request, "429.html", {"retry_after": retry_after}, status=429)
    response["Retry-After"] = str(retry_after)
    return response


def rate_limited(scope: str, methods: tuple[str, ...] = ("POST",)):
    """Decorator for HTML views: over the limit, render a friendly 429 page."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method in methods:
                retry_after = hit(scope, request)
                if retry_after:
                    return too_many(request, retry_after)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
