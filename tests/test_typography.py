"""French typography: elision before a vowel whatever name the settings give, and the
no-break spaces French puts before high punctuation and inside guillemets — in pages,
feeds and metadata. English text stays as it is."""

import feedparser
import pytest

from core.models import Institution
from core.typography import typeset

pytestmark = pytest.mark.django_db

NBSP, NARROW = "\u00a0", "\u202f"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("À propos de IMT Mines Alès", "À propos d’IMT Mines Alès"),
        ("Espace presse de Alès", "Espace presse d’Alès"),
        ("parce que il pleut", "parce qu’il pleut"),
        ("de Hugo, de Yale, du Alès, de 1 800", "de Hugo, de Yale, du Alès, de 1 800"),
        ("Rentrée 2025 : l’école", f"Rentrée 2025{NBSP}: l’école"),
        ("Vraiment ? Oui ! Bon ;", f"Vraiment{NARROW}? Oui{NARROW}! Bon{NARROW};"),
        ("des notes « très bien »", f"des notes «{NARROW}très bien{NARROW}»"),
        ("https://example.org/?q=a:b", "https://example.org/?q=a:b"),
    ],
)
def test_french_rules(text, expected):
    assert typeset(text, "fr") == expected


def test_english_is_left_as_it_is():
    assert typeset("About de IMT : yes ?", "en") == "About de IMT : yes ?"


@pytest.fixture
def institution():
    institution = Institution.load()
    institution.name = "IMT Mines Alès"
    institution.save()
    return institution


def test_pages_elide_before_the_institutions_name(client, institution):
    assert "<h1>Espace presse d’IMT Mines Alès</h1>" in client.get("/fr/").content.decode()
    assert "<h1>IMT Mines Alès press room</h1>" in client.get("/en/").content.decode()


def test_feeds_and_metadata_elide_too(client, institution):
    feed = feedparser.parse(client.get("/fr/actualites/rss/").content)
    assert feed.feed.description == "Les derniers communiqués de presse d’IMT Mines Alès."
    page = client.get("/fr/contacts-presse/").content.decode()
    assert "classements et contacts presse d’IMT Mines Alès." in page  # its description


def test_the_catalogue_puts_no_break_spaces_where_french_needs_them(client):
    page = client.get("/fr/recherche/", {"q": "x" * 600}).content.decode()
    assert f"Votre recherche est trop longue{NBSP}: limitez-la" in page
