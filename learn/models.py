"""FAQ entries and glossary terms: the site's learning content, edited in the admin."""

from django.db import models
from django.urls import reverse


class FaqEntry(models.Model):
    class Category(models.TextChoices):
        BASICS = "basics", "What deepfakes are and how they are made"
        AI = "ai", "The role of artificial intelligence"
        USES = "uses", "Good uses"
        RISKS = "risks", "Risks of misuse"
        RESPONSIBLE = "responsible", "Using and meeting deepfakes responsibly"
        TOOL = "tool", "How our analysis tool works"
        PRIVACY = "privacy", "Privacy"

    question = models.CharField(max_length=200)
    slug = models.SlugField(max_length=80, unique=True)
    answer = models.TextField(help_text="Markdown. HTML is removed when it is shown.")
    category = models.CharField(max_length=20, choices=Category.choices)
    order = models.PositiveIntegerField(default=100)
    published = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["order", "question"]
        verbose_name = "FAQ entry"
        verbose_name_plural = "FAQ entries"

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return f"{reverse('learn:faq')}#{self.slug}"


class GlossaryTerm(models.Model):
    term = models.CharField(max_length=80)
    slug = models.SlugField(max_length=80, unique=True)
    definition = models.TextField(help_text="Markdown. HTML is removed when it is shown.")
    related_faq = models.ManyToManyField(
        FaqEntry, blank=True, related_name="glossary_terms", help_text="Where the term matters."
    )
    see_also = models.ManyToManyField("self", blank=True)
    published = models.BooleanField(default=True)

    class Meta:
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term

    def get_absolute_url(self) -> str:
        return f"{reverse('learn:glossary')}#{self.slug}"

    @property
    def letter(self) -> str:
        first = self.term[:1].upper()
        return first if first.isalpha() else "#"
