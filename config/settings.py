"""Settings for the newsroom project, read from environment variables.

Every setting has a safe local default; production sets DJANGO_SECRET_KEY,
DJANGO_ALLOWED_HOSTS and DATABASE_URL. docs/configuration.md lists the variables.
"""

import hashlib
import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from xstatic.pkg import jquery_ui

from config.static_headers import static_file_headers

BASE_DIR = Path(__file__).resolve().parent.parent


def read_local_env(path):
    """The KEY=VALUE lines of the git-ignored `.env` that `make install` writes for
    local development, for what the environment does not set already: every
    `manage.py` command then works as the README shows it. Production has no such file
    and stays strict."""
    if not path.is_file():
        return
    for line in path.read_text().splitlines():
        key, sep, value = line.strip().partition("=")
        if sep and key and not key.startswith("#"):
            os.environ.setdefault(key.strip(), value.strip())


read_local_env(Path(os.environ.get("DJANGO_ENV_FILE") or BASE_DIR / ".env"))


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def local_secret_key():
    """A key for local development, generated once and kept out of git."""
    path = BASE_DIR / ".secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def cache_from_url(url):
    """Map a cache URL (locmem://, file:///path, redis://…, dummy://) to a CACHES entry."""
    if url.startswith(("redis://", "rediss://", "unix://")):
        # An unreachable Redis answers as a cache miss (core.cache), within half a second.
        return {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    if url.startswith("dummy://"):
        return {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
    if url.startswith("file://"):
        # Files on this machine: shared by every process of one server.
        return {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": url.removeprefix("file://"),
        }
    if url.startswith("locmem://"):
        return {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": url.removeprefix("locmem://") or "newsroom",
        }
    raise ImproperlyConfigured(f"Unsupported DJANGO_CACHE_URL: {url!r}")


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(set DJANGO_DEBUG=1 for local development)."
        )
    SECRET_KEY = local_secret_key()

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # First: the translated fields must exist before any other app looks at the models.
    "modeltranslation",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.syndication",
    "django.contrib.sitemaps",
    "axes",
    "ckeditor",
    "reversion",
    # The layers, lowest first (docs/architecture.md).
    "core",
    "rankings",
    "newsroom",
    "alerts",
    # The task queue (django.tasks, backported) and its database backend.
    "django_tasks",
    "django_tasks_db",
    # Last: its autodiscovery builds the admin once every app's ready() has registered
    # its models with django-reversion (which fields a revision holds).
    "django.contrib.admin",
]

MIDDLEWARE = [
    # Plain HTTP redirected to HTTPS, on the scheme the request came with.
    "config.security.HttpsRedirectMiddleware",
    "config.security.NulCharacterMiddleware",
    # Static files, compressed and with far-future caching, before anything else runs.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # From here on, absolute links name NEWSROOM_SITE_URL, whatever the request said.
    "config.security.SiteOriginMiddleware",
    # Cached public pages are answered here, with the headers stored with them: the
    # security headers and policy below included, which a hit then need not add
    # (17% of its instructions).
    "core.page_cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "config.security.NewsroomCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETags on every page and feed, so unchanged content answers 304.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns locked-out logins into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    # Public pages (config.jinja2); the admin and forms use Django's templates.
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "config.jinja2.environment",
            "context_processors": [
                "django.template.context_processors.i18n",
                "core.context_processors.institution",
            ],
        },
    },
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
                "core.context_processors.institution",
            ],
        },
    },
]

DATABASES = {
    # An empty DATABASE_URL (as compose files often leave it) means the default too.
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes write to one file: a write transaction takes the lock when it
    # begins (none fails upgrading a read lock), waits up to 20 s for it, and readers
    # go on reading while one writes (write-ahead log).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Parameters bound by the server, so that psycopg prepares the statements a worker
    # runs again and again: parsed and planned once per connection, 9–17% more cold
    # pages a second (docs/architecture.md). A pooler in transaction mode (PgBouncer) cannot
    # keep prepared statements: an empty DJANGO_DB_PREPARE_THRESHOLD turns them off.
    _prepare_threshold = os.environ.get("DJANGO_DB_PREPARE_THRESHOLD", "2")
    if _prepare_threshold:
        DATABASES["default"]["OPTIONS"] = {
            "server_side_binding": True,
            "prepare_threshold": int(_prepare_threshold),
        }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": cache_from_url(os.environ.get("DJANGO_CACHE_URL", "locmem://"))}
# Every key starts with a prefix of this site's own: two sites sharing one Redis database
# (staging and production, two institutions) never read each other's pages. By default,
# made from the database the site uses, which two sites never share.
_site_database = ":".join(
    str(DATABASES["default"].get(part)) for part in ("ENGINE", "HOST", "PORT", "NAME")
)
CACHES["default"]["KEY_PREFIX"] = (
    os.environ.get("DJANGO_CACHE_KEY_PREFIX")
    or (hashlib.sha256(_site_database.encode()).hexdigest()[:12])
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: French first, English second, in the institution's time zone.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/Paris")
USE_I18N = True
USE_TZ = True
# English dates day first, as in French (config/formats/en/formats.py).
FORMAT_MODULE_PATH = ["config.formats"]

MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
# No fallback: an untranslated field stays empty rather than showing the other language.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ()}
# Served from our own static files: the CDN default breaks offline and under a CSP.
JQUERY_UI_URL = "jquery-ui/jquery-ui.min.js"

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static", ("jquery-ui", jquery_ui.BASE_DIR)]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    # The apps' files, leaving out what no page loads (CKEditor's bundled HTML pages).
    "config.static_storage.AppFilesFinder",
]

MEDIA_URL = os.environ.get("DJANGO_MEDIA_URL", "/media/")
STORAGES = {
    # Uploaded media: local files by default; an S3-compatible bucket with django-storages,
    # e.g. DJANGO_MEDIA_STORAGE=storages.backends.s3.S3Storage (docs/deployment.md).
    "default": {
        "BACKEND": os.environ.get("DJANGO_MEDIA_STORAGE", "core.storage.AtomicFileSystemStorage")
    },
    # Hashed, compressed static files (run collectstatic) unless DJANGO_STATIC_MANIFEST=0.
    "staticfiles": {
        "BACKEND": "config.static_storage.StaticFilesStorage"
        if env_bool("DJANGO_STATIC_MANIFEST", not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Static documents (HTML, SVG) get no script and no framing, as pages do.
WHITENOISE_ADD_HEADERS_FUNCTION = static_file_headers

# Rich text: one press-release toolbar; Source only for superusers.
_RICH_TEXT_TOOLBAR = [
    ["Format"],
    ["Bold", "Italic", "Subscript", "Superscript", "RemoveFormat"],
    ["NumberedList", "BulletedList", "Blockquote"],
    ["Link", "Unlink"],
    ["Image", "Table", "HorizontalRule", "SpecialChar"],
    ["Undo", "Redo"],
]
_RICH_TEXT_EDITOR = {
    "toolbar": "PressRelease",
    "toolbar_PressRelease": _RICH_TEXT_TOOLBAR,
    "format_tags": "p;h2;h3;h4",
    "height": 420,
    "width": "100%",
    # Matches core.richtext.ALLOWED_TAGS: the editor never produces what the
    # server would strip.
    "allowedContent": (
        "p br h2 h3 h4 strong em sub sup hr ul ol li blockquote figcaption caption"
        " thead tbody tr[lang,dir];"
        "a[!href,title,lang,dir];"
        "img[!src,alt,width,height];"
        "figure table[lang,dir];"
        "th[scope,colspan,rowspan];"
        "td[colspan,rowspan];"
        "*[lang,dir]"
    ),
    "disallowedContent": "*[on*]; *{*}; *(*)",
    # Plugins that call third-party services or add risk, and unused ones.
    "removePlugins": (
        "exportpdf,scayt,wsc,iframe,forms,preview,templates,flash,"
        "smiley,elementspath,save,newpage,print,language,div,sourcearea,sourcedialog"
    ),
    "removeDialogTabs": "image:advanced;image:Link;link:advanced;table:advanced",
    # Images go through our own upload view (see core.richtext.upload_image).
    "extraPlugins": "uploadimage",
    "uploadUrl": reverse_lazy("richtext-upload"),
    "filebrowserImageUploadUrl": reverse_lazy("richtext-upload"),
    "filebrowserUploadMethod": "xhr",
    "entities": False,
    "forcePasteAsPlainText": False,
    "pasteFilter": "semantic-content",
}
# django-ckeditor's own toolbars (Basic, Full) carry Source: replace them too.
_RICH_TEXT_EDITOR |= {"toolbar_Basic": _RICH_TEXT_TOOLBAR, "toolbar_Full": _RICH_TEXT_TOOLBAR}
CKEDITOR_CONFIGS = {
    "default": _RICH_TEXT_EDITOR,
    "superuser": {
        **_RICH_TEXT_EDITOR,
        "toolbar_PressRelease": [*_RICH_TEXT_TOOLBAR, ["Source"]],
        "removePlugins": _RICH_TEXT_EDITOR["removePlugins"].removesuffix(
            ",sourcearea,sourcedialog"
        ),
    },
}

# Security: headers, cookies and the login throttle. docs/deployment.md, "Security", explains.
SESSION_COOKIE_HTTPONLY = True
# A signed-in session lasts hours, not Django's two weeks: an admin left open on a
# shared computer closes itself.
SESSION_COOKIE_AGE = int(os.environ.get("DJANGO_SESSION_HOURS", "12")) * 3600
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT")
if os.environ.get("DJANGO_SECURE_PROXY_SSL_HEADER"):
    # e.g. HTTP_X_FORWARDED_PROTO, when a proxy in front terminates TLS.
    SECURE_PROXY_SSL_HEADER = (os.environ["DJANGO_SECURE_PROXY_SSL_HEADER"], "https")

_MEDIA_ORIGINS = [MEDIA_URL] if MEDIA_URL.startswith(("https://", "http://")) else []
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
    }
}
# Granted under /admin/ only (config.security.NewsroomCSPMiddleware), for CKEditor 4.
CSP_ADMIN_ADDITIONS = {
    "script-src": ["'unsafe-inline'"],
    "style-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
}
# ...and these replace the public pages' directives ('none' admits no other source).
CSP_ADMIN_REPLACEMENTS = {"frame-src": ["'self'"]}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# And an address alone, over every username, after this many (config.security).
AXES_HANDLER = "config.security.SignInHandler"
NEWSROOM_SIGN_IN_FAILURES_PER_ADDRESS = int(
    os.environ.get("DJANGO_LOGIN_FAILURES_PER_ADDRESS", "30")
)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
AXES_CLIENT_IP_CALLABLE = "core.throttle.client_ip"
AXES_VERBOSE = False
# The request header holding the client address behind a proxy, e.g. HTTP_X_FORWARDED_FOR.
NEWSROOM_CLIENT_IP_HEADER = os.environ.get("DJANGO_CLIENT_IP_HEADER", "")

# The institution that publishes the releases (used by feeds and page footers).
NEWSROOM_INSTITUTION_NAME = os.environ.get("NEWSROOM_INSTITUTION_NAME", "IMT Mines Alès")
NEWSROOM_RELEASES_PER_PAGE = 12
# The language texts are written in first; the translation board follows the others.
NEWSROOM_ORIGINAL_LANGUAGE = os.environ.get("NEWSROOM_ORIGINAL_LANGUAGE", LANGUAGE_CODE)
# How long a shared preview link stays valid unless the editor chooses otherwise.
NEWSROOM_PREVIEW_LINK_DAYS = 7
# The longest a public page stays cached; any change invalidates it at once anyway.
# With no cache (dummy://) there is nothing to store pages in: not even their key is worked out.
NEWSROOM_PAGE_CACHE_SECONDS = int(
    os.environ.get(
        "NEWSROOM_PAGE_CACHE_SECONDS",
        "0" if CACHES["default"]["BACKEND"].endswith("DummyCache") else "600",
    )
)
# Each worker keeps the pages it served lately in memory, up to this many bytes, under
# the shared content version: a hit then reads only that version from the cache.
NEWSROOM_PAGE_MEMORY_BYTES = int(os.environ.get("NEWSROOM_PAGE_MEMORY_BYTES", 16 * 1024 * 1024))
# The site's address, as every absolute link names it (canonical, feeds, sitemaps…), e.g.
# https://presse.example.org. Unset, links follow each request (local development).
NEWSROOM_SITE_URL = os.environ.get("NEWSROOM_SITE_URL", "").rstrip("/")
if NEWSROOM_SITE_URL:
    _site = urlsplit(NEWSROOM_SITE_URL)
    if _site.scheme not in ("http", "https") or not _site.hostname or _site.path:
        raise ImproperlyConfigured(
            f"NEWSROOM_SITE_URL must be a scheme and a host, e.g. https://presse.example.org "
            f"(not {NEWSROOM_SITE_URL!r})."
        )
    ALLOWED_HOSTS = [*ALLOWED_HOSTS, _site.hostname]  # the name every page gives itself
# The query parameters public pages read: a page asked for with any other one is
# rendered for that request alone, never kept (core.page_cache).
NEWSROOM_PAGE_QUERY_PARAMETERS = ["page", "q", "year", "ranking"]
NEWSROOM_FEED_SIZE = 20
NEWSROOM_BENCHMARK = env_bool("NEWSROOM_BENCHMARK")

# Background work (email alerts) through django.tasks, backported: the database backend
# by default, its worker started by `manage.py worker`; with DJANGO_TASKS_REDIS_URL, RQ on
# Redis, for workers on several machines (`manage.py rqworker default --job-class
# django_tasks_rq.Job --with-scheduler`, and one `manage.py worker`, which then keeps the
# alerts' clock only). docs/configuration.md, Email alerts.
_tasks_redis = os.environ.get("DJANGO_TASKS_REDIS_URL", "")
if _tasks_redis:
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    RQ_QUEUES = {"default": {"URL": _tasks_redis}}
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Email: EMAIL_URL, e.g. smtp://user:password@mail.example.org:587/?tls=True (dj-email-url).
# Unset, every email is written to a file under var/mail/, where a developer reads it.
_email_url = os.environ.get("EMAIL_URL", "")
if _email_url:
    _email = dj_email_url.parse(_email_url)
    EMAIL_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email["EMAIL_HOST"] or "localhost"
    EMAIL_PORT = _email["EMAIL_PORT"] or 25
    EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
    EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
    EMAIL_USE_TLS, EMAIL_USE_SSL = _email["EMAIL_USE_TLS"], _email["EMAIL_USE_SSL"]
    EMAIL_FILE_PATH = _email["EMAIL_FILE_PATH"] or None
    EMAIL_TIMEOUT = _email["EMAIL_TIMEOUT"] or 30
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = BASE_DIR / "var" / "mail"
    EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "presse@localhost")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Email alerts (alerts/): what a subscription link and a sending may do.
ALERTS_CONFIRMATION_DAYS = 7  # a confirmation link's validity; unconfirmed addresses then go
ALERTS_CONFIRMATION_INTERVAL_MINUTES = int(
    os.environ.get("ALERTS_CONFIRMATION_INTERVAL_MINUTES", "15")
)
ALERTS_PER_CLIENT_HOUR = int(os.environ.get("ALERTS_PER_CLIENT_HOUR", "20"))
ALERTS_PER_ADDRESS_DAY = int(os.environ.get("ALERTS_PER_ADDRESS_DAY", "5"))
ALERTS_MAX_AGE_DAYS = 7  # a release published longer ago than this sends no alert
ALERTS_BATCH_SIZE = 100  # emails sent over one connection, claimed together
ALERTS_CLAIM_SECONDS = int(os.environ.get("ALERTS_CLAIM_SECONDS", "300"))
ALERTS_MAX_ATTEMPTS = 4  # then a delivery is marked failed (the admin can resend)
ALERTS_RETRY_SECONDS = int(os.environ.get("ALERTS_RETRY_SECONDS", "60"))  # ×5 at each retry
ALERTS_SWEEP_SECONDS = float(os.environ.get("ALERTS_SWEEP_SECONDS", "15"))
# The site's address in emails when NEWSROOM_SITE_URL is unset: `make run`'s.
ALERTS_LOCAL_SITE_URL = "http://127.0.0.1:8000"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# CKEditor 4.22.1 is out of support; we keep it at the client's request and make the site
# safe regardless (server-side sanitising, restricted editor): docs/deployment.md, Security.
SILENCED_SYSTEM_CHECKS = ["ckeditor.W001"]

# French ordinals agree with the institution's gender: « l'école est 1re », « l'institut est 1er ».
RANKINGS_FRENCH_FEMININE = env_bool("RANKINGS_FRENCH_FEMININE", True)
