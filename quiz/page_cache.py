"""The unanswered play page, rendered once per process and item, then shared by every player.

Only two things on that page differ between players: the CSRF token and the signed note of
when the item was shown. The page is rendered with a placeholder for each and stored in the
process's "fragments" cache; every request swaps in its own values. The key is a hash of every
input the page shows (the item's shown columns, the quiz's title and slug, the position and
the number of items), so an edit in the admin makes a new key at once and a stale page is
never served. Anything the page shows must go into that key, or make `play_page` decline.

It declines (returns None, and the view renders as usual) whenever it is not sure: a POST, no
session, pending messages, a visitor who may be signed in, an attempt that is not this
session's or is finished, an item already answered, or no item at that position.
"""

from __future__ import annotations

import hashlib
import os
import secrets
import uuid

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, get_token
from django.template.loader import render_to_string

from project.navigation import may_be_signed_in

from . import presenters
from .forms import shown_token
from .models import Item, Quiz
from .selectors import PLAY_ITEM_COLUMNS, PlayRow, play_page_row

CACHE_ALIAS = "fragments"
TIMEOUT = 3600
# Random per process, so no text typed into an item can imitate a placeholder.
CSRF_SLOT = f"csrf-{secrets.token_hex(12)}"
SHOWN_SLOT = f"shown-{secrets.token_hex(12)}"
_UNBIASED = 256 - 256 % len(CSRF_ALLOWED_CHARS)  # bytes below this map evenly onto the chars
_CHAR_INDEX = {c: i for i, c in enumerate(CSRF_ALLOWED_CHARS)}


def _random_chars(n: int) -> str:
    chars = ""
    while len(chars) < n:
        chars += "".join(CSRF_ALLOWED_CHARS[b % len(CSRF_ALLOWED_CHARS)]
                         for b in os.urandom(n + 16) if b < _UNBIASED)  # fmt: skip
    return chars[:n]


def csrf_token(request) -> str:
    """Django's masked CSRF token (what get_token returns) with the mask drawn in one
    os.urandom call: get_token draws its 32 mask characters one by one, which was a third of
    this page's cost. Django's own check accepts it (tests post with it, CSRF enforced)."""
    secret = request.META.get("CSRF_COOKIE")  # set and validated by CsrfViewMiddleware
    if not secret or len(secret) != CSRF_SECRET_LENGTH:
        return get_token(request)
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True  # renew the cookie, as get_token does
    mask = _random_chars(CSRF_SECRET_LENGTH)
    chars, index = CSRF_ALLOWED_CHARS, _CHAR_INDEX
    cipher = "".join(
        chars[(index[s] + index[m]) % len(chars)] for s, m in zip(secret, mask, strict=True)
    )
    return mask + cipher


def page_key(row: PlayRow, position: int) -> str:
    # The slot names are per process: were "fragments" ever a shared cache, each process would
    # still only find pages holding its own placeholders.
    inputs = repr((CSRF_SLOT, row.quiz, row.total, position, row.item)).encode()
    return "quiz-play:" + hashlib.blake2b(inputs, digest_size=16).hexdigest()


def _render(request, row: PlayRow, position: int) -> str:
    quiz_id, title, slug = row.quiz
    quiz = Quiz(id=quiz_id, title=title, slug=slug)
    fields = dict(zip(PLAY_ITEM_COLUMNS, row.item, strict=True))
    fields["public_id"] = uuid.UUID(str(fields["public_id"]))
    item = Item(quiz_id=quiz_id, **fields)
    context = presenters.play_context(
        quiz=quiz, total=row.total, item=item, position=position, form=None, shown=SHOWN_SLOT
    )
    # Whoever happens to cause the render, the stored page is the anonymous visitor's page.
    context.update({"csrf_token": CSRF_SLOT, "user": AnonymousUser(), "perms": None})
    return render_to_string("quiz/play.html", context, request=request)


def play_page(request, *, token: str, position: int) -> HttpResponse | None:
    """The play page from the shared cache, or None when the view must render it itself."""
    session_key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if (
        request.method != "GET"
        or not session_key
        or CookieStorage.cookie_name in request.COOKIES
        or may_be_signed_in(request)
    ):
        return None
    row = play_page_row(public_id=token, session_key=session_key, position=position)
    if row is None or row.finished or row.item is None or row.answered:
        return None
    cache = caches[CACHE_ALIAS]
    key = page_key(row, position)
    page = cache.get(key)
    if page is None:
        page = _render(request, row, position).encode()  # bytes: cheap to store and send
        cache.set(key, page, TIMEOUT)
    item_id = row.item[0]
    html = page.replace(CSRF_SLOT.encode(), csrf_token(request).encode(), 1).replace(
        SHOWN_SLOT.encode(), shown_token(item_id).encode(), 1
    )
    return HttpResponse(html)
