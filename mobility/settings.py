"""Settings for Mobility, read from the environment only (twelve-factor).

Every variable and its default is listed in `.env.example` and the README.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# A fixed development key is only acceptable while DEBUG is on; production must set one.
SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key" if DEBUG else environ.Env.NOTSET)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_celery_beat",
    "pgtrigger",
    "pghistory",
    "pghistory.admin",
    "axes",
    "csp",
    "mobility",
    "employers",
    "workers",
    "compliance",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "mobility.middleware.ActorTimezoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "pghistory.middleware.HistoryMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "mobility.urls"
WSGI_APPLICATION = "mobility.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mobility.context_processors.actor",
            ],
        },
    },
]

DATABASES = {
    "default": env.db_url("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/mobility")
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
# Reconnect transparently after PostgreSQL restarts instead of failing the next request.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# A streaming replica of `default` for the heavy reads (mobility/replica.py says which). Tests
# take it as a mirror of the test database, so a test run never tries to create a database on
# a read-only standby.
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db_url("DATABASE_REPLICA_URL")
    DATABASES["replica"]["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = ["mobility.replica.PrimaryRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache_url("CACHE_URL", default="rediscache://127.0.0.1:6379/1")}
SESSION_ENGINE = "django.contrib.sessions.backends.db"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "mobility.auth.ActorBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.int("AXES_COOLOFF_HOURS", default=1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "mobility.lockout.AddressAndAccountLockout"
AXES_LOCKOUT_CALLABLE = "mobility.lockout.locked_out"
# Failures for one username from all addresses together before it is locked out as well.
MOBILITY_ACCOUNT_FAILURE_LIMIT = env.int("MOBILITY_ACCOUNT_FAILURE_LIMIT", default=20)
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ru", _("Русский")), ("hi", _("हिन्दी"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Local additions to Django's per-language number and date formats (mobility/formats/<lang>/).
FORMAT_MODULE_PATH = ["mobility.formats"]
USE_I18N = True
TIME_ZONE = env("TIME_ZONE", default="Europe/Moscow")
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "var" / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="mobility@localhost")

# Celery: Redis in production; the embedded fallback uses the SQLAlchemy transport.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="redis://127.0.0.1:6379/0")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# The longest task is a 1,000,000-row import (about 4 minutes, bench/README.md); a sweep chunk
# takes seconds. A task past the soft limit is stopped and retried or failed; a message whose
# worker died unacknowledged is handed to another worker after the visibility timeout, which
# must outlast the hard limit so that a task still running is never handed out twice. Work
# stranded sooner is sent again from the database by the beat's recovery jobs (below).
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=15 * 60)
CELERY_TASK_TIME_LIMIT = CELERY_TASK_SOFT_TIME_LIMIT + 60
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": CELERY_TASK_TIME_LIMIT + 5 * 60}
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=False)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "heartbeat": {"task": "mobility.tasks.heartbeat", "schedule": 60.0},
    # Times are Europe/Moscow (CELERY_TIMEZONE): the sweep runs while nobody works.
    "compliance-sweep": {
        "task": "compliance.checks.tasks.nightly_sweep",
        "schedule": crontab(hour=2, minute=0),
    },
    "compliance-deadlines": {
        "task": "compliance.checks.tasks.deadlines",
        "schedule": crontab(minute=15),
    },
    # A grievance whose clock ran out climbs one level within the hour.
    "grievances-escalate": {
        "task": "compliance.grievances.tasks.escalate_grievances",
        "schedule": crontab(minute=5),
    },
    # Work the database holds but the broker may have lost (a worker killed mid-task, a broker
    # restarted without its data) is sent again within minutes.
    "compliance-recover-sweeps": {
        "task": "compliance.checks.tasks.recover_sweeps",
        "schedule": 60.0,
    },
    # The month before's employer and agency reports for each official side, on the 1st.
    "reports-monthly": {
        "task": "compliance.reports.tasks.request_monthly_reports",
        "schedule": crontab(day_of_month=1, hour=5, minute=0),
    },
    # The public figures of /statistics/, taken once a day after the night's sweep.
    "public-statistics-snapshot": {
        "task": "compliance.statistics.tasks.take_statistics_snapshot",
        "schedule": crontab(hour=4, minute=0),
    },
    "imports-resend-unfinished": {
        "task": "workers.imports.tasks.resend_unfinished",
        "schedule": 60.0,
    },
    "notifications-resend-stalled": {
        "task": "mobility.notifications.tasks.resend_stalled_notifications",
        "schedule": 300.0,
    },
    "findings-tell-new": {
        "task": "compliance.findings.tasks.tell_new_findings",
        "schedule": 300.0,
    },
    # Staff who chose the digest read the day's news at the end of the Moscow working day.
    "notifications-daily-digest": {
        "task": "mobility.notifications.tasks.send_daily_digests",
        "schedule": crontab(hour=18, minute=0),
    },
    # Wage reports are due by day 20 of the next month (WAGE_REPORT_MISSING's due_day):
    # employers are reminded on day 15 of the cases they have not reported yet.
    "wage-reports-due": {
        "task": "compliance.evidence.tasks.remind_wage_reports_due",
        "schedule": crontab(day_of_month=15, hour=9, minute=0),
    },
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first, so an anonymous API call is told 401 with a WWW-Authenticate header.
        "mobility.auth.ActorTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "mobility.pagination.Pagination",
    "DEFAULT_PARSER_CLASSES": [
        "mobility.parsers.BoundedJSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "mobility.filtering.StrictFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "mobility.schema.AutoSchema",
    "EXCEPTION_HANDLER": "mobility.api.exception_handler",
    "COERCE_DECIMAL_TO_STRING": True,
    # How many proxies in front of the app append to X-Forwarded-For: the public status
    # lookup's per-IP limit must count the client's address, not the proxy's.
    "NUM_PROXIES": env.int("NUM_PROXIES", default=None),
    "DEFAULT_THROTTLE_RATES": {
        "status_ip": env("STATUS_RATE_PER_IP", default="30/min"),
        "status_reference": env("STATUS_RATE_PER_REFERENCE", default="10/min"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Mobility API",
    "DESCRIPTION": "Case management for the India-Russia worker-mobility pact.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One name per shared choice set, so the schema reads well and the deploy check stays clean.
    "ENUM_NAME_OVERRIDES": {
        "PlacementStatusEnum": "workers.models.PlacementStatus",
        "AgencyStatusEnum": "workers.models.AgencyStatus",
        "DocumentKindEnum": "workers.models.DocumentKind",
        "IndianStateEnum": "mobility.regions.indian_states",
        "RussianRegionEnum": "mobility.regions.russian_regions",
        "ImportKindEnum": "workers.models.ImportKind",
        "ImportStatusEnum": "workers.models.ImportStatus",
        "GrievanceStatusEnum": "workers.models.GrievanceStatus",
        "AgencyDecisionEnum": "workers.models.AgencyDecisionKind",
        "SponsorshipDecisionEnum": "employers.models.SponsorshipDecisionKind",
        "FindingStatusEnum": "compliance.models.FindingStatus",
        "CheckRunStatusEnum": "compliance.models.CheckRunStatus",
        "RuleCategoryEnum": "compliance.rulebook.models.Category",
        "RuleSeverityEnum": "compliance.rulebook.models.Severity",
        "GrievanceCategoryEnum": "workers.models.GrievanceCategory",
        "IncidentSeverityEnum": "compliance.models.IncidentSeverity",
        "WorkerAnswerEnum": "workers.models.WorkerAnswer",
        # Answers the worker gives (a month, a payment) and the state a month's answer is in.
        "WorkerVerdictEnum": ["confirmed", "disputed"],
        "WageMonthAnswerEnum": "compliance.wage_answers.serializers.ANSWERS",
        "PaymentAnswerEnum": "compliance.entitlements.models.PaymentAnswer",
    },
}

# Security headers; HTTPS settings follow the deployment (a TLS proxy in front of gunicorn).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
# Off only to try the production settings on plain HTTP on one's own machine (.env.example).
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # Swagger UI sets inline styles; scripts stay strictly same-origin.
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # WeasyPrint and fontTools narrate every page of a PDF at INFO.
    "loggers": {name: {"level": "WARNING"} for name in ("weasyprint", "fontTools")},
}

# The pact's announced scale (about 70,000 workers); the dashboard shows employment against it.
PACT_TARGET_WORKERS = env.int("PACT_TARGET_WORKERS", default=70000)

# How SMS leave (mobility/notifications/backends.py): `log` writes them to the log only (the
# default, for development), `http` posts them to a gateway, or a dotted path of a class with
# `send(phone, text)`.
SMS_BACKEND = env("SMS_BACKEND", default="log")
SMS_HTTP_URL = env("SMS_HTTP_URL", default="")
SMS_HTTP_TOKEN = env("SMS_HTTP_TOKEN", default="")
SMS_HTTP_TIMEOUT = env.float("SMS_HTTP_TIMEOUT", default=10.0)
# A message is tried this many times, the pause doubling from the first up to the longest,
# before it is marked failed on the case page: 1, 2, 4, 8 minutes by default.
NOTIFICATION_ATTEMPTS = env.int("NOTIFICATION_ATTEMPTS", default=5)
NOTIFICATION_RETRY_SECONDS = env.int("NOTIFICATION_RETRY_SECONDS", default=60)
NOTIFICATION_RETRY_MAX_SECONDS = env.int("NOTIFICATION_RETRY_MAX_SECONDS", default=3600)
# The address people reach the site at, for links in e-mails.
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
# Days a worker has to answer about a month's pay or a payment: then the month counts as not
# answered, and an official may accept a payment the worker left unanswered.
WAGE_ANSWER_DAYS = env.int("WAGE_ANSWER_DAYS", default=14)
# Days a worker has to answer an official's "resolved" before an official may close the
# grievance without their yes, with a reason (issue 13).
GRIEVANCE_SILENCE_DAYS = env.int("GRIEVANCE_SILENCE_DAYS", default=7)
