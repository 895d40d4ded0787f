"""Rankings pages and the per-ranking feed, in both languages."""

import feedparser
import pytest
from django.utils import translation

from tests.factories import AwardFactory, PressReleaseFactory, RankingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def u_multirank():
    ranking = RankingFactory(name_fr="U-Multirank", name_en="U-Multirank", slug="u-multirank")
    first = AwardFactory(ranking=ranking, year=2021)
    grades = AwardFactory(
        ranking=ranking, year=2022, result_kind="grade", rank=None, is_tied=False,
        grade="A", count=10, scope="world", category_fr="", category_en="",
    )  # fmt: skip
    release = PressReleaseFactory(title_fr="Première place", title_en="First place")
    release.awards.add(first)
    french_only = PressReleaseFactory(french_only=True, title_fr="Dix notes")
    french_only.awards.add(grades)
    return ranking


def test_rankings_paths_are_translated():
    """The rankings pages live at /fr/classements/ and /en/rankings/."""
    from django.urls import reverse

    with translation.override("fr"):
        assert reverse("newsroom:ranking-list") == "/fr/classements/"
    with translation.override("en"):
        assert reverse("newsroom:ranking-detail", kwargs={"slug": "u"}) == "/en/rankings/u/"


@pytest.mark.parametrize("path", ["/fr/classements/", "/en/rankings/"])
def test_rankings_page_lists_awards_by_year_newest_first(client, u_multirank, path):
    """Every ranking with its awards by edition, newest first."""
    page = client.get(path).content.decode()
    assert "U-Multirank" in page
    assert page.index("2022") < page.index("2021")


def test_rankings_page_links_badges_to_public_releases(client, u_multirank):
    """Each award lists the releases that mention it, in the page's language only."""
    french = client.get("/fr/classements/").content.decode()
    english = client.get("/en/rankings/").content.decode()
    assert "Première place" in french and "Dix notes" in french
    assert "First place" in english and "Dix notes" not in english


def test_rankings_are_in_the_main_navigation(client):
    """Every page links to the rankings page."""
    assert 'href="/en/rankings/"' in client.get("/en/").content.decode()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_ranking_page_shows_description_awards_and_releases(client, u_multirank, language):
    """One page per ranking: description, awards, releases and its feed."""
    path = {"fr": "/fr/classements/u-multirank/", "en": "/en/rankings/u-multirank/"}[language]
    page = client.get(path).content.decode()
    description = {"fr": "Un classement multidimensionnel.", "en": "A multidimensional ranking."}
    assert description[language] in page
    assert {"fr": "Première place", "en": "First place"}[language] in page
    assert 'type="application/rss+xml"' in page and f'href="{path}rss/"' in page


def test_unknown_ranking_is_404(client):
    """An unknown ranking slug and its feed are 404."""
    assert client.get("/fr/classements/inconnu/").status_code == 404
    assert client.get("/fr/classements/inconnu/rss/").status_code == 404


def test_ranking_feed_lists_releases_about_the_ranking(client, u_multirank):
    """'All our news about U-Multirank': the releases linked to its awards, per language."""
    PressReleaseFactory(title_en="Unrelated news")
    french = feedparser.parse(client.get("/fr/classements/u-multirank/rss/").content)
    english = feedparser.parse(client.get("/en/rankings/u-multirank/rss/").content)
    assert not french.bozo and not english.bozo
    assert {entry.title for entry in french.entries} == {"Première place", "Dix notes"}
    assert [entry.title for entry in english.entries] == ["First place"]
    assert "U-Multirank" in english.feed.title


def test_release_appears_once_in_ranking_feed_with_two_awards(client, u_multirank):
    """A release announcing two results of one ranking is one feed item."""
    release = PressReleaseFactory(title_en="Two results")
    release.awards.add(*u_multirank.awards.all())
    english = feedparser.parse(client.get("/en/rankings/u-multirank/rss/").content)
    assert [entry.title for entry in english.entries].count("Two results") == 1


def test_each_editions_releases_are_listed_once(client):
    """An edition's badges in a grid, then the releases that announced them, each once:
    not under every badge."""
    ranking = RankingFactory(name_en="U-Multirank")
    release = PressReleaseFactory(title_en="Ten top grades")
    release.awards.add(*(AwardFactory(ranking=ranking, rank=n) for n in range(1, 5)))
    html = client.get(f"/en/rankings/{ranking.slug}/").content.decode()
    edition = html.split('class="ranking-edition"')[1].split("</section>")[0]
    assert edition.count('class="award-entry"') == 4
    assert edition.count(">Ten top grades</a>") == 1
