"""Forms of teacher and student pages: they validate input, services do the work."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.validators import UnicodeUsernameValidator

from .assignments import ASSIGNMENT_FIXED_ONCE_STARTED
from .models import Assignment, Classroom
from .selectors import assignable_quizzes
from .services import NICKNAME_MAX


class SignupForm(forms.Form):
    username = forms.CharField(
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text="Letters, digits and @ . + - _ only. You log in with it.",
    )
    email = forms.EmailField(help_text="Only used to reset your password.")
    display_name = forms.CharField(
        max_length=80, label="Your name", help_text="As your students know you, e.g. Ms Diaz."
    )
    school = forms.CharField(max_length=120, required=False, label="School (optional)")
    password1 = forms.CharField(label="Password", widget=forms.PasswordInput, strip=False)
    password2 = forms.CharField(label="Password again", widget=forms.PasswordInput, strip=False)

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("This username is taken. Choose another one.")
        return username

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two passwords differ.")
        elif first:
            user = get_user_model()(username=data.get("username"), email=data.get("email"))
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as exc:
                self.add_error("password1", exc)
        return data


class ProfileForm(forms.Form):
    display_name = forms.CharField(max_length=80, label="Your name")
    school = forms.CharField(max_length=120, required=False, label="School (optional)")


class ClassroomForm(forms.Form):
    name = forms.CharField(max_length=80, label="Class name", help_text="For example: 7B science")


class NicknameForm(forms.Form):
    nickname = forms.CharField(max_length=NICKNAME_MAX, label="Nickname")


class JoinForm(forms.Form):
    code = forms.CharField(
        max_length=12, label="Class code", help_text="Six letters and digits from your teacher."
    )
    nickname = forms.CharField(
        max_length=NICKNAME_MAX,
        label="Nickname",
        help_text="Not your full name: a first name or a made-up name is best.",
    )


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self):
        super().__init__(format="%Y-%m-%dT%H:%M")


class SchoolDateTimeField(forms.DateTimeField):
    """A date and time a class can use: year 1 or 9999 would overflow on the way to UTC."""

    FIRST_YEAR, LAST_YEAR = 2000, 2999

    def validate(self, value):
        super().validate(value)
        if value is not None and not self.FIRST_YEAR <= value.year <= self.LAST_YEAR:
            raise forms.ValidationError(
                f"Enter a date between the years {self.FIRST_YEAR} and {self.LAST_YEAR}."
            )


class AssignmentForm(forms.Form):
    quiz = forms.ModelChoiceField(queryset=None, empty_label=None)
    opens_at = SchoolDateTimeField(
        required=False, widget=DateTimeInput(), label="Opens", help_text="Empty: now."
    )
    due_at = SchoolDateTimeField(
        required=False, widget=DateTimeInput(), label="Due", help_text="Empty: no due date."
    )
    reveal = forms.ChoiceField(
        choices=Assignment.Reveal.choices,
        initial=Assignment.Reveal.EACH,
        widget=forms.RadioSelect,
        label="Show the right answers",
    )
    machine_informed = forms.BooleanField(
        required=False,
        label="Machine-informed mode",
        help_text="Students see the detector's verdict after answering and may change their mind.",
    )
    pretest = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Pre-test (optional)",
        help_text="An earlier assignment of this class: the results then show each student's gain.",
    )

    def __init__(self, *args, classroom: Classroom, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quiz"].queryset = assignable_quizzes()
        self.fields["pretest"].queryset = classroom.assignments.select_related("quiz")


class AssignmentEditForm(AssignmentForm):
    """The assignment form prefilled with its values; without the quiz and machine-informed
    mode once a student has started."""

    def __init__(self, *args, assignment: Assignment, started: bool, **kwargs):
        initial = {name: getattr(assignment, name) for name in self.base_fields}
        super().__init__(*args, classroom=assignment.classroom, initial=initial, **kwargs)
        self.fields["pretest"].queryset = (
            self.fields["pretest"].queryset.exclude(pk=assignment.pk).exclude(pretest=assignment)
        )
        self.assignment, self.started = assignment, started
        if started:
            for name in ASSIGNMENT_FIXED_ONCE_STARTED:
                del self.fields[name]
            self.fields["reveal"].help_text = "Changes apply to students who start from now on."
        else:
            self.fields["quiz"].queryset = assignable_quizzes(keeping=assignment.quiz)

    def clean(self):
        cleaned = super().clean()
        for name in ("opens_at", "due_at"):
            # The fields show minutes only: a date sent back unchanged keeps its seconds.
            value, stored = cleaned.get(name), getattr(self.assignment, name)
            if value and stored and value == stored.replace(second=0, microsecond=0):
                cleaned[name] = stored
        # A page shown before anyone started still sends the quiz: a change made there must
        # not be dropped in silence while the rest is saved.
        if self.started and "quiz" in self.data:
            asked_quiz = self.data.get("quiz")
            asked_mode = bool(self.data.get("machine_informed"))
            if asked_quiz != str(self.assignment.quiz_id) or (
                asked_mode != self.assignment.machine_informed
            ):
                raise forms.ValidationError(
                    "A student started this assignment while you were editing it, so its quiz "
                    "and machine-informed mode can no longer change. Nothing was saved: check "
                    "the other fields and save again."
                )
        return cleaned
