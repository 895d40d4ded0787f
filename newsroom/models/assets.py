"""The media library: pictures and documents with their caption, credit and terms of
use, gathered in order into a release's press kit.

An asset may be used until a moment (its licence, or the pictured people's consent,
ends); past it, it is gone from every public page, feed, file and ZIP at once — the page
cache never keeps a page past the next such moment (core.page_cache)."""

from datetime import timedelta
from pathlib import PurePosixPath

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.images import SafeImageField
from core.models import Versioned
from core.richtext import CleanTextMixin

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


class Licence(models.TextChoices):
    PRESS_ONLY = "press", _("Press use only — all rights reserved")
    CC_BY = "cc-by-4.0", _("CC BY 4.0")
    CC_BY_SA = "cc-by-sa-4.0", _("CC BY-SA 4.0")
    PUBLIC_DOMAIN = "public-domain", _("Public domain")


LICENCE_TERMS = {
    Licence.PRESS_ONLY: _(
        "Free for press articles about the news it illustrates, with the credit;"
        " any other use needs our written consent."
    ),
    Licence.CC_BY: _("Free for any use, with the credit and a link to the licence."),
    Licence.CC_BY_SA: _(
        "Free for any use, with the credit, a link to the licence, and the same licence"
        " for what is made from it."
    ),
    Licence.PUBLIC_DOMAIN: _("Free for any use; crediting the author is appreciated."),
}
LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.PUBLIC_DOMAIN: "https://creativecommons.org/publicdomain/mark/1.0/",
}


def validate_pdf(upload):
    if upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("This document is too large (%(size)s); the limit is %(limit)s."),
            code="document_too_large",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_DOCUMENT_BYTES),
            },
        )
    upload.seek(0)
    if upload.read(5) != b"%PDF-":
        raise ValidationError(_("This file is not a PDF document."), code="not_pdf")
    upload.seek(0)


class MediaAssetQuerySet(models.QuerySet):
    def available(self, now=None):
        """Assets whose licence and consent still hold."""
        now = now or timezone.now()
        return self.filter(Q(available_until__isnull=True) | Q(available_until__gt=now))

    def expiring_within(self, days):
        now = timezone.now()
        return self.filter(
            available_until__gt=now, available_until__lte=now + timedelta(days=days)
        ).order_by("available_until")

    def next_withdrawal(self):
        """When the next asset goes out of use, or None (core.page_cache's clock)."""
        coming = self.filter(available_until__gt=timezone.now())
        return coming.aggregate(next=models.Min("available_until"))["next"]


class MediaAsset(CleanTextMixin, Versioned, models.Model):
    class Kind(models.TextChoices):
        PICTURE = "picture", _("Picture")
        DOCUMENT = "document", _("Document (PDF)")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PICTURE)
    picture = SafeImageField(
        _("picture"),
        upload_to="assets/%Y/%m/",
        blank=True,
        width_field="width",
        height_field="height",
        help_text=_("At full resolution: journalists download it for print."),
    )
    document = models.FileField(
        _("document"),
        upload_to="assets/%Y/%m/",
        blank=True,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("A PDF of up to 20 MB."),
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describes the picture for people who cannot see it."),
    )
    credit = models.CharField(
        _("credit"), max_length=200, blank=True, help_text=_("e.g. © Jane Doe / IMT Mines Alès")
    )
    licence = models.CharField(
        _("licence"), max_length=20, choices=Licence, default=Licence.PRESS_ONLY
    )
    available_until = models.DateTimeField(
        _("usable until"),
        null=True,
        blank=True,
        help_text=_(
            "When its licence or the pictured people's consent ends: from then on it is"
            " gone from every page, feed and download."
        ),
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    objects = MediaAssetQuerySet.as_manager()

    class Meta:
        verbose_name = _("media asset")
        verbose_name_plural = _("media library")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.caption or PurePosixPath(self.stored.name or "").name or str(self.pk)

    def clean(self):
        if self.kind == self.Kind.PICTURE:
            if not self.picture:
                raise ValidationError({"picture": _("Choose the picture.")})
            if not self.credit.strip():
                raise ValidationError({"credit": _("A picture needs its credit.")})
            self.document = None
        else:
            if not self.document:
                raise ValidationError({"document": _("Choose the PDF document.")})
            self.picture = None

    @property
    def stored(self):
        """The file, whichever kind."""
        return self.picture if self.kind == self.Kind.PICTURE else self.document

    def is_picture(self):
        return self.kind == self.Kind.PICTURE

    def size_bytes(self):
        try:
            return self.stored.size
        except (OSError, ValueError):
            return None

    def licence_terms(self):
        return LICENCE_TERMS[Licence(self.licence)]

    def licence_url(self):
        return LICENCE_URLS.get(Licence(self.licence), "")

    def is_available(self, now=None):
        return self.available_until is None or self.available_until > (now or timezone.now())

    def file_name(self, position):
        """Its name in a press kit's ZIP: numbered in the kit's order, named after its
        caption (stored files have random names)."""
        stored = PurePosixPath(self.stored.name)
        stem = slugify(self.caption)[:60].strip("-") or stored.stem
        return f"{position:02d}-{stem}{stored.suffix}"


class ReleaseAssetQuerySet(models.QuerySet):
    def usable(self):
        """Kit items whose asset's licence and consent still hold."""
        now = timezone.now()
        return self.filter(
            Q(asset__available_until__isnull=True) | Q(asset__available_until__gt=now)
        )

    def usable_pictures(self):
        return self.usable().filter(asset__kind=MediaAsset.Kind.PICTURE).select_related("asset")


class ReleaseAsset(models.Model):
    """An asset in a release's press kit, in the editor's order."""

    release = models.ForeignKey(
        "newsroom.PressRelease", on_delete=models.CASCADE, related_name="release_assets"
    )
    # Deleting an asset a release uses is refused, listing the releases.
    asset = models.ForeignKey(
        MediaAsset, on_delete=models.PROTECT, related_name="uses", verbose_name=_("asset")
    )
    position = models.PositiveIntegerField(_("position"), default=0)

    objects = ReleaseAssetQuerySet.as_manager()

    class Meta:
        verbose_name = _("press kit item")
        verbose_name_plural = _("press kit")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["release", "asset"], name="unique_release_asset")
        ]

    def __str__(self):
        return f"{self.release} — {self.asset}"
