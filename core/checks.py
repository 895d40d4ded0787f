"""System checks of the site's own settings (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def site_address_is_set(app_configs, **kwargs):
    if settings.NEWSROOM_SITE_URL:
        return []
    return [
        Warning(
            "NEWSROOM_SITE_URL is not set: absolute links (canonical, feeds, sitemaps) "
            "name whatever host and scheme each request gives, and links in emails "
            "name http://127.0.0.1:8000.",
            hint="Set it to the site's address, e.g. NEWSROOM_SITE_URL=https://presse.example.org.",
            id="core.W001",
        )
    ]
