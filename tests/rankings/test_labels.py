"""Award labels are written correctly in French and English."""

import datetime

import pytest

from rankings.labels import ordinal
from rankings.models import Award
from tests.factories import AwardFactory, RankingFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("number", "expected"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
     (21, "21st"), (22, "22nd"), (23, "23rd"), (101, "101st"), (111, "111th"), (112, "112th")],
)  # fmt: skip
def test_english_ordinals(number, expected):
    """English ordinals: 1st, 2nd, 3rd, 11th, 21st…"""
    assert ordinal(number, "en") == expected


@pytest.mark.parametrize(
    ("number", "feminine", "expected"),
    [(1, True, "1re"), (1, False, "1er"), (2, True, "2e"), (3, False, "3e"), (21, True, "21e")],
)
def test_french_ordinals(number, feminine, expected):
    """French ordinals: 1re or 1er by gender, then 2e, 3e…"""
    assert ordinal(number, "fr", feminine=feminine) == expected


def u_multirank_2021():
    return RankingFactory(name_fr="U-Multirank", name_en="U-Multirank")


def test_tied_national_rank_label():
    """The reference result reads as in the press release, in both languages."""
    award = AwardFactory(ranking=u_multirank_2021())
    assert award.generated_label("fr") == (
        "1re en France ex aequo · Enseignement et apprentissage · U-Multirank 2021"
    )
    assert award.generated_label("en") == (
        "Joint 1st in France · Teaching and learning · U-Multirank 2021"
    )


def test_masculine_institution_gets_1er(settings):
    """An institution of masculine gender is « 1er »."""
    settings.RANKINGS_FRENCH_FEMININE = False
    award = AwardFactory(is_tied=False, category_fr="", category_en="")
    assert award.generated_label("fr").startswith("1er en France · ")


@pytest.mark.parametrize(
    ("scope", "french", "english"),
    [
        (Award.Scope.WORLD, "3e au niveau mondial", "3rd worldwide"),
        (Award.Scope.EUROPE, "3e en Europe", "3rd in Europe"),
        (Award.Scope.NATIONAL, "3e en France", "3rd in France"),
        (Award.Scope.REGIONAL, "3e au niveau régional", "3rd in the region"),
    ],
)
def test_scopes(scope, french, english):
    """Every scope has its phrase in both languages."""
    award = AwardFactory(rank=3, is_tied=False, scope=scope, category_fr="", category_en="")
    assert award.generated_label("fr").startswith(french + " · ")
    assert award.generated_label("en").startswith(english + " · ")


def test_top_band_label():
    """A 'top N' band: Top 400 worldwide · THE Impact Rankings 2021."""
    ranking = RankingFactory(name_fr="THE Impact Rankings", name_en="THE Impact Rankings")
    award = AwardFactory(
        ranking=ranking, result_kind="band", rank=None, is_tied=False, band_to=400,
        scope="world", category_fr="", category_en="",
    )  # fmt: skip
    assert award.generated_label("en") == "Top 400 worldwide · THE Impact Rankings 2021"
    assert award.generated_label("fr") == "Top 400 au niveau mondial · THE Impact Rankings 2021"


def test_range_band_label():
    """A band with two bounds reads 401–600."""
    award = AwardFactory(
        result_kind="band", rank=None, is_tied=False, band_from=401, band_to=600, scope="world"
    )
    assert award.generated_label("en").startswith("401–600 worldwide · ")


def test_grade_count_label():
    """U-Multirank grades: 10 notes « très bien » · U-Multirank 2021."""
    award = AwardFactory(
        ranking=u_multirank_2021(), result_kind="grade", rank=None, is_tied=False,
        grade="A", count=10, scope="world", category_fr="", category_en="",
    )  # fmt: skip
    assert award.generated_label("fr") == "10 notes «\u202ftrès bien\u202f» · U-Multirank 2021"
    assert award.generated_label("en") == "10 “very good” grades · U-Multirank 2021"


def test_single_grade_is_singular():
    """One top grade is « 1 note », not « 1 notes »."""
    award = AwardFactory(result_kind="grade", rank=None, is_tied=False, grade="A", count=1)
    assert award.generated_label("fr").startswith("1 note «\u202ftrès bien\u202f» · ")
    assert award.generated_label("en").startswith("1 “very good” grade · ")


def test_grade_without_count():
    """A grade alone: Note « bien »."""
    award = AwardFactory(result_kind="grade", rank=None, is_tied=False, grade="B")
    assert award.generated_label("fr").startswith("Note «\u202fbien\u202f» · ")
    assert award.generated_label("en").startswith("“good” grade · ")


def test_editor_label_wins_over_generated_one():
    """A label typed by the editor replaces the generated one, per language."""
    award = AwardFactory(label_fr="Meilleure école", label_en="")
    assert award.display_label("fr") == "Meilleure école"
    assert award.display_label("en").startswith("Joint 1st in France")


def test_validity_window():
    """A result is current inside its window, archived before and after it."""
    award = AwardFactory(
        valid_from=datetime.date(2021, 9, 1), valid_until=datetime.date(2022, 8, 31)
    )
    assert award.is_current(datetime.date(2022, 1, 1))
    assert not award.is_current(datetime.date(2021, 8, 1))
    assert not award.is_current(datetime.date(2022, 9, 1))
    assert list(Award.objects.current(datetime.date(2022, 1, 1))) == [award]
    assert not Award.objects.current(datetime.date(2022, 9, 1)).exists()


def test_newer_edition_supersedes():
    """A newer edition of the same result moves the older badge to the archive."""
    ranking = RankingFactory()
    older = AwardFactory(ranking=ranking, year=2021)
    newer = AwardFactory(ranking=ranking, year=2022)
    other_category = AwardFactory(ranking=ranking, year=2021, category_fr="Recherche")
    older.refresh_from_db()
    assert not older.is_current()
    assert newer.is_current()
    assert set(Award.objects.current()) == {newer, other_category}


def test_a_drawn_badge_never_breaks_inside_a_grade_or_a_range():
    """'notes « très bien »' and '301–400' hold together on a drawn badge."""
    grade = AwardFactory(result_kind="grade", grade="A", count=3, rank=None, is_tied=False)
    band = AwardFactory(result_kind="band", band_from=301, band_to=400, rank=None,
                        is_tied=False, scope="world")  # fmt: skip
    assert grade.badge_parts("fr")["detail"] == "notes «\u202ftrès\u00a0bien\u202f»"
    assert band.badge_parts("en")["headline"] == "301–\u2060400"


def test_a_drawn_badge_never_breaks_inside_ex_aequo():
    tied = AwardFactory(result_kind="rank", rank=1, is_tied=True, scope="national")
    assert tied.badge_parts("fr")["detail"] == "en France, ex\u00a0aequo"
