from django.contrib import admin

from .models import Analysis


@admin.register(Analysis)
class AnalysisAdmin(admin.ModelAdmin):
    list_display = ["public_id", "media_kind", "status", "verdict", "size", "created_at"]
    list_filter = ["status", "media_kind", "created_at"]
    search_fields = ["public_id", "sha256"]
    readonly_fields = [f.name for f in Analysis._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description="verdict")
    def verdict(self, obj) -> str:
        return obj.verdict or "—"
