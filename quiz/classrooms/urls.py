from django.urls import path

from . import account_views, result_views, student_views, teacher_views

app_name = "classrooms"

urlpatterns = [
    # Teacher accounts
    path("teachers/signup/", account_views.signup, name="signup"),
    path("teachers/login/", account_views.LoginView.as_view(), name="login"),
    path("teachers/logout/", account_views.LogoutView.as_view(), name="logout"),
    path("teachers/profile/", account_views.profile, name="profile"),
    path("teachers/password-reset/", account_views.password_reset, name="password-reset"),
    path(
        "teachers/password-reset/sent/",
        account_views.password_reset_done,
        name="password-reset-done",
    ),
    path(
        "teachers/reset/<uidb64>/<token>/",
        account_views.password_reset_confirm,
        name="password-reset-confirm",
    ),
    path(
        "teachers/reset/done/",
        account_views.password_reset_complete,
        name="password-reset-complete",
    ),
    # Teacher pages
    path("teach/", teacher_views.dashboard, name="dashboard"),
    path("teach/classes/new/", teacher_views.classroom_new, name="classroom-new"),
    path("teach/classes/<uuid:public_id>/", teacher_views.classroom_detail, name="classroom"),
    path(
        "teach/classes/<uuid:public_id>/edit/",
        teacher_views.classroom_edit,
        name="classroom-edit",
    ),
    path(
        "teach/classes/<uuid:public_id>/delete/",
        teacher_views.classroom_delete_view,
        name="classroom-delete",
    ),
    path("teach/classes/<uuid:public_id>/qr.svg", teacher_views.classroom_qr, name="classroom-qr"),
    path(
        "teach/classes/<uuid:public_id>/assign/",
        teacher_views.assignment_new,
        name="assignment-new",
    ),
    path("teach/students/<uuid:public_id>/", teacher_views.student_edit, name="student-edit"),
    path("teach/assignments/<uuid:public_id>/", result_views.results, name="assignment"),
    path(
        "teach/assignments/<uuid:public_id>/print/",
        result_views.results_print,
        name="assignment-print",
    ),
    path(
        "teach/assignments/<uuid:public_id>/<str:table>.csv",
        result_views.results_csv,
        name="assignment-csv",
    ),
    path(
        "teach/assignments/<uuid:public_id>/edit/",
        teacher_views.assignment_edit,
        name="assignment-edit",
    ),
    path(
        "teach/assignments/<uuid:public_id>/delete/",
        teacher_views.assignment_delete_view,
        name="assignment-delete",
    ),
    # Students
    path("join/", student_views.join, name="join"),
    path("join/<str:code>/", student_views.join, name="join-code"),
    path("class/", student_views.home, name="student-home"),
    path("class/start/<uuid:public_id>/", student_views.start, name="student-start"),
    path("class/leave/", student_views.leave, name="student-leave"),
]
