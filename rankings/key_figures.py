"""Key figures: a release's awards as a few lines of text, grouped by ranking edition.

"U-Multirank 2021 — 10 “very good” grades: 4 teaching and learning, 3 knowledge
transfer…": a grade obtained overall comes with its breakdown by category on one line,
instead of one badge per category. An editor's own label is kept as written.
"""

from typing import NamedTuple

from django.utils import translation
from django.utils.translation import gettext

from .labels import unbreakable

# Rows shown before the rest folds away (an edition's title is a row, and each of its
# lines), so that the box stays within a phone's screen whatever the number of awards.
SHOWN_ROWS = 7


def lowercase_first(text):
    """'Teaching and learning' → 'teaching and learning'; an acronym stays ('SDG 7')."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


class Edition(NamedTuple):
    ranking: object  # rankings.models.Ranking
    title: str  # "U-Multirank 2021"
    lines: list


def grade_lines(awards, written):
    """Grade results of one edition: each grade obtained overall, with its breakdown by
    category when there is one; otherwise a line per category."""
    lines = []
    by_grade = {}
    for award in awards:
        by_grade.setdefault(award.grade, []).append(award)
    for same_grade in by_grade.values():
        overall = next((award for award in same_grade if not award.category), None)
        parts = [award for award in same_grade if award.category]
        if overall and overall.count and all(award.count for award in parts):
            line = written(overall).result()
            if parts:
                breakdown = ", ".join(
                    f"{award.count} {lowercase_first(award.category)}" for award in parts
                )
                line = gettext("%(total)s: %(breakdown)s") % {"total": line, "breakdown": breakdown}
            lines.append(line)
        else:
            lines.extend(result_line(award, written) for award in same_grade)
    return lines


def result_line(award, written):
    """'Joint 1st in France — Teaching and learning', 'Top 400 worldwide'."""
    result = written(award).result()
    if not award.category:
        return result
    return gettext("%(result)s — %(category)s") % {"result": result, "category": award.category}


def key_figures(awards, language=None):
    """The awards (newest edition first, as a release shows them) as editions with their
    lines: (shown, folded), the second holding what goes past SHOWN_ROWS."""
    language = language or translation.get_language()
    groups = {}
    for award in awards:
        groups.setdefault((award.ranking_id, award.year), []).append(award)
    editions = []
    with translation.override(language):

        def written(award):
            return award.written(language)

        for same_edition in groups.values():
            # An editor's own label is kept as written, on a line of its own.
            custom = [award for award in same_edition if getattr(award, f"label_{language}")]
            grades = [award for award in same_edition
                      if award.result_kind == "grade" and award not in custom]  # fmt: skip
            lines = [
                award.display_label(language) if award in custom else result_line(award, written)
                for award in same_edition
                if award not in grades
            ]
            lines += grade_lines(grades, written)
            first = same_edition[0]
            editions.append(
                Edition(
                    first.ranking, written(first).edition(), [unbreakable(line) for line in lines]
                )
            )
    return fold(editions)


def fold(editions):
    """(shown, folded): the first SHOWN_ROWS rows, then the rest, each by edition."""
    shown, folded, budget = [], [], SHOWN_ROWS
    for edition in editions:
        room = max(budget - 1, 0)  # the edition's title takes a row
        head, tail = edition.lines[:room], edition.lines[room:]
        if head:
            budget -= len(head) + 1
        if head:
            shown.append(edition._replace(lines=head))
        if tail:
            folded.append(edition._replace(lines=tail))
    return shown, folded
