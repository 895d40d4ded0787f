from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RankingsConfig(AppConfig):
    name = "rankings"
    verbose_name = _("Rankings and awards")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import Award

        # Raw saves too: a restored revision or a loaded fixture may change an edition.
        post_save.connect(mark_superseded, sender=Award, dispatch_uid="award-superseded")
        post_delete.connect(mark_superseded, sender=Award, dispatch_uid="award-superseded-d")


def mark_superseded(sender, **kwargs):
    """Any award saved or deleted may supersede others, or stop superseding them."""
    sender.objects.mark_superseded()
