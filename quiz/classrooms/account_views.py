"""Teacher accounts: sign up, log in (rate-limited on failures), log out, profile, reset."""

from __future__ import annotations

import hashlib

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.views.decorators.http import require_http_methods

from project.ratelimit import blocked, client_ip, count, too_many

from .access import teacher_required
from .forms import ProfileForm, SignupForm
from .services import teacher_profile_update, teacher_signup


@require_http_methods(["GET", "POST"])
def signup(request):
    form = SignupForm(request.POST or None)
    if form.is_valid():
        data = form.cleaned_data
        profile = teacher_signup(
            username=data["username"],
            email=data["email"],
            password=data["password1"],
            display_name=data["display_name"],
            school=data["school"],
        )
        login(request, profile.user, backend="django.contrib.auth.backends.ModelBackend")
        if profile.approved:
            messages.success(request, "Welcome! Create your first class to begin.")
        return redirect("classrooms:dashboard")
    return render(
        request, "classrooms/signup.html", {"form": form}, status=400 if form.errors else 200
    )


class LoginView(auth_views.LoginView):
    """Failed logins count per client address and per username; past either limit the login
    is refused before the password is checked, so guessing stops paying off."""

    template_name = "classrooms/login.html"
    redirect_authenticated_user = True

    def _idents(self):
        username = (self.request.POST.get("username") or "").strip().casefold()
        # Hashed: any text a visitor types becomes a safe, fixed-length cache key.
        user_key = hashlib.sha256(username.encode()).hexdigest()[:32]
        return [("login", client_ip(self.request)), ("login_user", user_key)]

    def post(self, request, *args, **kwargs):
        wait = max(blocked(scope, ident) for scope, ident in self._idents())
        if wait:
            return too_many(request, wait)
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        for scope, ident in self._idents():
            count(scope, ident)
        response = super().form_invalid(form)
        response.status_code = 400
        return response


class LogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("home")


@teacher_required
@require_http_methods(["GET", "POST"])
def profile(request):
    teacher = request.teacher
    form = ProfileForm(
        request.POST or None,
        initial={"display_name": teacher.display_name, "school": teacher.school},
    )
    if form.is_valid():
        teacher_profile_update(profile=teacher, **form.cleaned_data)
        messages.success(request, "Profile saved.")
        return redirect("classrooms:profile")
    return render(request, "classrooms/profile.html", {"form": form})


password_reset = auth_views.PasswordResetView.as_view(
    template_name="classrooms/password_reset_form.html",
    email_template_name="classrooms/password_reset_email.txt",
    subject_template_name="classrooms/password_reset_subject.txt",
    success_url=reverse_lazy("classrooms:password-reset-done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="classrooms/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="classrooms/password_reset_confirm.html",
    success_url=reverse_lazy("classrooms:password-reset-complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="classrooms/password_reset_complete.html"
)
