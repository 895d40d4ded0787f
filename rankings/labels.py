"""Award labels in the active language: ordinals, scopes, bands and grades.

Ordinals follow each language's own rule (French 1er/1re, 2e; English 1st, 2nd,
11th, 21st); everything else is a translated sentence with placeholders.
"""

import re

from django.utils import translation
from django.utils.translation import get_language, gettext, ngettext, npgettext, pgettext

SEPARATOR = " · "

QUOTED = re.compile(r"«[^»]*»|“[^”]*”")
RANGE = re.compile(r"(\d)[–-](\d)")
NUMBER_AND_WORD = re.compile(r"\b(\d+|Top) (?=\w)")
EX_AEQUO = re.compile(r"\bex aequo\b")


def unbreakable(text):
    """No line break inside a quoted grade ("« très bien »"), a range ("301–400"),
    "ex aequo", or between a number and what it counts ("Top 400", "4 recherche")."""
    text = QUOTED.sub(lambda quoted: quoted[0].replace(" ", "\u00a0"), text)
    text = EX_AEQUO.sub("ex\u00a0aequo", text)
    text = NUMBER_AND_WORD.sub("\\1\u00a0", text)
    return RANGE.sub("\\1–\u2060\\2", text)


def ordinal(number, language=None, feminine=True):
    """1 → '1re' (or '1er') and 5 → '5e' in French; 1 → '1st', 12 → '12th' in English."""
    language = (language or get_language() or "en")[:2]
    if language == "fr":
        if number == 1:
            return "1re" if feminine else "1er"
        return f"{number}e"
    if 11 <= number % 100 <= 13:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def scope_phrase(scope):
    return {
        "world": gettext("worldwide"),
        "europe": gettext("in Europe"),
        "national": gettext("in France"),
        "regional": gettext("in the region"),
    }[scope]


class AwardLabel:
    """Writes an award's label and badge text in `language` (default: the active one)."""

    def __init__(self, award, language=None, feminine=True):
        self.award = award
        self.language = language or get_language()
        self.feminine = feminine

    def grade_name(self):
        return str(self.award.Grade(self.award.grade).label)

    def result(self):
        """'1re en France ex aequo', 'Top 400 worldwide', '10 notes « très bien »'."""
        award = self.award
        scope = scope_phrase(award.scope)
        if award.result_kind == "rank":
            number = ordinal(award.rank, feminine=self.feminine)
            if award.is_tied:
                return gettext("Joint %(ordinal)s %(scope)s") % {"ordinal": number, "scope": scope}
            return pgettext("rank", "%(ordinal)s %(scope)s") % {"ordinal": number, "scope": scope}
        if award.result_kind == "band":
            return f"{self.band()} {scope}"
        if award.count:
            return ngettext(
                "%(count)s “%(grade)s” grade", "%(count)s “%(grade)s” grades", award.count
            ) % {"count": award.count, "grade": self.grade_name()}
        return gettext("“%(grade)s” grade") % {"grade": self.grade_name()}

    def band(self):
        award = self.award
        if award.band_from and award.band_from > 1:
            return f"{award.band_from}–{award.band_to}"
        return gettext("Top %(number)s") % {"number": award.band_to}

    def edition(self):
        return pgettext("ranking edition", "%(ranking)s %(year)s") % {
            "ranking": self.award.ranking.name,
            "year": self.award.year,
        }

    def full(self):
        with translation.override(self.language):
            parts = [self.result(), self.award.category, self.edition()]
            return SEPARATOR.join(part for part in parts if part)

    def compact(self):
        """The result with its category ('1st in France, tied · Teaching and learning'),
        and the edition, for a badge of one line."""
        with translation.override(self.language):
            parts = [self.result(), self.award.category]
            return {
                "result": SEPARATOR.join(part for part in parts if part),
                "edition": self.edition(),
            }

    def badge(self):
        """Headline, detail, category and edition for a drawn badge."""
        with translation.override(self.language):
            return self.badge_in_language()

    def badge_in_language(self):
        award = self.award
        scope = scope_phrase(award.scope)
        if award.result_kind == "rank":
            headline = ordinal(award.rank, feminine=self.feminine)
            detail = gettext("%(scope)s, tied") % {"scope": scope} if award.is_tied else scope
        elif award.result_kind == "band":
            headline, detail = self.band(), scope
        else:
            headline = str(award.count) if award.count else award.grade
            detail = npgettext(
                "badge", "“%(grade)s” grade", "“%(grade)s” grades", award.count or 1
            ) % {"grade": self.grade_name()}
        return {
            "headline": unbreakable(headline),
            "detail": unbreakable(detail),
            "category": award.category,
            "edition": self.edition(),
        }
