"""Settings for Unveiled, read from the environment.

Embedded defaults make `make run` work on a bare machine (SQLite and a filesystem broker under
`var/`); production sets DATABASE_URL, CELERY_BROKER_URL, SECRET_KEY and DEBUG=0.
"""

from __future__ import annotations

import secrets
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from kombu import Exchange, Queue

from .env import env_bool, env_float, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("UNVEILED_VAR_DIR", str(BASE_DIR / "var"))).resolve()

DEBUG = env_bool("DEBUG", True)


def _secret_key() -> str:
    key = env_str("SECRET_KEY", "")
    if key:
        return key
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off")
    # Development only: a random key kept in var/ so sessions survive restarts.
    path = VAR_DIR / "secret_key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "learn",
    "quiz",
    "detector",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "project.security.ContentSecurityPolicyMiddleware",
    "project.metrics.RequestMetricsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "project.navigation.SignedInHintMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# --- Security headers and cookies -----------------------------------------------------------
# No inline scripts anywhere: pages load their JavaScript from static/. Inline style attributes
# position the boxes drawn over analysed images, hence 'unsafe-inline' for styles only.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Off only where the site is served over plain HTTP on purpose (`make run-prod-like`).
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = 0 if DEBUG else env_int("SECURE_HSTS_SECONDS", 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
# Load balancers and Prometheus probe these over plain HTTP inside the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^metrics$"]
# When set, /metrics answers only requests with "Authorization: Bearer <token>" (Prometheus:
# `authorization: {credentials: ...}`); empty leaves it open for the proxy to restrict.
METRICS_TOKEN = env_str("METRICS_TOKEN", "")
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

ROOT_URLCONF = "project.urls"
WSGI_APPLICATION = "project.wsgi.application"
ASGI_APPLICATION = "project.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "project.navigation.signed_in",
            ],
        },
    },
]

_default_db = f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", _default_db), conn_max_age=env_int("DB_CONN_MAX_AGE", 0)
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web process and the worker write to the same file: wait for locks, don't fail.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["TEST"] = {"NAME": env_str("TEST_DATABASE_NAME", "") or None}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
# WhiteNoise serves static files from any web process (gunicorn included). Finding them in the
# source folders spares a collectstatic step; production may run collectstatic and turn it off.
WHITENOISE_USE_FINDERS = env_bool("WHITENOISE_USE_FINDERS", True)
WHITENOISE_AUTOREFRESH = DEBUG

# Uploads live here but are never served from a URL: views stream them to whoever holds the id.
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media"))).resolve()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if env_bool("STATIC_FILES_MANIFEST", False):
    # After collectstatic: hashed names, pre-compressed copies, cached for a year by browsers.
    STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"

# Several machines share uploads, overlays and quiz media through an S3-compatible bucket.
# The bucket stays private: views stream files to whoever holds a random id, so no object URL
# is ever handed out and no ACL is set.
S3_BUCKET = env_str("S3_BUCKET", "")
if S3_BUCKET:
    _addressing = env_str("S3_ADDRESSING_STYLE", "auto")
    if _addressing not in {"auto", "path", "virtual"}:
        raise ImproperlyConfigured(
            f"S3_ADDRESSING_STYLE must be auto, path or virtual, not {_addressing!r}"
        )
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": S3_BUCKET,
            "endpoint_url": env_str("S3_ENDPOINT_URL", "") or None,
            "region_name": env_str("S3_REGION", "") or None,
            # Empty keys fall back to boto3's own chain (instance role, ~/.aws, AWS_* variables).
            "access_key": env_str("S3_ACCESS_KEY_ID", "") or None,
            "secret_key": env_str("S3_SECRET_ACCESS_KEY", "") or None,
            "addressing_style": None if _addressing == "auto" else _addressing,
            "location": env_str("S3_PREFIX", "").strip("/"),
            "default_acl": None,
            # Names are random already; never overwrite an object that happens to exist.
            "file_overwrite": False,
            "querystring_auth": True,
        },
    }

# --- Analysis -------------------------------------------------------------------------------
ANALYSIS_MAX_IMAGE_BYTES = env_int("ANALYSIS_MAX_IMAGE_BYTES", 20 * 1024 * 1024, minimum=1)
ANALYSIS_MAX_PIXELS = env_int("ANALYSIS_MAX_PIXELS", 50_000_000, minimum=1)
ANALYSIS_RETENTION_HOURS = env_float("ANALYSIS_RETENTION_HOURS", 24.0, minimum=0.01)
ANALYSIS_SOFT_TIME_LIMIT = env_int("ANALYSIS_SOFT_TIME_LIMIT", 120, minimum=1)
ANALYSIS_TIME_LIMIT = env_int("ANALYSIS_TIME_LIMIT", 150, minimum=1)
ANALYSIS_QUEUE = env_str("ANALYSIS_QUEUE", "analysis")
# Videos: probed before they are stored; analysed on their own queue with their own limits, so a
# long video never holds up image analyses.
ANALYSIS_MAX_VIDEO_BYTES = env_int("ANALYSIS_MAX_VIDEO_BYTES", 100 * 1024 * 1024, minimum=1)
ANALYSIS_MAX_VIDEO_SECONDS = env_float("ANALYSIS_MAX_VIDEO_SECONDS", 120.0, minimum=0.1)
ANALYSIS_MAX_VIDEO_FRAME_PIXELS = env_int("ANALYSIS_MAX_VIDEO_FRAME_PIXELS", 4096 * 2304, minimum=1)
VIDEO_QUEUE = env_str("VIDEO_QUEUE", "video")
VIDEO_SOFT_TIME_LIMIT = env_int("VIDEO_SOFT_TIME_LIMIT", 300, minimum=1)
VIDEO_TIME_LIMIT = env_int("VIDEO_TIME_LIMIT", 360, minimum=1)
# A running job older than the hard time limit plus this grace lost its worker: fail it.
ANALYSIS_SWEEP_GRACE = env_int("ANALYSIS_SWEEP_GRACE", 60, minimum=0)
# A queued job whose message is older than this is queued again (the claim makes it idempotent).
ANALYSIS_REQUEUE_AFTER = env_int("ANALYSIS_REQUEUE_AFTER", 900, minimum=10)
# Extra analyzer modules to import (plugins; the end-to-end tests add a deliberately slow one).
DETECTOR_EXTRA_ANALYZERS = env_list("DETECTOR_EXTRA_ANALYZERS", [])
# The face model's weights and metadata (empty: the copy in detector/analysis/models/).
FACE_MODEL_DIR = env_str("FACE_MODEL_DIR", "")
# PEM files of certificate authorities whose Content Credentials count as trusted (empty: none).
C2PA_TRUST_ANCHORS_DIR = env_str("C2PA_TRUST_ANCHORS_DIR", "")

# --- Rate limits (per client IP; "count/window", window in s, m or h) ------------------------
RATE_LIMITS = {
    "analysis": env_str("RATE_LIMIT_ANALYSIS", "60/10m"),
    "api": env_str("RATE_LIMIT_API", "600/10m"),
    # Failed logins per client address and per username; wrong join codes per address.
    "login": env_str("RATE_LIMIT_LOGIN", "20/15m"),
    "login_user": env_str("RATE_LIMIT_LOGIN_USER", "8/15m"),
    "join": env_str("RATE_LIMIT_JOIN", "20/10m"),
}
# How many reverse proxies in front of us append to X-Forwarded-For (0: trust REMOTE_ADDR).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, minimum=0)
CACHES = {
    "default": {
        # Shared by every process on this machine; set CACHE_URL=redis://… when scaling out.
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(VAR_DIR / "cache"),
    }
}
if env_str("CACHE_URL", ""):
    CACHES["default"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env_str("CACHE_URL", ""),
    }
# Rendered fragments that are the same for everyone (quiz media): kept in each process's memory.
CACHES["fragments"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}

# --- Teachers and classrooms ----------------------------------------------------------------
LOGIN_URL = "classrooms:login"
LOGIN_REDIRECT_URL = "classrooms:dashboard"
# New teacher accounts wait for an admin to approve them (admin action on teacher profiles).
TEACHER_APPROVAL_REQUIRED = env_bool("TEACHER_APPROVAL_REQUIRED", False)
# Students (and their answers) inactive for longer than this are deleted by a beat task.
STUDENT_DATA_RETENTION_DAYS = env_int("STUDENT_DATA_RETENTION_DAYS", 365, minimum=1)
STUDENT_COOKIE_NAME = "unveiled_student"
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Unveiled <noreply@localhost>")

# --- Celery ---------------------------------------------------------------------------------
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "filesystem://")
BROKER_DIR = VAR_DIR / "broker"
if CELERY_BROKER_URL.startswith("filesystem://"):
    # In and out must be the same folder so every process sees every message.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR / "queue"),
        "data_folder_out": str(BROKER_DIR / "queue"),
        "processed_folder": str(BROKER_DIR / "processed"),
        "control_folder": str(BROKER_DIR / "control"),
        "store_processed": False,
        "polling_interval": 0.1,
    }
else:
    # Redeliver unacknowledged jobs only after the longest one could have finished.
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 3600, minimum=60)
    }
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A web request that queues a job must not hang on a dead broker: fail fast, the sweeper retries.
CELERY_BROKER_CONNECTION_TIMEOUT = env_float("CELERY_BROKER_CONNECTION_TIMEOUT", 2.0, minimum=0.1)
CELERY_TASK_DEFAULT_QUEUE = ANALYSIS_QUEUE
# Both queues are declared, so a worker started without --queues (`make run`) takes both; a
# dedicated worker picks one with `--queues video`.
CELERY_TASK_QUEUES = [
    Queue(ANALYSIS_QUEUE, Exchange(ANALYSIS_QUEUE), routing_key=ANALYSIS_QUEUE),
    Queue(VIDEO_QUEUE, Exchange(VIDEO_QUEUE), routing_key=VIDEO_QUEUE),
]
CELERY_TASK_ROUTES = {"detector.tasks.run_video_analysis": {"queue": VIDEO_QUEUE}}
CELERY_TASK_ANNOTATIONS = {
    "detector.tasks.run_video_analysis": {
        "soft_time_limit": VIDEO_SOFT_TIME_LIMIT,
        "time_limit": VIDEO_TIME_LIMIT,
    }
}
# Each worker child imports torch and loads the face model before its first job (see
# project/celery.py): a time limit firing inside `import torch` once killed a worker. Loading
# takes seconds on a busy machine, longer than Celery's default 4 s wait for a new child.
CELERY_WORKER_PROC_ALIVE_TIMEOUT = env_float("CELERY_WORKER_PROC_ALIVE_TIMEOUT", 60.0, minimum=1)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SOFT_TIME_LIMIT = ANALYSIS_SOFT_TIME_LIMIT
CELERY_TASK_TIME_LIMIT = ANALYSIS_TIME_LIMIT
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
CELERY_IMPORTS = ["quiz.classrooms.tasks"]
CELERY_BEAT_SCHEDULE = {
    "purge-old-student-data": {
        "task": "quiz.classrooms.tasks.purge_old_student_data",
        "schedule": env_int("STUDENT_PURGE_INTERVAL_SECONDS", 3600, minimum=1),
    },
    "purge-expired-analyses": {
        "task": "detector.tasks.purge_expired_analyses",
        "schedule": env_int("PURGE_INTERVAL_SECONDS", 600, minimum=1),
    },
    "sweep-analyses": {
        "task": "detector.tasks.sweep_analyses",
        "schedule": env_int("SWEEP_INTERVAL_SECONDS", 30, minimum=1),
    },
}

# --- API ------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "project.api_errors.exception_handler",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["project.throttling.ClientRateThrottle"],
    "DEFAULT_PARSER_CLASSES": [
        "rest_framework.parsers.JSONParser",
        "rest_framework.parsers.MultiPartParser",
        "rest_framework.parsers.FormParser",
    ],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Unveiled API",
    "DESCRIPTION": "Submit images for analysis and read explained verdicts.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.server": {"level": "WARNING"}},
}
