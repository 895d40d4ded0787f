from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .embargo import new_access_token
from .releases import PressRelease


class PreviewLinkQuerySet(models.QuerySet):
    def usable(self):
        """Links that open their release: not revoked, not expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
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
    token = models.CharField(max_length=64, unique=True, default=new_access_token, editable=False)
    expires_at = models.DateTimeField(
        _("link expires"), help_text=_("After this moment the link opens nothing.")
    )
    revoked = models.BooleanField(
        _("revoked"), default=False, help_text=_("A revoked link opens nothing, at once.")
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_opened_at = models.DateTimeField(_("last opened"), null=True, editable=False)
    times_opened = models.PositiveIntegerField(_("times opened"), default=0, editable=False)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links (to read a release before it is public)")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.recipient

    def save(self, *args, **kwargs):
        if self.revoked and self.revoked_at is None:
            self.revoked_at = timezone.now()
        elif not self.revoked:
            self.revoked_at = None
        super().save(*args, **kwargs)

    def reading_path(self):
        """Where the recipient reads the release (not `get_absolute_url`: Django's
        "view on site" shortcut would hand the token to any staff account)."""
        return reverse("preview-shared", kwargs={"token": self.token})

    def record_opening(self):
        PreviewLink.objects.filter(pk=self.pk).update(
            last_opened_at=timezone.now(), times_opened=models.F("times_opened") + 1
        )
