"""Admin for teachers (approval) and, read-mostly, their classrooms."""

from django.contrib import admin, messages

from .models import Assignment, Classroom, Student, TeacherProfile


@admin.register(TeacherProfile)
class TeacherProfileAdmin(admin.ModelAdmin):
    list_display = ["display_name", "user", "school", "approved", "created_at"]
    list_filter = ["approved"]
    search_fields = ["display_name", "user__username", "user__email", "school"]
    actions = ["approve"]

    @admin.action(description="Approve the selected teachers")
    def approve(self, request, queryset):
        updated = queryset.update(approved=True)
        messages.success(request, f"Approved {updated} teacher(s).")


@admin.register(Classroom)
class ClassroomAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "join_code", "joining_open", "archived", "created_at"]
    list_filter = ["archived", "joining_open"]
    search_fields = ["name", "owner__username", "join_code"]
    readonly_fields = ["public_id", "join_code"]


@admin.register(Student)
class StudentAdmin(admin.ModelAdmin):
    list_display = ["nickname", "classroom", "joined_at", "last_seen_at"]
    search_fields = ["nickname", "classroom__name"]
    exclude = ["secret"]
    readonly_fields = ["public_id", "joined_at", "last_seen_at"]

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(Assignment)
class AssignmentAdmin(admin.ModelAdmin):
    list_display = ["quiz", "classroom", "opens_at", "due_at", "reveal"]
    list_filter = ["reveal"]
    readonly_fields = ["public_id"]
