"""A hint cookie that says "this browser may be signed in", so anonymous pages can skip the
database session.

Reading `request.user` loads the session from the database. Pages that are the same for every
anonymous visitor (the cached quiz play page) only need to know whether the visitor *might* be
signed in: the hint answers that from the request's cookies. It grants nothing: a visitor who
deletes it sees the anonymous page, and one who forges it gets the page rendered normally.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import SESSION_KEY

SIGNED_IN_COOKIE = "signed_in"


def may_be_signed_in(request) -> bool:
    return SIGNED_IN_COOKIE in request.COOKIES


def signed_in(request) -> dict[str, bool]:
    """Template context: `signed_in`, reading the session only when the hint says it may help."""
    return {"signed_in": may_be_signed_in(request) and request.user.is_authenticated}


class SignedInHintMiddleware:
    """Keeps the hint in step with the session whenever a request has loaded the session anyway
    (signing in and out always do), so it never costs a query of its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or not hasattr(session, "_session_cache"):
            return response  # the session was never read: nothing new is known
        signed_in = SESSION_KEY in session
        hinted = may_be_signed_in(request)
        if signed_in and not hinted:
            response.set_cookie(
                SIGNED_IN_COOKIE,
                "1",
                max_age=settings.SESSION_COOKIE_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        elif hinted and not signed_in:
            response.delete_cookie(SIGNED_IN_COOKIE, samesite="Lax")
        return response
