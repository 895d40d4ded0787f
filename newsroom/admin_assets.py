"""The media library in the admin, and a release's press kit as an ordered inline."""

from django.contrib import admin
from django.db import transaction
from django.db.models import Func, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from core import renditions

from .models import MediaAsset, PressRelease, ReleaseAsset

EXPIRING_DAYS = 30


class AvailabilityFilter(admin.SimpleListFilter):
    title = _("availability")
    parameter_name = "availability"

    def lookups(self, request, model_admin):
        return [
            ("expiring", _("Ending within %(days)s days") % {"days": EXPIRING_DAYS}),
            ("withdrawn", _("Withdrawn (past its end)")),
            ("unlimited", _("No end date")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        if self.value() == "expiring":
            return queryset.expiring_within(EXPIRING_DAYS)
        if self.value() == "withdrawn":
            return queryset.filter(available_until__lte=now)
        if self.value() == "unlimited":
            return queryset.filter(available_until__isnull=True)
        return queryset


@admin.register(MediaAsset)
class MediaAssetAdmin(TabbedTranslationAdmin):
    list_display = ["thumbnail", "__str__", "kind", "credit", "licence", "available_until",
                    "used_by"]  # fmt: skip
    list_display_links = ["thumbnail", "__str__"]
    list_filter = ["kind", "licence", AvailabilityFilter]
    search_fields = ["caption_fr", "caption_en", "credit", "alt_text_fr", "alt_text_en"]
    fields = ["kind", "picture", "document", "caption", "alt_text", "credit", "licence",
              "available_until"]  # fmt: skip

    def get_queryset(self, request):
        # Releases showing it in their kit or as their hero image, each once.
        showing = PressRelease.objects.filter(
            Q(release_assets__asset=OuterRef("pk")) | Q(hero=OuterRef("pk"))
        )
        count = Func("pk", function="COUNT", template="COUNT(DISTINCT %(expressions)s)")
        return (
            super()
            .get_queryset(request)
            .annotate(
                # rewrite(False): modeltranslation would add every field to values().
                release_count=Subquery(showing.rewrite(False).order_by().values(count=count))
            )
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Renditions of a new picture once saved, so the first visitor waits for none:
        # slow work, kept out of the transaction.
        if obj.is_picture() and "picture" in form.changed_data:
            transaction.on_commit(lambda: renditions.prepare(obj.picture))

    @admin.display(description=_("picture"))
    def thumbnail(self, asset):
        if asset.is_picture() and asset.picture:
            return format_html(
                '<img src="{}" alt="" width="80" style="height:auto">', asset.picture.url
            )
        return "PDF"

    @admin.display(description=_("releases"), ordering="release_count")
    def used_by(self, asset):
        return asset.release_count


class ReleaseAssetInline(admin.TabularInline):
    model = ReleaseAsset
    autocomplete_fields = ["asset"]
    fields = ["position", "asset"]
    extra = 1
    verbose_name = _("press kit item")
    verbose_name_plural = _("press kit (pictures and documents, in the order shown)")
