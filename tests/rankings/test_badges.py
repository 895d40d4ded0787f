"""Awards appear as badges wherever the releases announcing them appear."""

import pytest
from django.utils import translation

from rankings.badges import award_badge
from tests.factories import AwardFactory, PressReleaseFactory, RankingFactory, jpeg_file

pytestmark = pytest.mark.django_db


def render_badge(award, language="fr"):
    with translation.override(language):
        return str(award_badge(award))


def test_drawn_badge_reads_its_label_to_screen_readers():
    """Without an image, the badge is drawn from the data; its label is read aloud."""
    award = AwardFactory(ranking=RankingFactory(name_fr="U-Multirank", name_en="U-Multirank"))
    html = render_badge(award)
    assert '<span class="visually-hidden">1re en France ex aequo · ' in html
    assert 'aria-hidden="true"' in html
    assert ">1re<" in html
    assert "U-Multirank 2021" in html
    english = render_badge(award, "en")
    assert ">1st<" in english and "in France, tied" in english


def test_badge_links_to_the_methodology():
    """Each badge links to its ranking's methodology, as publishers ask."""
    award = AwardFactory()
    assert f'href="{award.ranking.methodology_url}"' in render_badge(award)


def test_badge_with_image_uses_label_as_alt():
    """An uploaded badge image is shown with the label as its alternative text."""
    award = AwardFactory(badge_image=jpeg_file("badge.jpg"))
    html = render_badge(award)
    assert f'src="{award.badge_image.url}"' in html
    assert 'alt="1re en France ex aequo · Enseignement et apprentissage · ' in html
    assert "award-badge__drawn" not in html


def test_awards_show_on_release_page_cards_and_home(client):
    """A linked award shows as a key figure on the release page, and as a badge on its card
    in the news list and on the home page."""
    award = AwardFactory()
    release = PressReleaseFactory()
    release.awards.add(award)
    key_figure = "<li>1re en France ex\u00a0aequo — Enseignement et apprentissage</li>"
    assert key_figure in client.get(release.get_absolute_url("fr")).content.decode()
    label = "1re en France ex aequo · Enseignement et apprentissage"
    for path in ["/fr/actualites/", "/fr/"]:
        assert label in client.get(path).content.decode(), path


def test_about_section_shows_once_per_ranking(client):
    """Two awards of one ranking give one "About" section with its description."""
    ranking = RankingFactory(name_fr="U-Multirank")
    release = PressReleaseFactory()
    release.awards.add(AwardFactory(ranking=ranking), AwardFactory(ranking=ranking, rank=2))
    page = client.get(release.get_absolute_url("fr")).content.decode()
    assert page.count("À propos d’U-Multirank") == 1  # elided before a vowel
    assert "Un classement multidimensionnel." in page
    english = client.get(release.get_absolute_url("en")).content.decode()
    assert "A multidimensional ranking." in english


def test_home_highlights_current_awards_only(client):
    """The home's "Rankings and awards" shows current results, not superseded ones."""
    ranking = RankingFactory()
    AwardFactory(ranking=ranking, year=2020, category_fr="Ancienne catégorie", category_en="Old")
    AwardFactory(ranking=ranking, year=2021, category_fr="Recherche", category_en="Research")
    AwardFactory(ranking=ranking, year=2019, category_fr="Recherche", category_en="Research")
    page = client.get("/en/").content.decode()
    assert "Joint 1st in France · Research · Ranking" in page
    assert "Research · " + ranking.name_en + " 2019" not in page


def test_feeds_carry_awards_as_categories(client):
    """Feed items list their awards as categories."""
    import feedparser

    release = PressReleaseFactory()
    release.awards.add(AwardFactory())
    feed = feedparser.parse(client.get("/en/news/rss/").content)
    terms = [tag.term for tag in feed.entries[0].tags]
    assert terms[0].startswith("Joint 1st in France · Teaching and learning")


def test_cards_name_their_first_two_awards_on_one_line_each(client):
    """A card shows compact badges — initials, the result in words, the edition — for
    its first two awards, then how many more the release announces."""
    ranking = RankingFactory(name_fr="U-Multirank", name_en="U-Multirank")
    release = PressReleaseFactory()
    release.awards.add(*(AwardFactory(ranking=ranking, rank=n) for n in range(1, 6)))
    page = client.get("/fr/actualites/").content.decode()
    assert page.count('class="award-chip"') == 2
    assert '<span class="award-chip__mark" aria-hidden="true">UM</span>' in page
    result = "1re en France ex aequo · Enseignement et apprentissage"
    assert f'<span class="award-chip__result">{result}</span>' in page
    assert '<span class="award-chip__edition">U-Multirank 2021</span>' in page
    assert '<li class="badge-list__more">+ 3 autres</li>' in page


@pytest.mark.parametrize(
    ("name", "initials"),
    [
        ("U-Multirank", "UM"),
        ("THE Impact Rankings", "TIR"),
        ("QS World University Rankings", "QWU"),
    ],
)
def test_a_ranking_without_logo_is_marked_by_its_initials(name, initials):
    assert RankingFactory(name_fr=name).initials() == initials
