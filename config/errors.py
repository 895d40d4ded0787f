"""Error pages: the admin's in the admin's look, the site's in the site's, translated."""

from django.contrib import admin
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


def permission_denied(request, exception=None):
    """403. Under /admin/, a signed-in account whose role does not allow the action (an
    editor deleting a ranking, say) reads why, in the admin, rather than a bare page."""
    if request.path.startswith("/admin/") and request.user.is_authenticated:
        context = {**admin.site.each_context(request), "title": _("Not allowed to your role")}
        return TemplateResponse(request, "admin/403.html", context, status=403)
    return TemplateResponse(request, "403.html", status=403)
