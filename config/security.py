"""Site-wide security policy pieces: the CSP split between public pages and the admin,
and the login throttle (client addresses: core.throttle)."""

from dataclasses import asdict
from functools import lru_cache
from urllib.parse import urlsplit

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.exceptions import BadRequest
from django.db.models import Sum
from django.middleware.security import SecurityMiddleware


class NewsroomCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere; CKEditor 4's needs are granted in the admin only.

    CKEditor 4 writes inline event handlers and styles into its toolbar and dialogs,
    so the admin gets 'unsafe-inline'. Public pages never do.
    """

    # The two policies (public pages, admin) as headers, built once per process: the
    # settings do not change, and building them cost half of a cached page.
    built = {}

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith("/admin/"):
            parts.update = {**settings.CSP_ADMIN_ADDITIONS, **(parts.update or {})}
            parts.replace = {**settings.CSP_ADMIN_REPLACEMENTS, **(parts.replace or {})}
        return parts

    def process_response(self, request, response):
        if not self.is_settings_policy(request, response):
            return super().process_response(request, response)
        admin = request.path_info.startswith("/admin/")
        if admin not in self.built:
            parts = self.get_policy_parts(request=request, response=response)
            self.built[admin] = build_policy(**asdict(parts))
        if HEADER not in response:
            response[HEADER] = self.built[admin]
        # As django-csp does: a nonce asked for after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response

    def is_settings_policy(self, request, response):
        """Whether the response gets the settings' policy as it stands: no nonce, no
        decorator changing it, no report-only policy, no excluded prefix."""
        changes = ("config", "update", "replace", "exempt")
        csp_attributes = [f"_csp_{change}{suffix}" for change in changes for suffix in ("", "_ro")]
        return (
            getattr(request, "_csp_nonce", None) is None
            and not any(hasattr(response, name) for name in csp_attributes)
            and not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            and not settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES")
            and not (settings.DEBUG and response.status_code in (404, 500))
        )


class HttpsRedirectMiddleware(SecurityMiddleware):
    """SecurityMiddleware's redirect to HTTPS (SECURE_SSL_REDIRECT), and nothing else.

    It must run first, on the scheme the request came with: SiteOriginMiddleware then
    gives every request the site's. SecurityMiddleware itself runs below the page cache,
    so its headers are stored with each page and a cached page need not add them again
    (7.2% of a cached page's instructions).
    """

    def process_response(self, request, response):
        return response


class SiteOriginMiddleware:
    """Absolute links name the configured site (NEWSROOM_SITE_URL), never the request.

    Canonical and hreflang links, Open Graph, JSON-LD, feeds, sitemaps and robots.txt
    all build absolute addresses from the request's scheme and host (Django's own
    machinery included). Once the request's host is checked against ALLOWED_HOSTS, this
    gives every request the configured scheme and host: a request sent with another
    Host or X-Forwarded-Proto gets the same page as everyone, and can put no other
    origin in a page kept in the cache. Without the setting (local development) the
    request's own are kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        scheme, host = site_origin(settings.NEWSROOM_SITE_URL)
        if host:
            request.get_host()  # DisallowedHost (a 400) for a name not allowed, as before
            request.META["HTTP_HOST"] = host
            request.META.pop("HTTP_X_FORWARDED_HOST", None)
            request.META["wsgi.url_scheme"] = scheme
            if settings.SECURE_PROXY_SSL_HEADER:
                header, secure_value = settings.SECURE_PROXY_SSL_HEADER
                request.META[header] = secure_value if scheme == "https" else scheme
        return self.get_response(request)


@lru_cache(maxsize=4)
def site_origin(url):
    """(scheme, host) of the configured site address, or ("", "") without one."""
    site = urlsplit(url or "")
    return site.scheme, site.netloc


class NulCharacterMiddleware:
    """A NUL character in the query answers 400: PostgreSQL can neither store nor compare
    it (a filter holding one failed with a 500), and no address of the site needs one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        query = request.META.get("QUERY_STRING", "")
        if "%00" in query or "\x00" in query:
            raise BadRequest("A NUL character in the query string.")
        return self.get_response(request)


class SignInHandler(AxesDatabaseHandler):
    """django-axes' lock (5 failures for one username from one address), and one more:
    an address alone after NEWSROOM_SIGN_IN_FAILURES_PER_ADDRESS failures over every
    username, so that trying one password on many accounts (spraying) is slowed too. Its
    limit is higher: a press office's colleagues share one address behind their router."""

    def is_locked(self, request, credentials=None):
        if super().is_locked(request, credentials):
            return True
        if self.failures_from_address(request) < settings.NEWSROOM_SIGN_IN_FAILURES_PER_ADDRESS:
            return False
        request.axes_locked_out = True  # the lockout page, as for django-axes' own lock
        return True

    def failures_from_address(self, request):
        attempts = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address, attempt_time__gte=get_cool_off_threshold(request)
        )
        return attempts.aggregate(failures=Sum("failures_since_start"))["failures"] or 0
