"""Django settings for the safepost hub. Everything that differs per install comes from the
environment: SAFEPOST_DATA (where the SQLite file and secret key live), DATABASE_URL
(PostgreSQL), SAFEPOST_SECRET_KEY, SAFEPOST_DEBUG, SAFEPOST_ALLOWED_HOSTS, SAFEPOST_DEMO."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url

HUB_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("SAFEPOST_DATA", Path.cwd() / ".safepost-data")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)
(DATA_DIR / "static").mkdir(exist_ok=True)


def _secret_key() -> str:
    configured = os.environ.get("SAFEPOST_SECRET_KEY")
    if configured:
        return configured
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key_file.chmod(0o600)
    return key_file.read_text(encoding="utf-8").strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("SAFEPOST_DEBUG") == "1"

# The hub checks one draft at a time, so its language judgements come from the better, slower
# contextual model (MiniLM, ~4 ms a post) unless SAFEPOST_LANGUAGE_MODEL names one for the
# whole installation. The CLI's default stays "static" (its batch and start-up targets).
# (Read here as Django's settings load; an unknown name is refused, naming the setting, when
# the hub app is ready: HubConfig.ready.)
def hub_language_model() -> str:
    return os.environ.get("SAFEPOST_LANGUAGE_MODEL", "minilm").strip().lower() or "minilm"


SAFEPOST_LANGUAGE_MODEL = hub_language_model()
DEMO_MODE = os.environ.get("SAFEPOST_DEMO") == "1"
ALLOWED_HOSTS = os.environ.get("SAFEPOST_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "safepost.hub",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "safepost.hub.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "safepost.hub.root_urls"
WSGI_APPLICATION = "safepost.hub.wsgi.application"

TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
        "safepost.hub.views.hub_context",
    ]},
}]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'hub.sqlite3'}", conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Many people at once on one file: wait for the writer instead of failing, take the write
    # lock at the start of a transaction (the audit chain reads its last link, then writes),
    # and let readers go on while one writes.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "hub:login"
LOGIN_REDIRECT_URL = "hub:home"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60  # a working day
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Sessions are read on every page: keep them in memory, written through to the database.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
WHITENOISE_USE_FINDERS = True
MEDIA_ROOT = DATA_DIR / "uploads"
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": [
        "safepost.hub.parsers.JSONBodyParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
    # JSON escapes for anything not ASCII: a result that echoes a lone surrogate from the
    # request ("\ud800") can still be written (UTF-8 cannot carry one: it was a 500).
    "UNICODE_JSON": False,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "safepost hub API",
    "DESCRIPTION": "Check posts against the school's policy; drafts and approvals.",
    "VERSION": "0.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
}

# Sign-in throttling: this many failures for one username or address, then a pause.
LOGIN_FAILURE_LIMIT = 5
LOGIN_LOCKOUT_SECONDS = 15 * 60
# Roles that must use a second factor (TOTP) to sign in.
SECOND_FACTOR_ROLES = ("headteacher", "dsl", "trust_admin")
# An outside publishing tool is called only when a school sets a publisher hook URL.
PUBLISHER_TIMEOUT_SECONDS = 5

# Email: the school's own SMTP server (nothing is sent anywhere else). Off unless a host is set.
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if os.environ.get("SAFEPOST_SMTP_HOST")
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_HOST = os.environ.get("SAFEPOST_SMTP_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("SAFEPOST_SMTP_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("SAFEPOST_SMTP_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SAFEPOST_SMTP_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("SAFEPOST_SMTP_TLS") == "1"
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("SAFEPOST_FROM_EMAIL", "safepost@localhost")
SAFEPOST_BASE_URL = os.environ.get("SAFEPOST_BASE_URL", "http://127.0.0.1:8000")

# How long each kind of record is kept, in days (the purge command removes older ones and logs
# what it removed). Safeguarding cases are kept long: a school's own retention schedule decides.
RETENTION_DAYS = {
    "notification": 365,
    "consent_import": 2,          # an uploaded MIS file that was never imported
    "contact_event": 6 * 365,
    "approved_contact": 6 * 365,  # counted from the end of the approved contact
    "closed_case": 25 * 365,
    "takedown_task": 2 * 365,     # counted from when it was done
    # A comment from a school page, counted from when it was kept or hidden; never one still
    # waiting for a decision or on a case that is still open (a closed case keeps its own copy).
    "page_comment": 365,
}
