"""Forms that parse a player's answer; services decide whether it is right."""

from __future__ import annotations

import time

from django import forms
from django.utils.crypto import constant_time_compare, salted_hmac

from .models import CONFIDENCE_MAX, CONFIDENCE_MIN
from .scoring import CHOICES, SPOT_GRID

_SALT = "quiz.shown"
_MAX_AGE_MS = 24 * 3600 * 1000


def _signature(value: str) -> str:
    return salted_hmac(_SALT, value, algorithm="sha256").hexdigest()[:32]


def shown_token(item_id: int) -> str:
    """A signed note of when the item was shown, so time taken needs no session write.

    "item.milliseconds.signature": a plain HMAC, because this is minted on every play page
    view and signing.dumps (JSON, base64, a Signer) cost several times more."""
    value = f"{item_id}.{round(time.time() * 1000)}"
    return f"{value}.{_signature(value)}"


def elapsed_ms(token: str, item_id: int) -> int | None:
    value, _, signature = token.rpartition(".")
    if not constant_time_compare(signature, _signature(value)):
        return None
    shown_item, _, shown_at = value.partition(".")
    if shown_item != str(item_id) or not shown_at.isdigit():
        return None
    elapsed = round(time.time() * 1000) - int(shown_at)
    return max(0, elapsed) if elapsed <= _MAX_AGE_MS else None


class AnswerForm(forms.Form):
    answer = forms.ChoiceField(
        choices=[],
        error_messages={
            "required": "Choose an answer.",
            "invalid_choice": "Choose one of the answers shown.",
        },
    )
    confidence = forms.IntegerField(
        min_value=CONFIDENCE_MIN,
        max_value=CONFIDENCE_MAX,
        error_messages={
            "required": "Say how sure you are, from 50 % to 100 %.",
            "invalid": "How sure you are must be a whole number from 50 to 100.",
            "min_value": "50 %% means a pure guess; you cannot be less sure than that.",
            "max_value": "100 %% means completely sure; you cannot be surer than that.",
        },
    )
    x = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    y = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    cell = forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        choices=[(str(n), str(n)) for n in range(SPOT_GRID * SPOT_GRID)],
    )
    shown = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, kind: str, require_mark: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.require_mark = require_mark
        self.fields["answer"].choices = [(c.value, c.label) for c in CHOICES[kind]]

    def clean(self):
        data = super().clean()
        if self.kind == "spot" and self.require_mark and not self.errors:
            has_click = data.get("x") is not None and data.get("y") is not None
            if not has_click and data.get("cell") is None:
                raise forms.ValidationError(
                    "Mark where you think the picture was changed: click it or pick a square."
                )
        return data

    @property
    def click(self) -> tuple[int, int] | None:
        x, y = self.cleaned_data.get("x"), self.cleaned_data.get("y")
        return (x, y) if x is not None and y is not None else None

    @property
    def cell_value(self) -> int | None:
        return None if self.click else self.cleaned_data.get("cell")
