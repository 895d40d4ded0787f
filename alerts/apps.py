from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("Email alerts")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_save

        from newsroom.models import PressRelease

        from . import checks  # noqa: F401  (registers them)
        from .dispatch import alert_when_public

        # A release saved published (now, scheduled or under embargo): its alerts are
        # queued for the moment each language goes public (alerts.dispatch).
        post_save.connect(alert_when_public, sender=PressRelease, dispatch_uid="alerts-release")
