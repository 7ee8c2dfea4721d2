"""Export a quiz as a content pack: `manage.py export_quiz SLUG OUT.zip`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quiz.models import Quiz
from quiz.packs import pack_export


class Command(BaseCommand):
    help = "Write a quiz, its items and their media to a zip content pack."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("out", type=Path)

    def handle(self, *args, slug, out, **options):
        quiz = Quiz.objects.filter(slug=slug).first()
        if quiz is None:
            raise CommandError(f"No quiz with the slug {slug!r}.")
        out.write_bytes(pack_export(quiz=quiz))
        self.stdout.write(f"Wrote {quiz.items.count()} items of “{quiz.title}” to {out}")
