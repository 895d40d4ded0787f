import datetime
import re
from uuid import uuid4

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, Min, OuterRef, Q
from django.utils import timezone, translation
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from core.images import SafeImageField
from core.languages import LANGUAGE_CODES
from core.models import Versioned
from core.richtext import CleanTextMixin, RichTextField
from core.translation_status import TranslationTracked, TranslationTrackedQuerySet

from .labels import AwardLabel

FIRST_EDITION_YEAR = 1980  # older results are typing mistakes, not rankings

# The `public_from` of what the public may see at any time: a ranking with no result yet,
# a result nothing announces and with no date of its own.
ALWAYS = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def latest_edition_year():
    return timezone.localdate().year + 1


WORDS = re.compile(r"[^\W\d_]+|\d+")  # runs of letters, or of digits


class Ranking(CleanTextMixin, TranslationTracked, Versioned, models.Model):
    translation_required_fields = ("name", "description")

    name = models.CharField(
        _("name"), max_length=200, help_text=_("As the publisher writes it, e.g. U-Multirank.")
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    publisher = models.CharField(
        _("publisher"),
        max_length=250,
        blank=True,
        help_text=_("Who publishes it, e.g. the European Commission (Erasmus+ programme)."),
    )
    website = models.URLField(_("website"), blank=True)
    methodology_url = models.URLField(
        _("methodology page"),
        blank=True,
        help_text=_("Every badge of this ranking links here, as ranking publishers ask."),
    )
    logo = SafeImageField(_("logo"), upload_to="rankings/logos/", blank=True)
    description = RichTextField(
        _("about this ranking"),
        blank=True,
        help_text=_("Shown once under every release that announces one of its results."),
    )
    # Derived: from when the public may see this ranking (its first visible result),
    # None while none may be seen. Kept with its awards' (Award.public_from).
    public_from = models.DateTimeField(default=ALWAYS, null=True, editable=False)

    objects = TranslationTrackedQuerySet.as_manager()

    class Meta:
        verbose_name = _("ranking")
        verbose_name_plural = _("rankings")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def initials(self):
        """'U-Multirank' → 'UM', 'THE Impact Rankings' → 'TIR': a compact badge's mark
        when the ranking has no logo."""
        return "".join(word[0] for word in WORDS.findall(self.name))[:3].upper()

    def badge_link(self):
        """Where a badge of this ranking points: its methodology, else its website."""
        return self.methodology_url or self.website


class AwardQuerySet(TranslationTrackedQuerySet):
    def current(self, today=None):
        """Results still worth showing as current: within their window, not superseded."""
        today = today or timezone.localdate()
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=today),
            Q(valid_until__isnull=True) | Q(valid_until__gte=today),
            superseded=False,
        )

    def ending_within(self, days, today=None):
        """Current results whose window closes within `days` days, soonest first."""
        today = today or timezone.localdate()
        ends = (today, today + datetime.timedelta(days=days))
        return self.filter(valid_until__range=ends, superseded=False).order_by("valid_until", "pk")

    def with_ranking(self):
        return self.select_related("ranking")

    def next_window_change(self):
        """The next moment an award's validity window opens or closes, or None: badges
        change then without anyone saving anything (core.page_cache)."""
        today = timezone.localdate()
        windows = self.aggregate(
            starts=Min("valid_from", filter=Q(valid_from__gt=today)),
            ends=Min("valid_until", filter=Q(valid_until__gte=today)),
        )
        days = [windows["starts"], windows["ends"] and windows["ends"] + datetime.timedelta(days=1)]
        return min(
            (timezone.make_aware(datetime.datetime.combine(day, datetime.time()))
             for day in days if day),
            default=None,
        )  # fmt: skip

    def mark_superseded(self):
        """Store again, for every award, whether a newer edition gives the same kind of
        result (see `newer_editions`): one statement over a small table, after any award
        is saved or deleted, so that reading it is a plain column."""
        newer = Exists(newer_editions())
        awards = Award.objects.using(self.db)
        awards.filter(superseded=False).filter(newer).update(superseded=True, version=uuid4())
        awards.filter(superseded=True).exclude(newer).update(superseded=False, version=uuid4())

    def for_badges(self, versions):
        """{id: award, with its ranking} for badges and labels, from `versions`
        ({award id: (award version, ranking version)}, read with the links).

        An award this process read before, whose row and ranking still have the
        versions it was read with, is reused; the others are read in one query. A
        list of cards then reads no award at all while the awards stay as they are.
        """
        database = self.db
        awards, missing = {}, []
        for award_id, version in versions.items():
            kept = KEPT_FOR_BADGES.get((database, award_id))
            if kept is not None and kept[0] == version:
                awards[award_id] = kept[1]
            else:
                missing.append(award_id)
        if missing:
            for award in self.with_ranking().defer(*NOT_ON_BADGES).filter(pk__in=missing):
                version = (award.version, award.ranking.version)
                KEPT_FOR_BADGES[(database, award.pk)] = (version, award)
                awards[award.pk] = award
        return awards


# What a badge or a label never reads.
NOT_ON_BADGES = [
    *(f"text_changed_{code}" for code in LANGUAGE_CODES),
    *(f"ranking__text_changed_{code}" for code in LANGUAGE_CODES),
]
# {(database, award id): ((award version, ranking version), award)}: see for_badges.
KEPT_FOR_BADGES = {}


class Award(CleanTextMixin, TranslationTracked, Versioned, models.Model):
    translation_required_fields = ("category", "label")

    class Scope(models.TextChoices):
        WORLD = "world", _("World")
        EUROPE = "europe", _("Europe")
        NATIONAL = "national", _("National")
        REGIONAL = "regional", _("Regional")

    class ResultKind(models.TextChoices):
        RANK = "rank", _("Rank (1st, 2nd…)")
        BAND = "band", _("Band (top 400, 401–600…)")
        GRADE = "grade", _("Grade (A “very good” to E)")

    class Grade(models.TextChoices):
        A = "A", pgettext_lazy("grade", "very good")
        B = "B", pgettext_lazy("grade", "good")
        C = "C", pgettext_lazy("grade", "average")
        D = "D", pgettext_lazy("grade", "below average")
        E = "E", pgettext_lazy("grade", "weak")

    ranking = models.ForeignKey(
        Ranking, on_delete=models.PROTECT, related_name="awards", verbose_name=_("ranking")
    )
    year = models.PositiveSmallIntegerField(
        _("edition"),
        validators=[
            MinValueValidator(FIRST_EDITION_YEAR),
            MaxValueValidator(limit_value=latest_edition_year),
        ],
        help_text=_("The year of the ranking's edition, e.g. 2021."),
    )
    category = models.CharField(
        _("category"),
        max_length=200,
        blank=True,
        help_text=_("The dimension or subject, e.g. Teaching and learning. Blank for overall."),
    )
    scope = models.CharField(_("scope"), max_length=20, choices=Scope.choices)
    result_kind = models.CharField(_("kind of result"), max_length=10, choices=ResultKind.choices)
    rank = models.PositiveIntegerField(
        _("rank"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    is_tied = models.BooleanField(_("tied (ex aequo)"), default=False)
    band_from = models.PositiveIntegerField(
        _("band from"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Leave blank for a “top N” band."),
    )
    band_to = models.PositiveIntegerField(
        _("band to"), null=True, blank=True, validators=[MinValueValidator(1)]
    )
    grade = models.CharField(_("grade"), max_length=1, choices=Grade.choices, blank=True)
    count = models.PositiveSmallIntegerField(
        _("count"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("How many times the grade was obtained, e.g. 10 top grades."),
    )
    label = models.CharField(
        _("label"),
        max_length=250,
        blank=True,
        help_text=_("Leave blank to have it written from the result, the category and the year."),
    )
    badge_image = SafeImageField(
        _("badge image"),
        upload_to="rankings/badges/",
        blank=True,
        help_text=_("The publisher's official badge, if any; otherwise one is drawn."),
    )
    source_url = models.URLField(_("source"), blank=True, help_text=_("The published result."))
    valid_from = models.DateField(_("current from"), null=True, blank=True)
    valid_until = models.DateField(
        _("current until"),
        null=True,
        blank=True,
        help_text=_("After this date the badge moves to the archive. A newer edition also does."),
    )
    # Derived: from when the public may see this result, None while nothing says when.
    # Kept by the release app, which knows what announces it
    # (newsroom.models.awards.refresh_visibility).
    public_from = models.DateTimeField(null=True, editable=False)
    # Derived: a newer edition of the same result exists (AwardQuerySet.mark_superseded).
    superseded = models.BooleanField(
        _("superseded by a newer edition"), default=False, editable=False
    )

    objects = AwardQuerySet.as_manager()

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["-year", "ranking__name", "pk"]
        get_latest_by = "year"
        indexes = [models.Index(fields=["ranking", "-year"], name="award_ranking_year_idx")]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(result_kind="rank", rank__isnull=False)
                    | Q(result_kind="band", band_to__isnull=False)
                    | Q(result_kind="grade", grade__in=["A", "B", "C", "D", "E"])
                ),
                name="award_has_a_result_of_its_kind",
                violation_error_message=_("Enter the result that matches the kind of result."),
            ),
        ]

    def __str__(self):
        return self.display_label()

    def clean(self):
        """Exactly one result, of the chosen kind."""
        given = {
            self.ResultKind.RANK: self.rank is not None,
            self.ResultKind.BAND: self.band_to is not None or self.band_from is not None,
            self.ResultKind.GRADE: bool(self.grade),
        }
        errors = {}
        if self.result_kind in given and not given[self.result_kind]:
            field = {"rank": "rank", "band": "band_to", "grade": "grade"}[self.result_kind]
            errors[field] = gettext("Enter the result: this award is a %(kind)s.") % {
                "kind": self.ResultKind(self.result_kind).label.lower()
            }
        others = [kind for kind, filled in given.items() if filled and kind != self.result_kind]
        if others:
            errors["result_kind"] = gettext(
                "An award has one result: clear the fields of the other kinds (%(kinds)s)."
            ) % {"kinds": ", ".join(str(self.ResultKind(kind).label) for kind in others)}
        if self.result_kind == self.ResultKind.BAND and self.band_to is None and not errors:
            errors["band_to"] = gettext("A band needs its upper bound, e.g. 400 for top 400.")
        if self.band_from and self.band_to and self.band_from > self.band_to:
            errors["band_from"] = gettext("The band must start below its end.")
        if self.is_tied and self.result_kind != self.ResultKind.RANK:
            errors["is_tied"] = gettext("Only a rank can be tied.")
        if self.valid_from and self.valid_until and self.valid_from > self.valid_until:
            errors["valid_until"] = gettext("The end of the window comes before its start.")
        if errors:
            raise ValidationError(errors)

    def generated_label(self, language=None):
        """The label written from the result: 'Joint 1st in France · … · U-Multirank 2021'."""
        return self.written(language).full()

    def display_label(self, language=None):
        """The editor's label in that language, or the generated one."""
        language = language or translation.get_language()
        return getattr(self, f"label_{language}", "") or self.generated_label(language)

    def badge_parts(self, language=None):
        """What a drawn badge shows: headline, detail, category and edition."""
        return self.written(language).badge()

    def compact_parts(self, language=None):
        """What a compact badge shows on one line: the result in words and the edition,
        or the editor's own label, as written."""
        language = language or translation.get_language()
        label = getattr(self, f"label_{language}", "")
        if label:
            return {"result": label, "edition": ""}
        return self.written(language).compact()

    def written(self, language=None):
        """The award's label writer in `language`."""
        return AwardLabel(
            self, language or translation.get_language(), feminine=settings.RANKINGS_FRENCH_FEMININE
        )

    def is_current(self, today=None):
        """Within its validity window and not superseded by a newer edition."""
        today = today or timezone.localdate()
        if self.valid_from and self.valid_from > today:
            return False
        if self.valid_until and self.valid_until < today:
            return False
        return not self.superseded


def newer_editions():
    """Awards of a later edition than the outer query's award, for the same ranking,
    category, scope and kind of result."""
    return Award.objects.filter(
        ranking=OuterRef("ranking_id"),
        category_fr=OuterRef("category_fr"),
        scope=OuterRef("scope"),
        result_kind=OuterRef("result_kind"),
        year__gt=OuterRef("year"),
    )
