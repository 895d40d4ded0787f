from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("Newsroom")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import reversion
        from django.db.models.signals import (
            m2m_changed,
            post_delete,
            post_migrate,
            post_save,
            pre_delete,
            pre_save,
        )

        from core.languages import per_language
        from core.page_cache import changes_by_the_clock, content_changed
        from rankings.models import Award, Ranking

        from .models import Contact, MediaAsset, PressRelease, ReleaseAsset, ReleaseContact
        from .models.awards import (
            note_announced,
            note_ranking,
            refresh_after_raw_ranking,
            refresh_announced,
            refresh_announced_by_deleted,
            refresh_award,
            refresh_award_left,
        )
        from .search import ensure_sqlite_index

        # A release's revision holds its ordered contacts and its awards — not its
        # journalist links (restoring must never reopen a revoked one), nor the
        # search columns, which saving derives again.
        derived = [*per_language("search_text"), *per_language("search_vector")]
        reversion.register(
            PressRelease, follow=["release_contacts", "release_assets"], exclude=derived
        )
        reversion.register(ReleaseAsset)
        reversion.register(ReleaseContact)
        reversion.register(Contact)

        # Whatever a public page shows: a change to it starts a new content version.
        for model in (PressRelease, ReleaseContact, Contact, MediaAsset, ReleaseAsset):
            post_save.connect(content_changed, sender=model, dispatch_uid=f"pages-{model}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"pages-d-{model}")
        m2m_changed.connect(
            content_changed, sender=PressRelease.awards.through, dispatch_uid="pages-awards"
        )
        changes_by_the_clock(PressRelease.objects.next_scheduled_publication)
        changes_by_the_clock(MediaAsset.objects.next_withdrawal)
        pre_save.connect(year_before_raw_save, sender=PressRelease, dispatch_uid="release-year")
        post_save.connect(
            refresh_after_raw_save, sender=PressRelease, dispatch_uid="release-raw-save"
        )
        post_delete.connect(recount_archive, sender=PressRelease, dispatch_uid="archive-recount")
        # When the public may see each award and ranking (newsroom.models.awards).
        links = PressRelease.awards.through
        m2m_changed.connect(refresh_announced, sender=links, dispatch_uid="awards-visible")
        pre_delete.connect(note_announced, sender=PressRelease, dispatch_uid="awards-visible-n")
        post_delete.connect(
            refresh_announced_by_deleted, sender=PressRelease, dispatch_uid="awards-visible-d"
        )
        pre_save.connect(note_ranking, sender=Award, dispatch_uid="award-visible-n")
        post_save.connect(refresh_award, sender=Award, dispatch_uid="award-visible")
        post_delete.connect(refresh_award_left, sender=Award, dispatch_uid="award-visible-d")
        post_save.connect(refresh_after_raw_ranking, sender=Ranking, dispatch_uid="ranking-raw")
        post_migrate.connect(ensure_sqlite_index, sender=self, dispatch_uid="sqlite-search-index")


def year_before_raw_save(sender, instance, raw, using, **kwargs):
    """A revision restored (or a backup loaded) may move a release to another year."""
    if raw:
        instance.saved_year = (
            sender.objects.using(using)
            .filter(pk=instance.pk)
            .values_list("published_year", flat=True)
            .first()
        )


def refresh_after_raw_save(sender, instance, raw, using, **kwargs):
    """A raw save skips save(): derive what it derives, and count its years again once
    the transaction commits (after the whole backup is loaded)."""
    from .models import ArchiveYear

    if raw:
        sender.objects.using(using).filter(pk=instance.pk).refresh_derived_fields()
        years = {instance.saved_year, instance.published_year}
        ArchiveYear.objects.using(using).recount_after_commit(years)
        from .models.awards import refresh_visibility_after_commit

        refresh_visibility_after_commit(using)


def recount_archive(sender, instance, using, **kwargs):
    """A deleted release leaves its year's count."""
    from .models import ArchiveYear

    ArchiveYear.objects.using(using).recount({instance.published_year})
