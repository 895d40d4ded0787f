import contextvars
import re
from datetime import timedelta
from typing import NamedTuple

import reversion
from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.views.main import SEARCH_VAR
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import connection, transaction
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin
from reversion.models import Version

from core.languages import LANGUAGE_CODES, language_names, per_language
from core.models import Institution
from core.revisions import RevisionAdmin
from core.richtext import RichTextAdminMixin
from rankings.admin import AwardAdmin
from rankings.models import Award, Ranking

from . import workflow
from .admin_assets import ReleaseAssetInline
from .admin_imports import DocumentImportMixin
from .models import (
    ArchiveYear,
    Contact,
    EmbargoLink,
    MediaAsset,
    PressRelease,
    PreviewLink,
    ReleaseContact,
)


class PublicationYearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        return [(str(year), str(year)) for year in PressRelease.objects.publication_years()]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        # A year as the menu offers it; anything else (0, "²", twenty digits) lists nothing.
        if not re.fullmatch(r"[1-9][0-9]{3}", self.value()):
            return queryset.none()
        return queryset.filter(published_at__year=int(self.value()))


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("missing translation")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [(code, name) for code, name in settings.LANGUAGES]

    def queryset(self, request, queryset):
        if self.value() in LANGUAGE_CODES:
            return queryset.filter(**{f"is_complete_{self.value()}": False})
        return queryset


class PublicationStateFilter(admin.SimpleListFilter):
    """Where releases stand in the workflow, including states the status alone hides."""

    title = _("publication")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [
            ("live", _("Live")),
            ("scheduled", _("Scheduled")),
            ("embargoed", _("Under embargo")),
            ("waiting", _("Published, waiting for a ready language")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        published = queryset.filter(status=PressRelease.Status.PUBLISHED)
        live = published.public_in_any_language()
        if self.value() == "live":
            return live
        if self.value() == "scheduled":
            return published.filter(published_at__gt=now, embargo_until__isnull=True)
        if self.value() == "embargoed":
            return published.filter(embargo_until__gt=now)
        if self.value() == "waiting":
            return published.filter(published_at__lte=now).exclude(pk__in=live.values("pk"))
        return queryset


class ReleaseContactInline(admin.TabularInline):
    model = ReleaseContact
    autocomplete_fields = ["contact"]
    fields = ["position", "contact"]
    extra = 1
    verbose_name = _("press contact")
    verbose_name_plural = _("press contacts (in the order shown on the release)")


# The request a release form is being built for: links to send are shown in full.
admin_request = contextvars.ContextVar("admin_request", default=None)


def absolute_uri(path):
    request = admin_request.get()
    return request.build_absolute_uri(path) if request else path


def default_link_expiry():
    return timezone.now() + timedelta(days=settings.NEWSROOM_PREVIEW_LINK_DAYS * 2)


class ReadingLinkInline(admin.TabularInline):
    """Links that open a release before it is public, listed, revocable, counted."""

    extra = 0
    view_on_site = False  # opening the link from here would count as the recipient's

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.base_fields["expires_at"].initial = self.default_expiry
        return formset

    @admin.display(description=_("link to send"))
    def link(self, reading_link):
        if reading_link.pk is None:
            return _("Shown once saved.")
        context = {"url": absolute_uri(reading_link.reading_path()), "label": _("link to send"),
                   "note": self.link_note(reading_link)}  # fmt: skip
        return render_to_string("admin/newsroom/link_to_send.html", context)

    def link_note(self, reading_link):
        """A word under the link, when it does not open its release yet."""
        return ""


class PreviewLinkInline(ReadingLinkInline):
    model = PreviewLink
    fields = ["recipient", "language", "expires_at", "revoked", "link", "times_opened",
              "last_opened_at"]  # fmt: skip
    readonly_fields = ["link", "times_opened", "last_opened_at"]

    @staticmethod
    def default_expiry():
        return timezone.now() + timedelta(days=settings.NEWSROOM_PREVIEW_LINK_DAYS)


class EmbargoLinkInline(ReadingLinkInline):
    model = EmbargoLink
    fields = ["journalist", "outlet", "email", "language", "expires_at", "revoked", "link",
              "times_opened", "last_opened_at"]  # fmt: skip
    readonly_fields = ["link", "times_opened", "last_opened_at"]
    default_expiry = staticmethod(default_link_expiry)

    def link_note(self, embargo_link):
        if embargo_link.release.status != PressRelease.Status.PUBLISHED:
            return _("Opens once the release is published (under embargo until its time).")
        return ""


class SearchPaginator(Paginator):
    """A search's matches counted up to `bound`: counting every release that holds a
    common word reads them all (120 ms at 100,000). Past the bound, the list says "more
    than 1,000" and pages through the newest 1,000, as the site's search does."""

    bound = 1000
    more_than_bound = False

    @property
    def written_bound(self):
        """The bound as the language writes it: "1 000", "1,000"."""
        return number_format(self.bound, force_grouping=True)

    @cached_property
    def count(self):
        counted = self.object_list.order_by()[: self.bound + 1].count()
        self.more_than_bound = counted > self.bound
        return min(counted, self.bound)


class PressReleaseAdminForm(forms.ModelForm):
    """The release form, knowing who edits (roles) and from which saved state (locking)."""

    user = None  # set per request by PressReleaseAdmin.get_form
    # The saved state this form started from: its version (optimistic locking).
    editing_from = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["editing_from"].initial = self.instance.version
        if "status" in self.fields and self.user is not None:
            allowed = workflow.allowed_statuses(self.user)
            self.fields["status"].choices = [(status.value, status.label) for status in allowed]

    def clean(self):
        cleaned_data = super().clean()
        if "status" in cleaned_data and self.user is not None:
            try:
                workflow.check_status_change(self.user, self.instance, cleaned_data["status"])
            except PermissionDenied as refusal:
                self.add_error("status", str(refusal))
        if self.instance.pk is not None:
            self.check_nobody_saved_meanwhile(cleaned_data.get("editing_from"))
        return cleaned_data

    def check_nobody_saved_meanwhile(self, version):
        """Optimistic locking: refuse to overwrite a save made since this form opened."""
        releases = PressRelease.objects.filter(pk=self.instance.pk)
        if connection.in_atomic_block:
            releases = releases.select_for_update()
        stored = releases.values_list("version", flat=True).first()
        if stored is None:
            raise ValidationError(
                _("This release was deleted while you were editing it. Copy your text before"
                  " leaving this page; the history of deleted releases can restore it.")
            )  # fmt: skip
        if version == stored:
            return
        # Saving again now replaces their version knowingly (it stays in the history).
        self.data = self.data.copy()
        self.data["editing_from"] = str(stored)
        last = Version.objects.get_for_object(self.instance).select_related("revision__user")
        last = last.order_by("-revision__date_created").first()
        who = last.revision.user if last and last.revision.user else None
        raise ValidationError(
            _("%(who)s saved this release at %(when)s, after you opened it. Nothing was saved:"
              " your text is still in the form below. Compare with their version in the"
              " history, then save again to replace it with yours, or reload to start"
              " from theirs.") % {
                "who": (who.get_full_name() or who.get_username()) if who else _("Someone"),
                "when": date_format(
                    timezone.localtime(last.revision.date_created), "DATETIME_FORMAT"
                ) if last else "—",
            },
            code="edit_conflict",
        )  # fmt: skip


@admin.register(PressRelease)
class PressReleaseAdmin(
    DocumentImportMixin, RichTextAdminMixin, RevisionAdmin, TabbedTranslationAdmin
):
    form = PressReleaseAdminForm
    list_display = ["__str__", "status", "publication_state", "published_at", "languages",
                    "has_image"]  # fmt: skip
    list_filter = [
        "status",
        PublicationStateFilter,
        PublicationYearFilter,
        MissingTranslationFilter,
    ]
    search_fields = [
        f"{field}_{code}" for field in ("title", "standfirst") for code in LANGUAGE_CODES
    ]
    # Counting the filtered list is enough: a second count of every release costs as
    # much again at 100,000 (the year filter replaces a date hierarchy for the same reason).
    show_full_result_count = False
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ["publication_state", "public_links", "preview_links", "created_at",
                       "updated_at"]  # fmt: skip
    inlines = [ReleaseContactInline, ReleaseAssetInline, PreviewLinkInline, EmbargoLinkInline]
    autocomplete_fields = ["awards", "hero"]
    save_on_top = True
    actions = ["send_to_review", "publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "dateline", "standfirst", "body"]}),
        (
            _("Publication"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "embargo_until",
                    "ready_fr",
                    "ready_en",
                    "waits_for_all_languages",
                    "send_alert",
                    "publication_state",
                    "public_links",
                    "preview_links",
                ]
            },
        ),
        (_("Hero image"), {"fields": ["hero"]}),
        (_("Rankings and awards"), {"fields": ["awards"]}),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        form.user = request.user
        return form

    def get_paginator(self, request, queryset, per_page, *args, **kwargs):
        if request.GET.get(SEARCH_VAR):
            return SearchPaginator(queryset, per_page, *args, **kwargs)
        return super().get_paginator(request, queryset, per_page, *args, **kwargs)

    def has_change_permission(self, request, obj=None):
        return workflow.can_change(request.user, obj)

    def has_delete_permission(self, request, obj=None):
        return workflow.can_delete(request.user, obj)

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user)

    @admin.display(description=_("complete languages"))
    def languages(self, release):
        complete = release.complete_languages()
        return format_html_join(
            " ",
            '<span title="{}">{} {}</span>',
            (
                (_("complete"), code.upper(), "✓") if code in complete
                else (_("missing"), code.upper(), "—")
                for code in LANGUAGE_CODES
            ),
        )  # fmt: skip

    @admin.display(description=_("image"), boolean=True)
    def has_image(self, release):
        return release.hero_id is not None

    @admin.display(description=_("state"))
    def publication_state(self, release):
        if release.pk is None:
            return "—"
        return release.state_description()

    @admin.display(description=_("view on site"))
    def public_links(self, release):
        if release.pk is None:
            return "—"
        links = [
            (release.get_absolute_url(code), name)
            for code, name in settings.LANGUAGES
            if release.is_public_in(code)
        ]
        if not links:
            return _("Not public yet in any language.")
        return format_html_join(" · ", '<a href="{}" target="_blank">{}</a>', links)

    @admin.display(description=_("preview"))
    def preview_links(self, release):
        """The editor's own preview in each language (links to send are listed below)."""
        if release.pk is None:
            return _("Save the release to preview it.")
        rows = [
            {"url": reverse("preview-release", kwargs={"uuid": release.uuid, "language": code}),
             "name": name}
            for code, name in settings.LANGUAGES
            if release.is_complete_in(code)
        ]  # fmt: skip
        if not rows:
            return _("A language needs a title, a slug and a body to be previewed.")
        return render_to_string("admin/newsroom/pressrelease/preview_links.html", {"links": rows})

    def changeform_view(self, request, *args, **kwargs):
        token = admin_request.set(request)  # links shown in the form are absolute
        try:
            response = super().changeform_view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()  # now, while the request is known
            return response
        finally:
            admin_request.reset(token)

    def save_formset(self, request, form, formset, change):
        # Who gave a journalist early access is kept with the link.
        for link_form in formset.forms:
            link = link_form.instance
            if isinstance(link, (EmbargoLink, PreviewLink)) and link.pk is None:
                link.created_by = request.user
        super().save_formset(request, form, formset, change)

    def delete_queryset(self, request, queryset):
        with transaction.atomic(), ArchiveYear.objects.counted_once():
            super().delete_queryset(request, queryset)

    def view_on_site(self, release):
        """The public page in the editor's language when it exists, else in another."""
        public = [code for code in LANGUAGE_CODES if release.is_public_in(code)]
        if not public:
            return None
        language = get_language() if get_language() in public else public[0]
        return release.get_absolute_url(language)

    @admin.action(description=_("Send the selected releases to review"), permissions=["change"])
    def send_to_review(self, request, queryset):
        drafts = queryset.filter(status=PressRelease.Status.DRAFT)
        self.change_status(request, drafts, PressRelease.Status.IN_REVIEW, _("Sent to review."))

    @admin.action(description=_("Publish the selected releases"), permissions=["publish"])
    def publish(self, request, queryset):
        waiting = queryset.exclude(status=PressRelease.Status.PUBLISHED)
        not_ready = [release for release in waiting if not release.ready_languages()]
        for release in not_ready:
            self.message_user(
                request,
                _("“%(release)s” was not published: no complete language is marked ready.")
                % {"release": release},
                messages.ERROR,
            )
        ready = waiting.exclude(pk__in=[release.pk for release in not_ready])
        self.change_status(request, ready, PressRelease.Status.PUBLISHED, _("Published."))

    @admin.action(description=_("Unpublish the selected releases (back to draft)"),
                  permissions=["publish"])  # fmt: skip
    def unpublish(self, request, queryset):
        published = queryset.filter(status=PressRelease.Status.PUBLISHED)
        self.change_status(request, published, PressRelease.Status.DRAFT, _("Unpublished."))

    def change_status(self, request, releases, status, comment):
        """Each release saved on its own, with a revision saying who changed what."""
        changed = 0
        with transaction.atomic(), ArchiveYear.objects.counted_once():
            for release in releases.select_for_update():
                workflow.check_status_change(request.user, release, status)
                if (
                    status == PressRelease.Status.PUBLISHED
                    and release.published_at < timezone.now()
                ):
                    release.published_at = timezone.now()  # published now, not when drafted
                release.status = status
                with reversion.create_revision():
                    reversion.set_user(request.user)
                    reversion.set_comment(comment)
                    release.save()
                self.log_change(request, release, comment)
                changed += 1
        self.message_user(
            request,
            ngettext("%(count)d release: %(state)s", "%(count)d releases: %(state)s", changed)
            % {"count": changed, "state": comment},
            messages.SUCCESS if changed else messages.WARNING,
        )


@admin.register(Contact)
class ContactAdmin(RevisionAdmin, TabbedTranslationAdmin):
    list_display = ["name", "role", "organisation", "email", "phone", "is_active", "position"]
    list_editable = ["is_active", "position"]
    list_filter = ["is_active"]
    search_fields = [
        f"{field}_{code}" for field in ("name", "role", "organisation") for code in LANGUAGE_CODES
    ] + ["email"]


class AnnouncingReleaseInline(admin.TabularInline):
    model = PressRelease.awards.through
    verbose_name = _("release announcing this award")
    verbose_name_plural = _("releases announcing this award")
    fields = ["release"]
    readonly_fields = ["release"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description=_("press release"))
    def release(self, link):
        address = reverse("admin:newsroom_pressrelease_change", args=[link.pressrelease_id])
        return format_html('<a href="{}">{}</a>', address, link.pressrelease)


# The rankings app knows nothing of releases: the newsroom adds them to the award admin.
admin.site.unregister(Award)


@admin.register(Award)
class AwardWithReleasesAdmin(AwardAdmin):
    inlines = [AnnouncingReleaseInline]

    def get_deleted_objects(self, objs, request):
        """An award a release announces is protected, like a ranking with awards: the
        confirmation names the releases and refuses (its badge would vanish silently)."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        announcing = PressRelease.objects.filter(awards__in=objs).distinct().order_by("pk")
        protected = [
            *protected,
            *(format_html('{}: <a href="{}">{}</a>', capfirst(PressRelease._meta.verbose_name),
                          reverse("admin:newsroom_pressrelease_change", args=[release.pk]),
                          release)
              for release in announcing),
        ]  # fmt: skip
        return deleted, counts, perms_needed, protected


BOARD_LIMIT = 200  # rows per kind of content; the count says how many in all


def translation_board(request):
    """Releases, contacts, rankings and awards whose translation is missing or outdated."""
    if not request.user.has_perm("newsroom.view_pressrelease"):
        raise PermissionDenied
    language_names = dict(settings.LANGUAGES)
    sections = []
    for model in (PressRelease, Contact, Ranking, Award):
        pending = model.objects.needing_translation().order_by("-pk")
        rows = [
            (
                item,
                reverse(
                    f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[item.pk]
                ),  # fmt: skip
                [(language_names[code], state) for code, state in item.translation_state().items()],
            )
            for item in pending[:BOARD_LIMIT]
        ]
        sections.append((model._meta.verbose_name_plural, pending.count(), rows))
    context = {
        **admin.site.each_context(request),
        "title": _("Translations to write or update"),
        "original": language_names[settings.NEWSROOM_ORIGINAL_LANGUAGE],
        "sections": sections,
    }
    return TemplateResponse(request, "admin/translation_board.html", context)


DESK_ROWS = 8  # rows per list of the desk; each list links to all of them
# What a row of the desk reads of a release (no texts, no search columns).
DESK_FIELDS = [
    "status", "published_at", "embargo_until", "updated_at",
    *per_language("title"), *per_language("slug"), *per_language("is_publishable"),
]  # fmt: skip


class DeskList(NamedTuple):
    rows: list
    more: bool  # more than the rows shown


def first_rows(queryset):
    rows = list(queryset[: DESK_ROWS + 1])
    return DeskList(rows[:DESK_ROWS], len(rows) > DESK_ROWS)


def public_links(release):
    """(code, name, address) of each language the release is public in."""
    return [(code, name, release.get_absolute_url(code))
            for code, name in language_names() if release.is_public_in(code)]  # fmt: skip


def press_desk(user):
    """What a press officer acts on, each list in one or two queries whatever the number
    of releases; None for an account that may not read releases."""
    if not user.has_perm("newsroom.view_pressrelease"):
        return None
    releases = PressRelease.objects.only(*DESK_FIELDS)
    latest = releases.public_in_any_language().order_by("-published_at", "-pk")[:DESK_ROWS]
    translated = [
        model for model in (PressRelease, Contact, Ranking, Award)
        if user.has_perm(f"{model._meta.app_label}.view_{model._meta.model_name}")
    ]  # fmt: skip
    return {
        "in_review": first_rows(releases.awaiting_review()),
        "coming_up": first_rows(releases.coming_up()),
        "translations": [
            (model._meta.verbose_name_plural, model.objects.needing_translation().count())
            for model in translated
        ],
        "awards_ending": first_rows(Award.objects.ending_within(30).with_ranking())
        if user.has_perm("rankings.view_award")
        else None,
        "assets_ending": first_rows(MediaAsset.objects.expiring_within(30))
        if user.has_perm("newsroom.view_mediaasset")
        else None,
        "latest": [(release, public_links(release)) for release in latest],
        "legal_missing": Institution.load().missing_legal_information()
        if user.has_perm("core.change_institution")
        else [],
    }


def desk(request):
    """The admin's home page: the desk above the site's list of applications."""
    return admin.site.index(request, extra_context={"desk": press_desk(request.user)})
