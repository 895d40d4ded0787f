import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .releases import PressRelease


def new_access_token():
    return secrets.token_urlsafe(32)


class EmbargoLinkQuerySet(models.QuerySet):
    def usable(self):
        """Links that open their release: not revoked, not expired, release approved."""
        return self.filter(
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
            release__status=PressRelease.Status.PUBLISHED,
        )


class ReadingLink(models.Model):
    """A link that opens a release before it is public, for someone without an account:
    personal, expiring, revocable at once, counting its opens."""

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

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.revoked and self.revoked_at is None:
            self.revoked_at = timezone.now()
        elif not self.revoked:
            self.revoked_at = None
        super().save(*args, **kwargs)

    def record_opening(self):
        type(self).objects.filter(pk=self.pk).update(
            last_opened_at=timezone.now(), times_opened=models.F("times_opened") + 1
        )


class EmbargoLink(ReadingLink):
    """A journalist's personal, revocable, expiring link to read a release early."""

    release = models.ForeignKey(
        PressRelease,
        on_delete=models.CASCADE,
        related_name="embargo_links",
        verbose_name=_("press release"),
    )
    journalist = models.CharField(_("journalist"), max_length=200)
    outlet = models.CharField(_("media outlet"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    objects = EmbargoLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("journalist link")
        verbose_name_plural = _("journalist links (early reading under embargo)")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.journalist} ({self.outlet})" if self.outlet else self.journalist

    def reading_path(self):
        """Where the journalist reads the release. Not `get_absolute_url`: Django's
        "view on site" shortcut would hand the token to any staff account."""
        return reverse("preview-embargo", kwargs={"token": self.token})
