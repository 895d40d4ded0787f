from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The building blocks both apps use: the institution, rich text, images and their
    renditions, translation tracking, revisions, the page cache, the Jinja2 environment."""

    name = "core"
    verbose_name = _("Site")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import reversion
        from django.core.signals import request_finished, request_started
        from django.db.models.signals import post_delete, post_save

        from . import checks  # noqa: F401  (registers them)
        from .models import Institution, end_request_memo, start_request_memo
        from .page_cache import content_changed

        reversion.register(Institution)
        post_save.connect(content_changed, sender=Institution, dispatch_uid="pages-institution")
        post_delete.connect(content_changed, sender=Institution, dispatch_uid="pages-d-institution")
        request_started.connect(start_request_memo, dispatch_uid="request-memo-start")
        request_finished.connect(end_request_memo, dispatch_uid="request-memo-end")
