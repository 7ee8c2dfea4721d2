"""Quiz pages (the quiz app fills these in as quizzes are published)."""

from django.shortcuts import render


def index(request):
    return render(request, "quiz/index.html")
