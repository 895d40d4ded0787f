"""A release's awards as key figures: grouped by edition, a grade's breakdown on one
line, never split inside a grade, a range or a count, and folded past six lines."""

import pytest

from rankings.key_figures import SHOWN_ROWS, key_figures
from rankings.models import Award
from tests.factories import AwardFactory, PressReleaseFactory, RankingFactory

pytestmark = pytest.mark.django_db

GRADE = {"result_kind": Award.ResultKind.GRADE, "grade": "A", "is_tied": False, "rank": None}
CATEGORIES = [("Enseignement et apprentissage", "Teaching and learning", 4),
              ("Transfert technologique", "Knowledge transfer", 3),
              ("Recherche", "Research", 2),
              ("Ouverture internationale", "International orientation", 1)]  # fmt: skip


def reference_awards():
    """The reference release's results: U-Multirank 2021 and THE Impact Rankings 2021."""
    umultirank = RankingFactory(name_fr="U-Multirank", name_en="U-Multirank")
    impact = RankingFactory(name_fr="THE Impact Rankings", name_en="THE Impact Rankings")
    awards = [
        AwardFactory(ranking=umultirank),
        AwardFactory(ranking=umultirank, category_fr="", category_en="", count=10, **GRADE),
        *(AwardFactory(ranking=umultirank, category_fr=fr, category_en=en, count=count, **GRADE)
          for fr, en, count in CATEGORIES),
        AwardFactory(ranking=impact, result_kind="band", band_to=400, scope="world",
                     category_fr="", category_en="", rank=None, is_tied=False),
        AwardFactory(ranking=impact, result_kind="band", band_to=10, scope="national",
                     category_fr="", category_en="", rank=None, is_tied=False),
    ]  # fmt: skip
    return awards


def readable(editions):
    """[(title, [lines])], with no-break spaces and word joiners shown as spaces."""
    plain = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2060": ""})
    return [(edition.title, [line.translate(plain) for line in edition.lines])
            for edition in editions]  # fmt: skip


def test_key_figures_group_each_edition_and_sum_up_grades():
    shown, folded = key_figures(reference_awards(), "fr")
    assert readable(shown) == [
        ("U-Multirank 2021", [
            "1re en France ex aequo — Enseignement et apprentissage",
            "10 notes « très bien » : 4 enseignement et apprentissage, 3 transfert "
            "technologique, 2 recherche, 1 ouverture internationale",
        ]),
        ("THE Impact Rankings 2021", ["Top 400 au niveau mondial", "Top 10 en France"]),
    ]  # fmt: skip
    assert folded == []


def test_key_figures_in_english():
    shown, _folded = key_figures(reference_awards(), "en")
    assert readable(shown)[0][1][1] == (
        "10 “very good” grades: 4 teaching and learning, 3 knowledge transfer, "
        "2 research, 1 international orientation"
    )


def test_no_line_breaks_inside_a_grade_a_count_or_a_range():
    band = AwardFactory(result_kind="band", band_from=301, band_to=400, scope="world",
                        category_fr="", rank=None, is_tied=False)  # fmt: skip
    grade = AwardFactory(category_fr="", count=10, **GRADE)
    shown, _folded = key_figures([band, grade], "fr")
    lines = [line for edition in shown for line in edition.lines]
    assert "301–\u2060400\u00a0au niveau mondial" in lines
    assert "10\u00a0notes «\u202ftrès\u00a0bien\u202f»" in lines


def test_an_editors_own_label_is_kept_as_written():
    award = AwardFactory(label_fr="Meilleure école d’ingénieurs du Gard", count=5, **GRADE)
    shown, _folded = key_figures([award], "fr")
    assert shown[0].lines == ["Meilleure école d’ingénieurs du Gard"]


def test_past_seven_rows_the_rest_folds_away():
    """An edition's title and each of its lines are a row each."""
    ranking = RankingFactory()
    one_each = [AwardFactory(ranking=ranking, rank=n, year=2000 + n) for n in range(1, 16)]
    shown, folded = key_figures(one_each, "fr")
    assert len(shown) == 3 and all(len(edition.lines) == 1 for edition in shown)
    assert sum(len(edition.lines) for edition in folded) == 12
    other = RankingFactory()
    same_edition = [AwardFactory(ranking=other, rank=n) for n in range(1, 16)]
    shown, folded = key_figures(same_edition, "fr")
    assert [len(edition.lines) for edition in shown] == [SHOWN_ROWS - 1]
    assert [len(edition.lines) for edition in folded] == [15 - SHOWN_ROWS + 1]


def test_the_release_page_shows_key_figures_instead_of_medals(client):
    release = PressReleaseFactory()
    release.awards.add(*reference_awards())
    html = client.get(release.get_absolute_url("fr")).content.decode()
    assert '<h2 id="key-figures-heading">Chiffres clés</h2>' in html
    assert "badge-list" not in html
    assert "U-Multirank 2021</a></h3>" in html


def test_the_folded_results_say_how_many(client):
    release = PressReleaseFactory()
    ranking = RankingFactory()
    release.awards.add(*(AwardFactory(ranking=ranking, rank=n) for n in range(1, 10)))
    html = client.get(release.get_absolute_url("en")).content.decode()
    assert "<summary>3 more results</summary>" in html  # 9 results, a title and 6 shown
