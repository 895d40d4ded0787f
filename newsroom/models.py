import re
import secrets
import uuid
from functools import lru_cache, reduce
from operator import and_, or_
from uuid import uuid4

from asgiref.local import Local
from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Case, Q, Value, When
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from rankings.models import Award

from . import search as fulltext
from .images import SafeImageField
from .page_cache import content_changed
from .richtext import CleanTextMixin, RichTextField
from .translation_status import TranslationTracked, TranslationTrackedQuerySet

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# A slug made only of digits would be read as a year in /news/<year>/.
slug_has_a_letter = RegexValidator(
    r"[a-z]", _("A slug must contain at least one letter."), code="slug_digits_only"
)
# These addresses belong to the feeds, under /news/.
RESERVED_SLUGS = {"rss", "atom"}


def validate_slug_is_free(value):
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is reserved for the site’s feeds; choose another slug."),
            code="slug_reserved",
            params={"slug": value},
        )


def in_zone(moment):
    """'1 December 2026 10:00 (Europe/Paris)': a moment with its time zone spelt out."""
    local = timezone.localtime(moment)
    return f"{date_format(local, 'DATETIME_FORMAT')} ({timezone.get_current_timezone_name()})"


def localized(field, language):
    """The column that holds `field` in `language`, e.g. title_fr."""
    return build_localized_fieldname(field, language)


def per_language(field):
    """The field's column in each language: title_fr, title_en."""
    return [localized(field, code) for code in LANGUAGE_CODES]


# Columns no public page reads, left in the database when pages load releases.
NOT_ON_PAGES = [
    *per_language("search_text"),
    *per_language("search_vector"),
    *per_language("text_changed"),
    "edit_token",
]
# All a release card reads (every language: a translated field looks at the others).
ON_CARDS = [
    "published_at",
    "hero_image",
    "hero_image_width",
    "hero_image_height",
    *(column for field in ("title", "slug", "standfirst", "hero_image_alt")
      for column in per_language(field)),
]  # fmt: skip


# A slug the URL needs no escaping for, as the slug field's validation ensures.
PLAIN_SLUG = re.compile(r"[-a-zA-Z0-9_]+")
SLUG_MARK = "slug-goes-here"


@lru_cache(maxsize=64)
def release_url_around_slug(language, urlconf, script_prefix):
    """A release page's address in `language` before and after its slug, reversed once
    per process: a page of cards links a dozen releases."""
    with translation.override(language):
        url = reverse("newsroom:release-detail", kwargs={"slug": SLUG_MARK}, urlconf=urlconf)
    prefix, _mark, suffix = url.partition(SLUG_MARK)
    return prefix, suffix


def filled(field, language):
    """Q for rows where the `language` version of `field` is not empty."""
    column = localized(field, language)
    return Q(**{f"{column}__isnull": False}) & ~Q(**{column: ""})


def complete(language):
    """Q for rows whose `language` version has a title, a slug and a body."""
    return filled("title", language) & filled("slug", language) & filled("body", language)


def ready(language):
    """Q for rows whose `language` version is complete and marked ready by an editor."""
    return complete(language) & Q(**{f"ready_{language}": True})


def publishable(language):
    """Q for rows that may go public in `language` once published and their time comes."""
    every_language_ready = reduce(and_, (ready(code) for code in LANGUAGE_CODES))
    return ready(language) & (Q(waits_for_all_languages=False) | every_language_ready)


class PressReleaseQuerySet(TranslationTrackedQuerySet):
    def public(self, language=None):
        """Releases a visitor may read in `language` (default: the active language).

        The single rule of visibility: published, publication time passed (an
        embargo holds it back to the embargo's end), and that language may go
        public: complete, marked ready, and — for a release that waits for every
        language — all of them ready (`is_publishable_<lang>`, kept up to date on
        save, so that one partial index per language answers it).
        """
        language = language or translation.get_language()
        return self.filter(
            status=PressRelease.Status.PUBLISHED,
            published_at__lte=timezone.now(),
            **{f"is_publishable_{language}": True},
        )

    def public_in_any_language(self):
        """Releases public in at least one language (each language per `public`)."""
        return self.filter(
            reduce(or_, (Q(pk__in=self.public(code).values("pk")) for code in LANGUAGE_CODES))
        )

    def search(self, query, language=None):
        """Releases matching `query` in `language`, best first (see newsroom.search)."""
        return fulltext.search(self, query, language or translation.get_language())

    def refresh_derived_fields(self):
        """Recompute what save() derives: completeness, publishability, search columns."""
        self.update(
            **{
                f"{column}_{code}": Case(
                    When(condition(code), then=Value(True)), default=Value(False)
                )
                for column, condition in (
                    ("is_complete", complete),
                    ("is_publishable", publishable),
                )
                for code in LANGUAGE_CODES
            }
        )
        text_columns = [f"{field}_{code}" for field in ("title", "standfirst", "body")
                        for code in LANGUAGE_CODES]  # fmt: skip
        for release in self.only("pk", *text_columns):
            PressRelease.objects.filter(pk=release.pk).update(
                **{
                    f"search_text_{code}": fulltext.searchable_text(release, code)
                    for code in LANGUAGE_CODES
                }
            )
        if fulltext.uses_postgres():
            self.update(
                **{f"search_vector_{code}": fulltext.search_vector(code) for code in LANGUAGE_CODES}
            )
        ArchiveYear.objects.recount()

    def mentioning(self, ranking):
        """Releases announcing at least one result of `ranking`."""
        links = PressRelease.awards.through.objects.filter(award__ranking=ranking)
        return self.filter(pk__in=links.values("pressrelease_id"))

    def with_awards(self):
        """Each release's `shown_awards`, for badges, in two queries for the whole list
        (see ReleasesWithAwards)."""
        clone = self._chain()
        clone._iterable_class = ReleasesWithAwards
        return clone

    def for_listing(self):
        """Cards and rankings pages: what a card shows, with its badges."""
        return self.only(*ON_CARDS).with_awards()

    def for_feeds(self):
        """Feed items: the whole release in text (search copies left out), with awards."""
        return self.defer(*NOT_ON_PAGES).with_awards()

    def for_links(self):
        """Links to releases (search results, rankings' awards): a card's texts, no badges."""
        return self.only(*ON_CARDS)

    def for_detail(self):
        """One release's page: its awards and contacts come with it (`shown_awards`,
        `listed_contacts`, a query each while the awards are kept), cheaper for one
        release than a prefetch."""
        return self.defer(*NOT_ON_PAGES)


def attach_awards(releases, database):
    """Give each release its `shown_awards`, newest edition first.

    One instance per award however many releases on the page announce it, and plain
    lists: a prefetch makes an award (and its ranking) per link, and a related
    manager per release, which cost more than the awards themselves on a page of cards.
    The links come with each award's and ranking's version, so that awards unchanged
    since this process last read them are not read again (Award.objects.for_badges).
    """
    links = (
        PressRelease.awards.through.objects.using(database)
        .filter(pressrelease_id__in=[release.pk for release in releases])
        .values_list("pressrelease_id", "award_id", "award__version", "award__ranking__version")
    )
    awarded, versions = {}, {}
    for release_id, award_id, award_version, ranking_version in links:
        awarded.setdefault(release_id, []).append(award_id)
        versions[award_id] = (award_version, ranking_version)
    awards = Award.objects.using(database).for_badges(versions)
    newest_first = sorted(awards, key=lambda award_id: (-awards[award_id].year, award_id))
    order = {award_id: position for position, award_id in enumerate(newest_first)}
    for release in releases:
        # An award deleted since the links were read is left out.
        ids = sorted((i for i in awarded.get(release.pk, ()) if i in awards), key=order.get)
        release.shown_awards = [awards[award_id] for award_id in ids]


class ReleasesWithAwards(models.query.ModelIterable):
    """Releases with their awards as `shown_awards` (see attach_awards)."""

    def __iter__(self):
        releases = list(super().__iter__())
        attach_awards(releases, self.queryset.db)
        yield from releases


class ContactQuerySet(TranslationTrackedQuerySet):
    def listed(self):
        """Contacts on the public contacts page: the active ones."""
        return self.filter(is_active=True)


class Contact(CleanTextMixin, TranslationTracked, models.Model):
    translation_required_fields = ("name", "role", "organisation")

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        validators=[
            RegexValidator(
                r"^\+?[0-9 ().-]{6,}$",
                _("Enter a phone number such as +33 4 66 78 50 00."),
            )
        ],
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive contacts stay on past releases but leave the contacts page."),
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first on the contacts page.")
    )

    objects = ContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("press contact")
        verbose_name_plural = _("press contacts")
        ordering = ["position", "name"]

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name

    def phone_uri(self):
        """The phone number as a tel: URI (digits and a leading +)."""
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return f"tel:{digits}" if digits else ""


class PressRelease(CleanTextMixin, TranslationTracked, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "review", _("In review")
        PUBLISHED = "published", _("Published")

    translation_required_fields = ("title", "body")

    uuid = models.UUIDField(_("identifier"), default=uuid.uuid4, unique=True, editable=False)
    title = models.CharField(_("title"), max_length=250, blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=250,
        blank=True,
        validators=[slug_has_a_letter, validate_slug_is_free],
        help_text=_("The end of the page address; unique within each language."),
    )
    standfirst = models.TextField(
        _("standfirst"),
        blank=True,
        help_text=_("The lead: one or two sentences that sum up the release."),
    )
    body = RichTextField(_("body"), blank=True)
    dateline = models.CharField(
        _("dateline place"),
        max_length=100,
        blank=True,
        help_text=_("Where the release is issued from, e.g. Alès."),
    )
    published_at = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        db_index=True,
        help_text=_("The release stays hidden until this date and time."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Draft, then in review; once published it goes live at the publication date."),
    )
    embargo_until = models.DateTimeField(
        _("embargo until"),
        null=True,
        blank=True,
        help_text=_(
            "Nothing of the release is public before this moment (institution’s time zone);"
            " journalists can read it early through personal links. The publication date"
            " moves to the end of the embargo if it is earlier."
        ),
    )
    ready_fr = models.BooleanField(
        _("French version ready"),
        default=False,
        help_text=_("Checked and approved; only ready languages go public."),
    )
    ready_en = models.BooleanField(
        _("English version ready"),
        default=False,
        help_text=_("Checked and approved; only ready languages go public."),
    )
    waits_for_all_languages = models.BooleanField(
        _("go live only when every language is ready"),
        default=False,
        help_text=_("Otherwise each ready language goes live on its own."),
    )
    hero_image = SafeImageField(
        _("hero image"),
        upload_to="releases/%Y/%m/",
        blank=True,
        width_field="hero_image_width",
        height_field="hero_image_height",
    )
    hero_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    hero_image_alt = models.CharField(
        _("hero image alternative text"),
        max_length=250,
        blank=True,
        help_text=_("Describes the image for people who cannot see it."),
    )
    hero_image_credit = models.CharField(_("hero image credit"), max_length=200, blank=True)
    contacts = models.ManyToManyField(
        Contact,
        through="ReleaseContact",
        related_name="releases",
        verbose_name=_("press contacts"),
        blank=True,
    )
    awards = models.ManyToManyField(
        "rankings.Award",
        related_name="releases",
        verbose_name=_("awards announced"),
        blank=True,
        help_text=_("Ranking results this release announces; they show as badges."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Derived from the text by save() (refresh_derived_fields): the publication gate's
    # per-language completeness, and the site search's columns (newsroom.search).
    is_complete_fr = models.BooleanField(default=False, editable=False)
    is_complete_en = models.BooleanField(default=False, editable=False)
    is_publishable_fr = models.BooleanField(default=False, editable=False)
    is_publishable_en = models.BooleanField(default=False, editable=False)
    # New at every save: an edit form carries the one it started from (optimistic locking).
    edit_token = models.UUIDField(default=uuid4, editable=False)
    # The publication year in the institution's time zone, for the archive by year.
    published_year = models.PositiveSmallIntegerField(null=True, editable=False)
    search_text_fr = models.TextField(default="", editable=False)
    search_text_en = models.TextField(default="", editable=False)
    search_vector_fr = SearchVectorField(null=True, editable=False)
    search_vector_en = SearchVectorField(null=True, editable=False)

    objects = PressReleaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        permissions = [
            ("publish_pressrelease", _("Can publish, unpublish and delete published releases"))
        ]
        constraints = [
            models.UniqueConstraint(
                fields=[localized("slug", code)], name=f"unique_release_slug_{code}"
            )
            for code in LANGUAGE_CODES
        ]
        indexes = [
            # One partial index per language answers public(language), newest first,
            # and covers the archive's list of years. Its condition holds no value a
            # query would pass as a parameter, so SQLite can use it too.
            models.Index(
                fields=["-published_at", "-id", "published_year", "status"],
                condition=Q(**{f"is_publishable_{code}": True}),
                name=f"release_public_{code}_idx",
            )
            for code in LANGUAGE_CODES
        ]

    def __str__(self):
        titles = (getattr(self, localized("title", code)) for code in LANGUAGE_CODES)
        return self.title or next(filter(None, titles), gettext("(untitled release)"))

    def save(self, *args, **kwargs):
        self.store_missing_slugs_as_null()
        self.hold_until_embargo_ends()
        self.published_year = timezone.localtime(self.published_at).year
        self.edit_token = uuid4()
        super().save(*args, **kwargs)
        PressRelease.objects.filter(pk=self.pk).refresh_derived_fields()
        derived = PressRelease.objects.filter(pk=self.pk).values(
            *(f"{column}_{code}" for column in ("is_complete", "is_publishable")
              for code in LANGUAGE_CODES)
        ).get()  # fmt: skip
        for column, value in derived.items():
            setattr(self, column, value)
        self.saved_status = self.status
        # Again now that the derived columns are written (post_save came before them).
        content_changed()

    def get_absolute_url(self, language=None):
        language = language or translation.get_language()
        slug = getattr(self, localized("slug", language))
        if slug and PLAIN_SLUG.fullmatch(slug):
            prefix, suffix = release_url_around_slug(language, get_urlconf(), get_script_prefix())
            return f"{prefix}{slug}{suffix}"
        with translation.override(language):
            return reverse("newsroom:release-detail", kwargs={"slug": slug})

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # The status as loaded: what a form does to the instance since does not change
        # what the roles allow (newsroom.workflow).
        instance.saved_status = instance.__dict__.get("status")
        return instance

    def clean(self):
        # An editor who leaves a slug blank gets one made from that language's title.
        for code in LANGUAGE_CODES:
            title = getattr(self, localized("title", code))
            if title and not getattr(self, localized("slug", code)):
                setattr(self, localized("slug", code), slugify(title)[:250])
        self.store_missing_slugs_as_null()
        self.hold_until_embargo_ends()
        if self.status == self.Status.PUBLISHED and not self.complete_languages():
            raise ValidationError(
                _("A published release needs a title and a body in at least one language.")
            )
        if self.status == self.Status.PUBLISHED and not self.ready_languages():
            raise ValidationError(
                _("Mark at least one complete language as ready before publishing.")
            )

    def hold_until_embargo_ends(self):
        """An embargoed release is published when the embargo ends, not before."""
        if self.embargo_until and self.published_at < self.embargo_until:
            self.published_at = self.embargo_until

    def store_missing_slugs_as_null(self):
        """NULL, not "", for a missing slug: the per-language unique constraints skip NULLs."""
        for code in LANGUAGE_CODES:
            if not getattr(self, localized("slug", code)):
                setattr(self, localized("slug", code), None)

    def is_complete_in(self, language):
        return all(getattr(self, localized(field, language)) for field in ("title", "slug", "body"))

    def complete_languages(self):
        return [code for code in LANGUAGE_CODES if self.is_complete_in(code)]

    def ready_languages(self):
        """Complete languages an editor marked ready."""
        return [code for code in self.complete_languages() if getattr(self, f"ready_{code}")]

    def is_public_in(self, language):
        """For one release in hand, the same rule as PressRelease.objects.public()."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at <= timezone.now()
            and getattr(self, f"is_publishable_{language}")
        )

    def is_under_embargo(self):
        return bool(self.embargo_until and self.embargo_until > timezone.now())

    def state_description(self):
        """Where the release stands, in words, with the time zone of every moment."""
        live = [str(name) for code, name in settings.LANGUAGES if self.is_public_in(code)]
        if self.status != self.Status.PUBLISHED:
            return self.get_status_display()
        if live:
            return gettext("Live in %(languages)s.") % {"languages": ", ".join(live)}
        if self.is_under_embargo():
            return gettext("Under embargo until %(moment)s.") % {
                "moment": in_zone(self.embargo_until)
            }
        if self.published_at > timezone.now():
            return gettext("Scheduled: goes live on %(moment)s.") % {
                "moment": in_zone(self.published_at)
            }
        if self.waits_for_all_languages:
            return gettext("Waiting for every language to be ready.")
        return gettext("Waiting for a language to be marked ready.")

    def formatted_dateline(self, language=None):
        """'Alès, le 22 septembre 2021' in French, 'Alès, 22 September 2021' in English."""
        language = language or translation.get_language()
        with translation.override(language):
            date = timezone.localtime(self.published_at).date()
            # French writes the first day of a month as an ordinal: « le 1er octobre ».
            day = "1er" if language == "fr" and date.day == 1 else str(date.day)
            when = f"{day} {date_format(date, 'F Y')}"
            if not self.dateline:
                return when
            return gettext("%(place)s, %(date)s") % {"place": self.dateline, "date": when}

    @cached_property
    def shown_awards(self):
        """The awards the release announces, newest edition first, with their ranking
        (`PressRelease.objects.with_awards()` fills it for a whole list at once)."""
        attach_awards([self], self._state.db)
        return self.__dict__["shown_awards"]

    @cached_property
    def listed_contacts(self):
        """The release's press contacts, in the order the editor chose."""
        return list(self.release_contacts.select_related("contact").order_by("position"))

    def described_rankings(self):
        """Each ranking of the release's awards that has an "about" text, once, in order."""
        rankings = {}
        for award in self.shown_awards:
            if award.ranking.description:
                rankings.setdefault(award.ranking_id, award.ranking)
        return list(rankings.values())

    def modified_at(self):
        """When readers last saw a change: the publication, or a later correction."""
        return max(self.published_at, self.updated_at)


class ArchiveYearQuerySet(models.QuerySet):
    def recount(self):
        """Count again, from the releases, every year's published ones per language."""
        published = PressRelease.objects.filter(status=PressRelease.Status.PUBLISHED)
        per_language = {}
        for code in LANGUAGE_CODES:
            in_language = Q(**{f"is_publishable_{code}": True})
            per_language[code] = models.Count("pk", filter=in_language)
            per_language[f"{code}_latest"] = models.Max("published_at", filter=in_language)
        rows = published.order_by().values("published_year").annotate(**per_language)
        ArchiveYear.objects.all().delete()
        ArchiveYear.objects.bulk_create(
            ArchiveYear(
                language=code,
                year=row["published_year"],
                releases=row[code],
                latest_publication=row[f"{code}_latest"],
            )
            for row in rows
            for code in LANGUAGE_CODES
            if row[code]
        )

    def public_counts(self, language=None):
        """{year: public releases in `language`}, newest year first, empty years left out.

        What `PressRelease.objects.public(language)` holds, per year, read from a few
        rows: minus the releases whose publication time is still to come.
        """
        language = language or translation.get_language()
        now = timezone.now()
        rows = self.filter(language=language).values_list("year", "releases", "latest_publication")
        counts = {year: releases for year, releases, _latest in rows}
        if any(latest > now for _year, _releases, latest in rows):
            scheduled = PressRelease.objects.filter(
                status=PressRelease.Status.PUBLISHED,
                published_at__gt=now,
                **{f"is_publishable_{language}": True},
            ).values_list("published_year", flat=True)
            for year in scheduled:
                counts[year] = counts.get(year, 0) - 1
        return {year: counts[year] for year in sorted(counts, reverse=True) if counts[year] > 0}


class ArchiveYear(models.Model):
    """How many releases are published in one language in one year, scheduled ones
    included: the archive's years and the news list's page count without reading every
    release. Counted again whenever releases change (`refresh_derived_fields`)."""

    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    year = models.PositiveSmallIntegerField()
    releases = models.PositiveIntegerField()
    # When the last of them goes live: until then, some are scheduled, not yet public.
    latest_publication = models.DateTimeField()

    objects = ArchiveYearQuerySet.as_manager()

    class Meta:
        ordering = ["language", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["language", "year"], name="unique_archive_year")
        ]

    def __str__(self):
        return f"{self.year} ({self.language}): {self.releases}"


class ReleaseContact(models.Model):
    release = models.ForeignKey(
        PressRelease,
        on_delete=models.CASCADE,
        related_name="release_contacts",
        verbose_name=_("press release"),
    )
    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, verbose_name=_("press contact"))
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("press contact of the release")
        verbose_name_plural = _("press contacts of the release")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["release", "contact"], name="unique_release_contact")
        ]

    def __str__(self):
        return str(self.contact)


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


class EmbargoLink(models.Model):
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

    objects = EmbargoLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("journalist link")
        verbose_name_plural = _("journalist links (early reading under embargo)")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.journalist} ({self.outlet})" if self.outlet else self.journalist

    def save(self, *args, **kwargs):
        if self.revoked and self.revoked_at is None:
            self.revoked_at = timezone.now()
        elif not self.revoked:
            self.revoked_at = None
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("preview-embargo", kwargs={"token": self.token})

    def record_opening(self):
        EmbargoLink.objects.filter(pk=self.pk).update(
            last_opened_at=timezone.now(), times_opened=models.F("times_opened") + 1
        )


# What one request reads once: filled while a request runs (see NewsroomConfig.ready).
request_memo = Local()


def start_request_memo(**kwargs):
    request_memo.active, request_memo.institution = True, None


def end_request_memo(**kwargs):
    request_memo.active, request_memo.institution = False, None


class Institution(CleanTextMixin, models.Model):
    """The publishing institution: one row, edited in the admin, used by every page."""

    SINGLETON_ID = 1
    CACHE_KEY = "newsroom:institution"

    id = models.PositiveSmallIntegerField(primary_key=True, default=SINGLETON_ID, editable=False)
    name = models.CharField(_("name"), max_length=200)
    logo = SafeImageField(
        _("logo"),
        upload_to="institution/",
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    address = models.TextField(_("postal address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    about = RichTextField(
        _("about the institution"),
        blank=True,
        help_text=_("The boilerplate paragraph printed at the end of every release."),
    )
    social_profiles = models.TextField(
        _("social media profiles"),
        blank=True,
        help_text=_("One address per line, e.g. https://www.linkedin.com/school/…"),
    )
    default_share_image = SafeImageField(
        _("default share image"),
        upload_to="institution/",
        blank=True,
        width_field="share_image_width",
        height_field="share_image_height",
        help_text=_("Shown by social networks for pages without an image of their own."),
    )
    share_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    share_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institution")
        constraints = [models.CheckConstraint(condition=Q(id=1), name="institution_is_a_singleton")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.id = self.SINGLETON_ID
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)
        request_memo.institution = None

    @classmethod
    def load(cls):
        """The institution, from the cache; created from settings on first use.

        Within a request it is read once (pages, feeds and metadata all ask for it).
        """
        institution = getattr(request_memo, "institution", None)
        if institution is None:
            institution = cache.get(cls.CACHE_KEY)
            if institution is None:
                institution, _created = cls.objects.get_or_create(
                    id=cls.SINGLETON_ID, defaults={"name": settings.NEWSROOM_INSTITUTION_NAME}
                )
                cache.set(cls.CACHE_KEY, institution, timeout=None)
            if getattr(request_memo, "active", False):
                request_memo.institution = institution
        return institution

    def profile_urls(self):
        return [line.strip() for line in self.social_profiles.splitlines() if line.strip()]
