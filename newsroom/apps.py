from django.apps import AppConfig
from django.core.signals import request_finished, request_started
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("Newsroom")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from rankings.models import Award, Ranking

        from .models import (
            Contact,
            Institution,
            PressRelease,
            ReleaseContact,
            end_request_memo,
            start_request_memo,
        )
        from .page_cache import content_changed
        from .search import ensure_sqlite_index

        # Whatever a public page shows: a change to it starts a new content version.
        for model in (PressRelease, ReleaseContact, Contact, Institution, Award, Ranking):
            post_save.connect(content_changed, sender=model, dispatch_uid=f"pages-{model}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"pages-d-{model}")
        m2m_changed.connect(
            content_changed, sender=PressRelease.awards.through, dispatch_uid="pages-awards"
        )
        post_save.connect(
            refresh_after_raw_save, sender=PressRelease, dispatch_uid="release-raw-save"
        )
        post_delete.connect(recount_archive, sender=PressRelease, dispatch_uid="archive-recount")
        post_migrate.connect(ensure_sqlite_index, sender=self, dispatch_uid="sqlite-search-index")
        request_started.connect(start_request_memo, dispatch_uid="request-memo-start")
        request_finished.connect(end_request_memo, dispatch_uid="request-memo-end")


def refresh_after_raw_save(sender, instance, raw, **kwargs):
    """A revision restored (or a fixture loaded) skips save(): derive what it derives."""
    if raw:
        sender.objects.filter(pk=instance.pk).refresh_derived_fields()


def recount_archive(sender, **kwargs):
    """A deleted release leaves its year's count (saves recount in refresh_derived_fields)."""
    from .models import ArchiveYear

    ArchiveYear.objects.recount()
