"""Build the POST body an admin change form would send, from the page the admin was shown."""

from __future__ import annotations

from django import forms


def _add_form(data: dict, form) -> None:
    for name, field in form.fields.items():
        if isinstance(field, forms.FileField):
            continue  # an untouched file input sends nothing: the stored file is kept
        value = form[name].value()
        key = form.add_prefix(name)
        if isinstance(field, forms.BooleanField):
            if value:
                data[key] = "on"
        elif isinstance(value, list | tuple):
            data[key] = [str(v) for v in value]
        elif value is not None:
            data[key] = str(value)


def change_form_data(page) -> dict:
    """Every field of the change form and its inline formsets, as they were shown."""
    context = page.context
    data: dict = {}
    _add_form(data, context["adminform"].form)
    for inline in context["inline_admin_formsets"]:
        formset = inline.formset
        _add_form(data, formset.management_form)
        for form in formset.forms:
            _add_form(data, form)
    return data
