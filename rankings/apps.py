from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RankingsConfig(AppConfig):
    name = "rankings"
    verbose_name = _("Rankings and awards")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import reversion
        from django.db.models.signals import post_delete, post_save

        from core.page_cache import changes_by_the_clock, content_changed

        from .models import Award, Ranking

        # A restored ranking or award gets a new version, and its flag is worked out again.
        reversion.register(Ranking, exclude=["version"])
        reversion.register(Award, exclude=["superseded", "version"])
        # Raw saves too: a restored revision or a loaded fixture may change an edition.
        post_save.connect(mark_superseded, sender=Award, dispatch_uid="award-superseded")
        post_delete.connect(mark_superseded, sender=Award, dispatch_uid="award-superseded-d")
        # Badges show on public pages: a change starts a new content version.
        for model in (Award, Ranking):
            post_save.connect(content_changed, sender=model, dispatch_uid=f"pages-{model}")
            post_delete.connect(content_changed, sender=model, dispatch_uid=f"pages-d-{model}")
        changes_by_the_clock(Award.objects.next_window_change)


def mark_superseded(sender, **kwargs):
    """Any award saved or deleted may supersede others, or stop superseding them."""
    sender.objects.mark_superseded()
