"""`manage.py check --deploy`: email alerts need a mail server."""

from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def mail_server_is_set(app_configs, **kwargs):
    if not settings.EMAIL_BACKEND.endswith("filebased.EmailBackend"):
        return []
    return [
        Warning(
            f"EMAIL_URL is not set: confirmations and alerts are written to files in "
            f"{settings.EMAIL_FILE_PATH}, not sent.",
            hint="Set it to the mail server, e.g. EMAIL_URL=smtp://user:password@mail.example.org:587/?tls=True.",
            id="alerts.W001",
        )
    ]
