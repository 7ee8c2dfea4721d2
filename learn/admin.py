from django.contrib import admin

from .models import FaqEntry, GlossaryTerm


@admin.register(FaqEntry)
class FaqEntryAdmin(admin.ModelAdmin):
    list_display = ["question", "category", "order", "published", "updated_at"]
    list_filter = ["category", "published"]
    list_editable = ["order", "published"]
    search_fields = ["question", "answer", "slug"]
    prepopulated_fields = {"slug": ["question"]}


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(admin.ModelAdmin):
    list_display = ["term", "slug", "published"]
    list_filter = ["published", "related_faq__category"]
    search_fields = ["term", "definition", "slug"]
    prepopulated_fields = {"slug": ["term"]}
    filter_horizontal = ["related_faq", "see_also"]
