"""Site search in both languages, on PostgreSQL (full text) and on SQLite (fallback)."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.utils import timezone

from newsroom.models import PressRelease
from tests.factories import AwardFactory, PressReleaseFactory, RankingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reference():
    return PressReleaseFactory(
        title_fr="IMT Mines Alès classée 1re en France dans le palmarès U-Multirank",
        title_en="IMT Mines Alès ranked first in France in the U-Multirank ranking",
        standfirst_fr="Le classement mondial évalue 1 800 écoles.",
        standfirst_en="The global ranking assesses 1,800 schools.",
        body_fr="<p>L’école obtient dix notes maximales.</p>",
        body_en="<p>The school earns ten top grades.</p>",
        published_at=timezone.make_aware(datetime.datetime(2021, 9, 22, 9)),
    )


def titles(response):
    """The result titles a visitor reads, in order."""
    found = re.findall(
        r'class="search-result__title"><a href="[^"]+">(.*?)</a>', response.content.decode()
    )
    return [html.unescape(title) for title in found]


@pytest.mark.parametrize("query", ["classee", "classée", "classement", "CLASSÉE", "Classee"])
def test_french_search_ignores_case_accents_and_endings(client, reference, query):
    """'classee', 'classée' and 'classement' all find the release."""
    response = client.get("/fr/recherche/", {"q": query})
    assert response.status_code == 200
    assert reference.title_fr in titles(response)


def test_english_search_stems(client, reference):
    """'rankings' finds 'ranking'."""
    assert reference.title_en in titles(client.get("/en/search/", {"q": "rankings"}))


def test_search_is_per_language_and_public_only(client, reference):
    """Drafts, scheduled and untranslated releases are never found."""
    PressReleaseFactory(draft=True, title_fr="Classement brouillon")
    PressReleaseFactory(scheduled=True, title_fr="Classement futur")
    PressReleaseFactory(french_only=True, title_fr="Classement en français seulement")
    french = titles(client.get("/fr/recherche/", {"q": "classement"}))
    english = titles(client.get("/en/search/", {"q": "ranking"}))
    assert "Classement brouillon" not in french and "Classement futur" not in french
    assert "Classement en français seulement" in french
    assert english == [reference.title_en]


def test_title_matches_rank_above_body_matches(client):
    """A word in the title ranks the release above one mentioning it in the body."""
    PressReleaseFactory(title_fr="Rentrée", body_fr="<p>Un mot sur le hackathon.</p>")
    PressReleaseFactory(title_fr="Hackathon de l’eau", body_fr="<p>Texte.</p>")
    found = titles(client.get("/fr/recherche/", {"q": "hackathon"}))
    assert found[0] == "Hackathon de l’eau"
    assert len(found) == 2


def test_snippet_highlights_matches_and_escapes_text(client):
    """Snippets mark the matches and never carry the release's markup."""
    PressReleaseFactory(
        title_fr="Robotique",
        standfirst_fr="L’équipe <b>robotique</b> gagne & fête sa victoire.",
        body_fr="<p>Texte.</p>",
    )
    page = client.get("/fr/recherche/", {"q": "robotique"}).content.decode()
    assert "<mark>" in page
    assert "&lt;b&gt;" in page or "<b>" not in page
    assert "<b>robotique" not in page


def test_filters_by_year_and_ranking(client, reference):
    """Results narrow to a year and to a ranking."""
    ranking = RankingFactory(slug="u-multirank")
    reference.awards.add(AwardFactory(ranking=ranking))
    PressReleaseFactory(
        title_fr="Autre classement",
        published_at=timezone.make_aware(datetime.datetime(2023, 1, 5, 9)),
    )
    by_year = titles(client.get("/fr/recherche/", {"q": "classement", "year": "2023"}))
    assert by_year == ["Autre classement"]
    by_ranking = titles(client.get("/fr/recherche/", {"q": "classement", "ranking": "u-multirank"}))
    assert by_ranking == [reference.title_fr]


def test_filters_keep_their_choice_and_explain_a_wrong_one(client, reference):
    """The chosen year and ranking stay selected; a year without releases is refused
    with a message tied to its field, not with an empty list."""
    RankingFactory(slug="u-multirank", name_fr="U-Multirank")
    page = client.get(
        "/fr/recherche/", {"q": "classement", "year": "2021", "ranking": "u-multirank"}
    ).content.decode()
    assert '<option value="2021" selected>2021</option>' in page
    assert '<option value="u-multirank" selected>U-Multirank</option>' in page
    assert '<option value="" selected>' not in page
    wrong = client.get("/fr/recherche/", {"q": "classement", "year": "1990"})
    assert wrong.status_code == 200
    page = wrong.content.decode()
    assert 'aria-describedby="id_year_error"' in page
    assert re.search(r'id="id_year_error" role="alert">[^<]*1990', page)
    assert '<option value="" selected>Tous les classements</option>' in page


def test_results_are_paginated(client, settings):
    """Many results page through, keeping the query in the links."""
    for n in range(settings.NEWSROOM_RELEASES_PER_PAGE + 3):
        PressReleaseFactory(title_fr=f"Robotique {n}")
    first = client.get("/fr/recherche/", {"q": "robotique"})
    assert len(titles(first)) == settings.NEWSROOM_RELEASES_PER_PAGE
    assert "?q=robotique&amp;page=2" in first.content.decode()
    second = client.get("/fr/recherche/", {"q": "robotique", "page": 2})
    assert len(titles(second)) == 3


def test_a_search_pages_through_its_first_matches_and_says_there_are_more(
    client, settings, monkeypatch
):
    """Beyond MAX_RESULTS matches a search says "more than", and pages through the
    newest of them; its pages link to the previous and next results."""
    per_page = settings.NEWSROOM_RELEASES_PER_PAGE
    monkeypatch.setattr("newsroom.search.MAX_RESULTS", per_page + 2)
    start = timezone.now() - datetime.timedelta(days=30)
    for n in range(per_page + 4):
        PressReleaseFactory(
            title_en=f"Robotics {n}", published_at=start + datetime.timedelta(days=n)
        )
    first = client.get("/en/search/", {"q": "robotics"})
    page = first.content.decode()
    assert f"More than {per_page + 2} press releases found for “robotics”" in page
    assert titles(first)[:2] == [f"Robotics {per_page + 3}", f"Robotics {per_page + 2}"]
    assert 'rel="next">Next results</a>' in page
    second = client.get("/en/search/", {"q": "robotics", "page": 2})
    assert titles(second) == ["Robotics 3", "Robotics 2"]
    assert 'rel="prev">Previous results</a>' in second.content.decode()
    assert client.get("/en/search/", {"q": "robotics", "page": 3}).status_code == 404


def test_a_search_counts_exactly_up_to_its_limit(client, monkeypatch):
    monkeypatch.setattr("newsroom.search.MAX_RESULTS", 3)
    for n in range(3):
        PressReleaseFactory(title_fr=f"Robotique {n}")
    page = client.get("/fr/recherche/", {"q": "robotique"}).content.decode()
    assert "3 communiqués trouvés pour «\u202frobotique\u202f»." in page
    PressReleaseFactory(title_fr="Robotique 3")
    page = client.get("/fr/recherche/", {"q": "robotique"}).content.decode()
    assert (
        "Plus de 3 communiqués trouvés pour «\u202frobotique\u202f»\u00a0: ajoutez un mot" in page
    )


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Saisissez un ou plusieurs mots"),
        ("!!! ??? ...", "au moins un mot"),
        ("x" * 501, "trop longue"),
    ],
)
def test_unusable_queries_get_a_friendly_page(client, reference, query, message):
    """Empty, punctuation-only and overlong queries explain themselves."""
    response = client.get("/fr/recherche/", {"q": query})
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ['"top 400" -rien', "or and not ( ) :* & |", "classée & | !", "'; DROP TABLE x; --",
     "a:*", "((((", "\\", "%_%", "U-Multirank 2021", "é" * 499],
)  # fmt: skip
def test_operator_laden_queries_never_fail(client, reference, query):
    """Operators, quotes and SQL-looking input are searched, never a 500."""
    assert client.get("/fr/recherche/", {"q": query}).status_code == 200


@pytest.mark.parametrize("params", [{"q": "x", "year": "abc"}, {"q": "x", "ranking": "nope"},
                                    {"q": "x", "page": "999"}])  # fmt: skip
def test_bad_filters_never_fail(client, reference, params):
    """Unknown years or rankings are a form message; a page past the end is a 404."""
    status = client.get("/fr/recherche/", params).status_code
    assert status in (200, 404)


def test_search_is_linked_from_every_page(client):
    """The search page is in the main navigation."""
    assert 'href="/en/search/"' in client.get("/en/").content.decode()
    assert 'href="/fr/recherche/"' in client.get("/fr/").content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN indexes exist on PostgreSQL")
def test_search_uses_the_gin_index(reference):
    """EXPLAIN of the search query uses the GIN index on the search vector."""
    query = PressRelease.objects.search("classement", "fr").newest()
    with connection.cursor() as cursor:
        # A table of a few rows is cheaper to read whole: ask for the planner's
        # index-only choice, as it makes on its own at 100,000 releases (docs/search.md).
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = query.explain()
    assert "Bitmap Index Scan on release_search_fr_gin" in plan


def test_search_follows_edits_and_deletions(client, reference):
    """A corrected title is found by its new words at once; a deleted release is gone."""
    reference.title_fr = "Les hydrologues de l’école suivent les crues cévenoles"
    reference.save()
    assert titles(client.get("/fr/recherche/", {"q": "hydrologue"})) == [reference.title_fr]
    reference.delete()
    assert titles(client.get("/fr/recherche/", {"q": "hydrologue"})) == []


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the FTS5 index exists on SQLite")
def test_sqlite_search_index_is_rebuilt_when_its_triggers_are_lost(client, reference):
    """A migration that copies the releases table drops its triggers: migrate rebuilds them."""
    from newsroom.search import ensure_sqlite_index

    with connection.cursor() as cursor:
        for event in ("insert", "delete", "update"):
            cursor.execute(f"DROP TRIGGER newsroom_release_fts_fr_{event}")
    PressRelease.objects.filter(pk=reference.pk).update(search_text_fr="hydrologie des crues")
    ensure_sqlite_index()
    assert titles(client.get("/fr/recherche/", {"q": "hydrologie"})) == [reference.title_fr]
    PressReleaseFactory(title_fr="Hydrologie : un nouveau laboratoire")
    assert len(titles(client.get("/fr/recherche/", {"q": "hydrologie"}))) == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements of PostgreSQL")
def test_pages_reuse_prepared_statements_but_a_search_is_planned_for_its_words(client, reference):
    """A page's statements are prepared once per connection; a search's is not: the plan
    kept for a common word (walk the newest releases) would read a rare one's every
    match, and the reverse."""
    for query in ("classement", "classée", "classee", "CLASSEMENT"):  # four pages, not cached
        assert titles(client.get("/fr/recherche/", {"q": query})) == [reference.title_fr]
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [statement for (statement,) in cursor.fetchall()]
    assert any("newsroom_archiveyear" in statement for statement in prepared)
    assert not any("ts_rank" in statement for statement in prepared)
