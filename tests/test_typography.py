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


def test_what_editors_write_in_french_gets_its_spaces_everywhere_it_shows(client):
    """A release's French title and text get their no-break spaces when saved, so the
    page, the feed and the metadata show them; tags, attributes, the editor's own words
    (no elision) and the English text stay as written."""
    from tests.factories import PressReleaseFactory

    release = PressReleaseFactory(
        title_fr="Rentrée 2025 : de IMT, des notes « très bien » !",
        title_en="Back to school 2025 : yes !",
        body_fr='<p>Bilan : <a href="https://example.org/?a=b : c">« lien »</a> ?</p>',
    )
    release.refresh_from_db()
    title = f"Rentrée 2025{NBSP}: de IMT, des notes «{NARROW}très bien{NARROW}»{NARROW}!"
    assert release.title_fr == title
    assert release.title_en == "Back to school 2025 : yes !"
    assert release.body_fr == (
        f'<p>Bilan{NBSP}: <a href="https://example.org/?a=b : c" rel="noopener noreferrer">'
        f"«{NARROW}lien{NARROW}»</a>{NARROW}?</p>"
    ).replace(NBSP, "&nbsp;")
    page = client.get(release.get_absolute_url("fr")).content.decode()
    assert f"<h1>{title}</h1>" in page
    feed = feedparser.parse(client.get("/fr/actualites/rss/").content)
    assert feed.entries[0].title == title


def test_french_text_saved_before_gets_its_spaces_from_the_migration(client):
    """Migration newsroom 0017 gives rows written before it the same spaces."""
    import importlib

    from django.apps import apps

    from newsroom.models import PressRelease
    from tests.factories import ContactFactory, PressReleaseFactory

    release = PressReleaseFactory()
    contact = ContactFactory()
    PressRelease.objects.filter(pk=release.pk).update(standfirst_fr="Bilan : « bon » !")
    type(contact).objects.filter(pk=contact.pk).update(role_fr="Presse : Alès")
    migration = importlib.import_module("newsroom.migrations.0017_french_spacing")
    migration.set_french_spacing(apps, None)
    release.refresh_from_db()
    contact.refresh_from_db()
    assert release.standfirst_fr == f"Bilan{NBSP}: «{NARROW}bon{NARROW}»{NARROW}!"
    assert contact.role_fr == f"Presse{NBSP}: Alès"
