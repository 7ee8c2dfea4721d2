"""The signed "shown at" note that measures time taken without a session write."""

import time

from quiz.forms import elapsed_ms, shown_token


def test_it_measures_the_time_since_the_item_was_shown(monkeypatch):
    token = shown_token(7)
    later = time.time() + 12.5
    monkeypatch.setattr(time, "time", lambda: later)
    assert 12_400 <= elapsed_ms(token, 7) <= 12_600


def test_a_note_for_another_item_a_forged_time_or_garbage_counts_for_nothing():
    token = shown_token(7)
    item, shown_at, signature = token.split(".")
    assert elapsed_ms(token, 8) is None
    assert elapsed_ms(f"{item}.{int(shown_at) - 60_000}.{signature}", 7) is None
    assert elapsed_ms(f"8.{shown_at}.{signature}", 8) is None
    for junk in ("", "...", "7", "abc.def", "7.x." + signature):
        assert elapsed_ms(junk, 7) is None


def test_a_note_older_than_a_day_counts_for_nothing(monkeypatch):
    token = shown_token(7)
    later = time.time() + 25 * 3600
    monkeypatch.setattr(time, "time", lambda: later)
    assert elapsed_ms(token, 7) is None
