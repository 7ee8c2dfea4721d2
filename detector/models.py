"""One uploaded file and the life of its analysis, from queued to an explained report."""

import uuid

from django.db import models
from django.urls import reverse


def upload_path(instance: "Analysis", filename: str) -> str:
    # The user's file name never reaches the disk: only a random name and a sniffed extension.
    extension = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
    return f"uploads/{uuid.uuid4().hex}.{extension}"


class Analysis(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Queued"
        RUNNING = "running", "Running"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    class Kind(models.TextChoices):
        IMAGE = "image", "Image"
        VIDEO = "video", "Video"

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    step = models.CharField(max_length=100, blank=True)
    percent = models.PositiveSmallIntegerField(default=0)
    file = models.FileField(upload_to=upload_path, max_length=255, blank=True)
    media_kind = models.CharField(max_length=10, choices=Kind.choices)
    mime_type = models.CharField(max_length=50)
    size = models.PositiveBigIntegerField()
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    sha256 = models.CharField(max_length=64, db_index=True)
    report = models.JSONField(null=True, blank=True)
    overlays = models.JSONField(default=dict, blank=True, help_text="overlay name -> file path")
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    enqueued_at = models.DateTimeField(
        null=True, blank=True, help_text="when a message was last handed to the broker"
    )
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name_plural = "analyses"
        indexes = [
            models.Index(fields=["status", "started_at"]),
            models.Index(fields=["status", "enqueued_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.media_kind} {self.public_id} ({self.status})"

    def get_absolute_url(self) -> str:
        return reverse("detector:result", args=[self.public_id])

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def verdict(self) -> str | None:
        return (self.report or {}).get("verdict")
