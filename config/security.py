"""Site-wide security policy pieces: the CSP split between public pages and the admin,
and the client IP behind a proxy (used by the login throttle)."""

from csp.middleware import CSPMiddleware
from django.conf import settings


class NewsroomCSPMiddleware(CSPMiddleware):
    """The strict policy everywhere; CKEditor 4's needs are granted in the admin only.

    CKEditor 4 writes inline event handlers and styles into its toolbar and dialogs,
    so the admin gets 'unsafe-inline'. Public pages never do.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith("/admin/"):
            parts.update = {**settings.CSP_ADMIN_ADDITIONS, **(parts.update or {})}
        return parts


def client_ip(request):
    """The visitor's address: REMOTE_ADDR, or the header the proxy sets when configured.

    With X-Forwarded-For the last address is the one our proxy saw; earlier ones
    are whatever the client chose to send.
    """
    header = settings.NEWSROOM_CLIENT_IP_HEADER
    if header:
        forwarded = request.META.get(header, "")
        addresses = [part.strip() for part in forwarded.split(",") if part.strip()]
        if addresses:
            return addresses[-1]
    return request.META.get("REMOTE_ADDR")
