from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .embargo import ReadingLink
from .releases import PressRelease


class PreviewLinkQuerySet(models.QuerySet):
    def usable(self):
        """Links that open their release: not revoked, not expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(ReadingLink):
    """A link to read a release before it is public, for someone without an account (a
    researcher checking a quote, a partner's press office): listed on the release,
    revocable at once, expiring."""

    release = models.ForeignKey(
        PressRelease,
        on_delete=models.CASCADE,
        related_name="preview_links",
        verbose_name=_("press release"),
    )
    recipient = models.CharField(
        _("sent to"), max_length=200, help_text=_("Who the link is for, e.g. the lab's director.")
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links (to read a release before it is public)")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.recipient

    def reading_path(self):
        """Where the recipient reads the release (not `get_absolute_url`: Django's
        "view on site" shortcut would hand the token to any staff account)."""
        return reverse("preview-shared", kwargs={"token": self.token})
