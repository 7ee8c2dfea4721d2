"""Import a content pack: `manage.py import_quiz FILE.zip [--slug NEW]` (all-or-nothing)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quiz.errors import PackRejected
from quiz.packs import MAX_TOTAL_BYTES, pack_import


class Command(BaseCommand):
    help = "Create an unpublished quiz from a zip content pack, or change nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--slug", help="Import under this slug instead of the pack's.")

    def handle(self, *args, file, slug=None, **options):
        if not file.is_file():
            raise CommandError(f"{file} is not a file.")
        if file.stat().st_size > MAX_TOTAL_BYTES:
            raise CommandError("The pack is larger than the allowed total size.")
        try:
            quiz = pack_import(data=file.read_bytes(), slug=slug)
        except PackRejected as exc:
            raise CommandError(f"Nothing was imported: {exc.message}") from None
        self.stdout.write(
            f"Imported “{quiz.title}” ({quiz.slug}) with {quiz.items.count()} items, "
            "unpublished. Publish it in the admin when you have checked it."
        )
