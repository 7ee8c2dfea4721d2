from django import forms


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Image to analyse",
        help_text="JPEG, PNG or WebP, up to 20 MB. Deleted automatically after 24 hours.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        error_messages={
            "required": "Please choose an image file to analyse.",
            "empty": "This file is empty. Please choose an image file.",
        },
    )
