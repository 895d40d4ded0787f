import re
import uuid
from datetime import datetime
from functools import lru_cache, reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Case, Prefetch, Q, Value, When
from django.db.models.functions import Coalesce
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import get_text_list, slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.languages import LANGUAGE_CODES, filled, localized, per_language
from core.models import Versioned
from core.page_cache import content_changed
from core.richtext import CleanTextMixin, RichTextField
from core.translation_status import (
    TranslationTracked,
    TranslationTrackedQuerySet,
    translation_needed,
)
from rankings.models import Award

from .. import search as fulltext
from .assets import ReleaseAsset
from .contacts import Contact

# A language in a sentence, as each language writes it ("en français", "in French").
IN_LANGUAGE = {"fr": _("in French"), "en": _("in English")}
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


# The columns the database computes for the publication gate.
GATE_COLUMNS = [*per_language("is_complete"), *per_language("is_publishable")]
# Columns no public page reads, left in the database when pages load releases.
NOT_ON_PAGES = [
    *per_language("search_text"),
    *per_language("search_vector"),
    *per_language("text_changed"),
    "needs_translation",
]
# What tells a picture shown (or enclosed in a feed) and its version; with its size,
# which Django's ImageField reads as it loads the picture.
PICTURE_KEY = ["version", "picture", "width", "height", "available_until"]
# All a release card reads (every language: a translated field looks at the others).
ON_CARDS = [
    "version",
    "published_at",
    "hero",
    *(f"hero__{column}" for column in
      ("version", "picture", "width", "height", "available_until", *per_language("alt_text"))),
    *(column for field in ("title", "slug", "standfirst") for column in per_language(field)),
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


def search_vectors():
    """PostgreSQL's weighted search vectors, computed from the row's text columns."""
    return {f"search_vector_{code}": fulltext.search_vector(code) for code in LANGUAGE_CODES}


def computed_flag(condition):
    """A boolean column the database computes from the row's other columns."""
    return models.GeneratedField(
        expression=Case(When(condition, then=Value(True)), default=Value(False)),
        output_field=models.BooleanField(),
        db_persist=True,
    )


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


def public_in(*languages):
    """Q for releases public in one of `languages` (see PressReleaseQuerySet.public).

    A condition on the row alone: a query asking "is some release of this award public?"
    checks each linked release in turn rather than listing every public release first.
    """
    return going_public_in(*languages) & Q(published_at__lte=timezone.now())


def going_public_in(*languages):
    """Q for releases public in one of `languages` once their publication time comes
    (an embargo's end): published, and publishable in one of them."""
    publishable_in = reduce(or_, (Q(**{f"is_publishable_{code}": True}) for code in languages))
    return Q(status=PressRelease.Status.PUBLISHED) & publishable_in


class PressReleaseQuerySet(TranslationTrackedQuerySet):
    def public(self, language=None):
        """Releases a visitor may read in `language` (default: the active language).

        The single rule of visibility: published, publication time passed (an
        embargo holds it back to the embargo's end), and that language may go
        public: complete, marked ready, and — for a release that waits for every
        language — all of them ready (`is_publishable_<lang>`, a column the database
        computes from the row, so that one partial index per language answers it).
        """
        return self.filter(public_in(language or translation.get_language()))

    def public_in_any_language(self):
        """Releases public in at least one language (each language per `public`)."""
        return self.filter(public_in(*LANGUAGE_CODES))

    def search(self, query, language=None):
        """Releases matching `query` in `language`, best first (see newsroom.search)."""
        return fulltext.search(self, query, language or translation.get_language())

    def refresh_derived_fields(self):
        """Write again what save() derives, for rows saved without it (a restored
        revision, a fixture, a bulk insert): the search columns. The publication gate's
        flags need nothing: the database computes them. Archive counts are the caller's
        (`ArchiveYear.objects.recount`)."""
        text_columns = [f"{field}_{code}" for field in ("title", "standfirst", "body")
                        for code in LANGUAGE_CODES]  # fmt: skip
        for release in self.only("pk", *text_columns):
            PressRelease.objects.filter(pk=release.pk).update(**release.searchable_texts())
        if fulltext.uses_postgres():
            self.update(**search_vectors())

    def publication_years(self):
        """The years holding releases, newest first: one probe of the publication index
        per year, however many releases a year holds (DISTINCT would read them all)."""
        years = []
        latest = self.aggregate(latest=models.Max("published_at"))["latest"]
        while latest is not None:
            years.append(timezone.localtime(latest).year)
            start_of_year = timezone.make_aware(datetime(years[-1], 1, 1))
            earlier = self.filter(published_at__lt=start_of_year)
            latest = earlier.aggregate(latest=models.Max("published_at"))["latest"]
        return years

    def next_scheduled_publication(self):
        """When the next published release goes live by the clock, or None (core.page_cache)."""
        scheduled = self.filter(
            status=PressRelease.Status.PUBLISHED, published_at__gt=timezone.now()
        )
        return scheduled.aggregate(next=models.Min("published_at"))["next"]

    def awaiting_review(self):
        """Releases sent for review, the longest waiting first."""
        return self.filter(status=PressRelease.Status.IN_REVIEW).order_by("updated_at", "pk")

    def coming_up(self):
        """Published releases whose moment has not come yet (scheduled, or under
        embargo), soonest first, each with its journalist links and their openings."""
        links = "embargo_links"
        return (
            self.filter(status=PressRelease.Status.PUBLISHED, published_at__gt=timezone.now())
            .annotate(
                journalist_links=models.Count(links),
                link_openings=Coalesce(models.Sum(f"{links}__times_opened"), 0),
            )
            .order_by("published_at", "pk")
        )

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
        return self.select_related("hero").only(*ON_CARDS).with_awards()

    def for_feeds(self):
        """Feed items: the whole release in text (search copies left out), with awards
        and the pictures of their press kits (`kit_pictures`: an enclosure without a
        hero image)."""
        releases = self.select_related("hero").defer(*NOT_ON_PAGES)
        return releases.with_awards().prefetch_related(kit_pictures())

    def for_feed_keys(self):
        """What tells whether a feed item kept is still right (newsroom.feeds): the
        versions of all it shows, as `for_feeds` reads them, and none of its text."""
        releases = self.select_related("hero").only(
            "version", "hero", *(f"hero__{column}" for column in PICTURE_KEY)
        )
        return releases.with_awards().prefetch_related(kit_pictures(*PICTURE_KEY))

    def for_links(self):
        """Links to releases (search results, rankings' awards): a card's texts, no badges."""
        return self.select_related("hero").only(*ON_CARDS)

    def for_detail(self):
        """One release's page: its awards and contacts come with it (`shown_awards`,
        `listed_contacts`, a query each while the awards are kept), cheaper for one
        release than a prefetch."""
        return self.select_related("hero").defer(*NOT_ON_PAGES)


def kit_pictures(*columns):
    """Each release's usable press-kit pictures as `kit_pictures`, with only `columns`
    of them if named."""
    pictures = ReleaseAsset.objects.usable_pictures()
    if columns:
        pictures = pictures.only("release", *(f"asset__{column}" for column in columns))
    return Prefetch("release_assets", queryset=pictures, to_attr="kit_pictures")


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


class PressRelease(CleanTextMixin, TranslationTracked, Versioned, models.Model):
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
            " moves to the end of the embargo if it is earlier. To lift the embargo early,"
            " clear this field and save: a published release goes live at once."
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
    send_alert = models.BooleanField(
        _("send an email alert"),
        default=True,
        help_text=_(
            "Subscribers get an email when the release goes public in their language, once."
            " Uncheck for a correction or a minor item."
        ),
    )
    hero = models.ForeignKey(
        "newsroom.MediaAsset",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="hero_of",
        limit_choices_to={"kind": "picture"},
        verbose_name=_("hero image"),
        help_text=_(
            "A picture of the media library, shown above the text and on the release's"
            " card; + adds a new one."
        ),
    )
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
    # The publication gate, per language, computed by the database from the row.
    is_complete_fr = computed_flag(complete("fr"))
    is_complete_en = computed_flag(complete("en"))
    is_publishable_fr = computed_flag(publishable("fr"))
    is_publishable_en = computed_flag(publishable("en"))
    # For the translation board: its count and newest rows from a small partial index.
    needs_translation = computed_flag(translation_needed(translation_required_fields))
    # Derived by save() (see derive_columns): the publication year in the institution's
    # time zone, for the archive by year, and the site search's columns (newsroom.search).
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
        ] + [
            models.Index(
                fields=["-id"],
                condition=Q(needs_translation=True),
                name="release_needs_translation_idx",
            ),
            # The sitemap index's newest correction, read from its first entry.
            models.Index(fields=["-updated_at"], name="release_updated_idx"),
            # The admin's desk: releases in review, the longest waiting first.
            models.Index(
                fields=["updated_at"], condition=Q(status="review"), name="release_in_review_idx"
            ),
        ]

    def __str__(self):
        titles = (getattr(self, localized("title", code)) for code in LANGUAGE_CODES)
        return self.title or next(filter(None, titles), gettext("(untitled release)"))

    def save(self, *args, **kwargs):
        self.store_missing_slugs_as_null()
        self.lift_cleared_embargo()
        self.hold_until_embargo_ends()
        years = {self.stored_year(), timezone.localtime(self.published_at).year}
        self.published_year = timezone.localtime(self.published_at).year
        super().save(*args, **kwargs)
        # From the text as saved (sanitised), in the same transaction.
        PressRelease.objects.filter(pk=self.pk).update(
            **self.searchable_texts(), **(search_vectors() if fulltext.uses_postgres() else {})
        )
        self.refresh_from_db(fields=GATE_COLUMNS)
        from .archive import ArchiveYear  # counts derived from releases: imports them

        ArchiveYear.objects.using(self._state.db).recount(years)
        from .awards import refresh_visibility  # the awards' rule reads releases

        refresh_visibility(self.awards.values_list("pk", flat=True), using=self._state.db)
        self.saved_status, self.saved_year = self.status, self.published_year
        self.saved_embargo_until = self.embargo_until
        # Again now that every derived column is written (post_save came before them).
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
        instance.saved_year = instance.__dict__.get("published_year")
        instance.saved_embargo_until = instance.__dict__.get("embargo_until")
        return instance

    def stored_year(self):
        """The publication year as saved (None for a new release): a save that moves
        the release to another year changes that year's count too."""
        if self._state.adding:
            return None
        if getattr(self, "saved_year", None) is None:
            self.saved_year = (
                PressRelease.objects.using(self._state.db)
                .filter(pk=self.pk)
                .values_list("published_year", flat=True)
                .first()
            )
        return self.saved_year

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

    def lift_cleared_embargo(self):
        """An embargo cleared before its end is lifted now: the publication date it had
        moved to its end comes back to now (a date the editor chose stays)."""
        held_until = getattr(self, "saved_embargo_until", None)
        if (
            held_until is not None
            and self.embargo_until is None
            # To the second: the admin's form shows no fraction of a second.
            and self.published_at.replace(microsecond=0) == held_until.replace(microsecond=0)
            and held_until > timezone.now()
        ):
            self.published_at = timezone.now()

    def hold_until_embargo_ends(self):
        """An embargoed release is published when the embargo ends, not before."""
        if self.embargo_until and self.published_at < self.embargo_until:
            self.published_at = self.embargo_until

    def store_missing_slugs_as_null(self):
        """NULL, not "", for a missing slug: the per-language unique constraints skip NULLs."""
        for code in LANGUAGE_CODES:
            if not getattr(self, localized("slug", code)):
                setattr(self, localized("slug", code), None)

    def searchable_texts(self):
        """{search_text_<lang>: the text the SQLite search looks in} (newsroom.search)."""
        return {f"search_text_{code}": fulltext.searchable_text(self, code)
                for code in LANGUAGE_CODES}  # fmt: skip

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
        live = [IN_LANGUAGE[code] for code in LANGUAGE_CODES if self.is_public_in(code)]
        if self.status != self.Status.PUBLISHED:
            return self.get_status_display()
        if live:
            # "En ligne en français et en anglais", "Live in French and English".
            return gettext("Live %(languages)s.") % {
                "languages": get_text_list([str(words) for words in live], gettext("and"))
            }
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

    def texts_in(self, language):
        """The title, standfirst and picture description `language`'s own columns hold:
        no fallback between languages, read without modeltranslation's descriptors
        (a list shows a dozen cards)."""
        texts = {field: getattr(self, f"{field}_{language}") or ""
                 for field in ("title", "standfirst")}  # fmt: skip
        hero = self.hero_picture
        texts["hero_alt"] = (getattr(hero, f"alt_text_{language}") or "") if hero else ""
        return texts

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

    @property
    def hero_picture(self):
        """The hero image's asset while its licence and consent hold, else None."""
        hero = self.hero if self.hero_id else None
        return hero if hero is not None and hero.is_available() else None

    def shared_picture(self):
        """The picture that stands for the release (feeds, social networks): its hero
        image, else its press kit's first picture."""
        pictures = self.press_kit_pictures()
        return self.hero_picture or (pictures[0] if pictures else None)

    @cached_property
    def press_kit(self):
        """The release's usable assets numbered from 1: its hero image (which
        journalists want in print size too), then its kit in the editor's order."""
        assets = [link.asset for link in self.release_assets.usable().select_related("asset")]
        hero = self.hero_picture
        if hero is not None and hero.pk not in {asset.pk for asset in assets}:
            assets.insert(0, hero)
        return list(enumerate(assets, start=1))

    def press_kit_pictures(self):
        return [asset for _position, asset in self.press_kit if asset.is_picture()]

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
