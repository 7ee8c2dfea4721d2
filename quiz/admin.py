"""Admin: quizzes with their ordered items inline, media previews, numeric region editing,
publish/duplicate/export actions and the detector's status per item with a recompute action."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import Avg, Case, Count, IntegerField, When
from django.http import HttpResponse
from django.utils.html import format_html, format_html_join

from .cues import CUE_CHOICES
from .models import Attempt, Item, Quiz, validate_regions
from .services import (
    item_analyse,
    item_refresh_dimensions,
    quiz_duplicate,
    quiz_set_published,
)


class RegionsField(forms.CharField):
    """Boxes edited as numbers: one "x, y, w, h" per line, in pixels of the full image."""

    widget = forms.Textarea(attrs={"rows": 3, "cols": 30})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(f"{r['x']}, {r['y']}, {r['w']}, {r['h']}" for r in value)
        return value

    def to_python(self, value):
        boxes = []
        for n, line in enumerate((value or "").strip().splitlines(), 1):
            if not line.strip():
                continue
            parts = [p.strip() for p in line.replace(";", ",").split(",")]
            try:
                x, y, w, h = (int(p) for p in parts)
            except ValueError:
                raise forms.ValidationError(
                    f"Line {n}: write four whole numbers, x, y, width and height."
                ) from None
            boxes.append({"x": x, "y": y, "w": w, "h": h})
        validate_regions(boxes)
        return boxes


class ItemForm(forms.ModelForm):
    regions = RegionsField(
        required=False,
        help_text="Changed areas, one box per line: x, y, width, height (pixels).",
    )
    source_url = forms.URLField(required=False, assume_scheme="https")
    cues = forms.MultipleChoiceField(
        choices=CUE_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Item
        fields = [
            "quiz", "key", "order", "kind", "prompt", "media", "media_b", "media_kind",
            "alt_text", "truth", "explanation", "cues", "regions", "mask", "tolerance",
            "credit", "licence", "source_url",
        ]  # fmt: skip


def _preview(item: Item) -> str:
    if not item.pk or not item.media or item.media_kind != Item.MediaKind.IMAGE:
        return "—"
    width, height = item.media_width or 1, item.media_height or 1
    boxes = format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="none" stroke="#ffd600" '
        'stroke-width="3" vector-effect="non-scaling-stroke"></rect>',
        ((r["x"], r["y"], r["w"], r["h"]) for r in item.regions or []),
    )
    # static/js/admin_regions.js lets the editor drag new boxes onto this preview.
    picture = format_html(
        '<span class="region-editor" data-width="{}" data-height="{}" '
        'style="position:relative;display:inline-block;line-height:0;cursor:crosshair">'
        '<img src="{}" alt="" width="240" draggable="false">'
        '<svg viewBox="0 0 {} {}" preserveAspectRatio="none" '
        'style="position:absolute;inset:0;width:100%;height:100%">{}</svg></span>',
        width,
        height,
        item.media_url("a"),
        width,
        height,
        boxes,
    )
    if item.media_b:
        picture = format_html('{} <img src="{}" alt="" width="240">', picture, item.media_url("b"))
    return format_html(
        "{}<br><small>{} × {} px. Drag on the picture to add a changed area.</small>",
        picture,
        width,
        height,
    )


def _detector_status(item: Item) -> str:
    parts = []
    for label, analysis in (("A", item.analysis), ("B", item.analysis_b)):
        if analysis is None:
            continue
        text = analysis.verdict or analysis.get_status_display()
        parts.append((label if item.analysis_b_id else "", analysis.get_absolute_url(), text))
    if not parts:
        return "not analysed"
    return format_html_join(" ", '{} <a href="{}">{}</a>', parts)


class ItemInline(admin.StackedInline):
    model = Item
    form = ItemForm

    class Media:
        js = ["js/admin_regions.js"]

    extra = 0
    ordering = ["order", "pk"]
    show_change_link = True
    fields = [
        ("order", "kind", "truth"),
        "prompt",
        ("media", "media_b", "media_kind"),
        "preview",
        "alt_text",
        "explanation",
        "cues",
        ("regions", "mask", "tolerance"),
        ("credit", "licence", "source_url"),
        "detector",
    ]
    readonly_fields = ["preview", "detector"]

    @admin.display(description="preview")
    def preview(self, obj):
        return _preview(obj)

    @admin.display(description="detector")
    def detector(self, obj):
        return _detector_status(obj) if obj.pk else "—"

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("analysis", "analysis_b")


def _after_item_saved(item: Item) -> int:
    item_refresh_dimensions(item=item)
    item.save(update_fields=["media_width", "media_height"])
    return item_analyse(item=item)


@admin.register(Quiz)
class QuizAdmin(admin.ModelAdmin):
    list_display = ["title", "slug", "level", "published", "machine_informed", "item_count"]
    list_filter = ["published", "level", "machine_informed"]
    search_fields = ["title", "slug", "description"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ItemInline]
    actions = ["publish", "unpublish", "duplicate", "export_pack"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(item_total=Count("items"))

    @admin.display(description="items", ordering="item_total")
    def item_count(self, obj):
        return obj.item_total

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Item:
            queued = sum(_after_item_saved(item) for item in formset.new_objects)
            queued += sum(_after_item_saved(item) for item, _ in formset.changed_objects)
            if queued:
                messages.info(request, f"The detector will analyse {queued} picture(s).")

    @admin.action(description="Publish the selected quizzes")
    def publish(self, request, queryset):
        n = quiz_set_published(quizzes=queryset, published=True)
        messages.success(request, f"Published {n} quiz(zes).")

    @admin.action(description="Unpublish the selected quizzes")
    def unpublish(self, request, queryset):
        n = quiz_set_published(quizzes=queryset, published=False)
        messages.success(request, f"Unpublished {n} quiz(zes).")

    @admin.action(description="Duplicate the selected quizzes (copies are unpublished)")
    def duplicate(self, request, queryset):
        for quiz in queryset:
            copy = quiz_duplicate(quiz=quiz)
            messages.success(request, f"Created “{copy.title}” ({copy.slug}).")

    @admin.action(description="Export the selected quiz as a content pack (zip)")
    def export_pack(self, request, queryset):
        from .packs import pack_export

        if queryset.count() != 1:
            messages.error(request, "Choose exactly one quiz to export.")
            return None
        quiz = queryset.get()
        response = HttpResponse(pack_export(quiz=quiz), content_type="application/zip")
        response["Content-Disposition"] = f'attachment; filename="{quiz.slug}.zip"'
        return response


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    form = ItemForm

    class Media:
        js = ["js/admin_regions.js"]

    list_display = ["__str__", "quiz", "order", "kind", "truth", "detector", "plays", "right"]
    list_filter = ["quiz", "kind", "analysis__status"]
    search_fields = ["prompt", "explanation", "key", "credit"]
    readonly_fields = ["public_id", "preview", "detector", "media_width", "media_height"]
    list_select_related = ["quiz", "analysis", "analysis_b"]
    actions = ["recompute"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                play_count=Count("responses"),
                right_share=Avg(
                    Case(When(responses__correct=True, then=100), default=0),
                    output_field=IntegerField(),
                ),
            )
        )

    @admin.display(description="preview")
    def preview(self, obj):
        return _preview(obj)

    @admin.display(description="detector")
    def detector(self, obj):
        return _detector_status(obj)

    @admin.display(description="plays", ordering="play_count")
    def plays(self, obj):
        return obj.play_count

    @admin.display(description="% right", ordering="right_share")
    def right(self, obj):
        return "—" if not obj.play_count else f"{round(obj.right_share)} %"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if _after_item_saved(obj):
            messages.info(request, "The detector will analyse the new picture.")

    @admin.action(description="Recompute the detector's report")
    def recompute(self, request, queryset):
        queued = sum(item_analyse(item=item, force=True) for item in queryset)
        messages.success(request, f"Queued {queued} analysis job(s).")


@admin.register(Attempt)
class AttemptAdmin(admin.ModelAdmin):
    list_display = ["public_id", "quiz", "machine_informed", "started_at", "finished_at"]
    list_filter = ["quiz", "machine_informed"]
    readonly_fields = [f.name for f in Attempt._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


# Classroom admin lives beside the classroom models.
from .classrooms import admin as _classrooms_admin  # noqa: E402, F401
