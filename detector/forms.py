from django import forms
from django.conf import settings


def _limits_text() -> str:
    image_mb = settings.ANALYSIS_MAX_IMAGE_BYTES / 1_048_576
    video_mb = settings.ANALYSIS_MAX_VIDEO_BYTES / 1_048_576
    return (
        f"Images: JPEG, PNG or WebP, up to {image_mb:g} MB. Videos: MP4, MOV, WebM or MKV, up "
        f"to {video_mb:g} MB and {settings.ANALYSIS_MAX_VIDEO_SECONDS:g} seconds. Deleted "
        f"automatically after {settings.ANALYSIS_RETENTION_HOURS:g} hours."
    )


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Image or video to analyse",
        widget=forms.ClearableFileInput(
            attrs={
                "accept": "image/jpeg,image/png,image/webp,video/mp4,video/quicktime,"
                "video/webm,video/x-matroska,.mkv"
            }
        ),
        error_messages={
            "required": "Please choose an image or video file to analyse.",
            "empty": "This file is empty. Please choose an image or video file.",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _limits_text()  # settings are read per request
