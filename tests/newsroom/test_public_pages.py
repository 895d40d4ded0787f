"""What a visitor sees on the public pages, in French and in English."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import ContactFactory, PressReleaseFactory

pytestmark = pytest.mark.django_db


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


def test_paths_are_translated():
    """French and English pages live under their own translated paths."""
    assert url("newsroom:release-list", "fr") == "/fr/actualites/"
    assert url("newsroom:release-list", "en") == "/en/news/"
    assert url("newsroom:contact-list", "fr") == "/fr/contacts-presse/"
    assert url("newsroom:contact-list", "en") == "/en/press-contacts/"


@pytest.mark.parametrize(
    ("accept_language", "expected"), [("en-GB,en;q=0.9", "/en/"), ("fr-FR,fr;q=0.9", "/fr/")]
)
def test_root_redirects_by_accept_language(client, accept_language, expected):
    """/ sends the visitor to the home page in the browser's language."""
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_root_defaults_to_french(client):
    """A browser asking for another language lands on the French site."""
    response = client.get("/", headers={"accept-language": "de"})
    assert response["Location"] == "/fr/"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_renders_with_its_language(client, release, language):
    """Home, list, year archive, detail and contacts answer 200 with <html lang>."""
    ContactFactory()
    year = release.published_at.year
    pages = [
        url("newsroom:home", language),
        url("newsroom:release-list", language),
        url("newsroom:release-year", language, year=year),
        release.get_absolute_url(language),
        url("newsroom:contact-list", language),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert f'<html lang="{language}">' in response.content.decode()


def test_home_lists_latest_releases(client):
    """The home page shows the newest public releases of its language."""
    PressReleaseFactory(title_fr="Le plus récent")
    response = client.get(url("newsroom:home", "fr"))
    assert "Le plus récent" in response.content.decode()


def test_news_list_is_newest_first_and_paginated(client, settings):
    """The news list pages through releases, newest first."""
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    for days in range(1, 15):
        PressReleaseFactory(title_fr=f"Jour {days:02d}", published_at=now - timedelta(days=days))
    first = client.get(url("newsroom:release-list", "fr")).content.decode()
    assert first.index("Jour 01") < first.index("Jour 02")
    assert "Jour 14" not in first
    second = client.get(url("newsroom:release-list", "fr"), {"page": 2}).content.decode()
    assert "Jour 14" in second
    assert "Page 2 sur 2" in second


def test_year_archive_lists_only_that_year(client):
    """/fr/actualites/2021/ lists the releases of 2021 and links to other years."""
    from datetime import datetime

    from django.utils import timezone

    PressReleaseFactory(title_fr="En 2021", published_at=timezone.make_aware(datetime(2021, 9, 22)))
    PressReleaseFactory(title_fr="En 2020", published_at=timezone.make_aware(datetime(2020, 6, 1)))
    page = client.get(url("newsroom:release-year", "fr", year=2021)).content.decode()
    assert "En 2021" in page
    assert "En 2020" not in page
    assert 'href="/fr/actualites/2020/"' in page


def test_release_page_shows_dateline_standfirst_body_image_and_contacts(
    client, release_with_contacts
):
    """The release page reads like a press release, contacts in their chosen order."""
    page = client.get(release_with_contacts.get_absolute_url("fr")).content.decode()
    assert "Alès, le " in page
    assert release_with_contacts.standfirst_fr in page
    assert "<p>Le texte du communiqué.</p>" in page
    original = release_with_contacts.hero.picture
    rendition = "/media/renditions/" + original.name.rsplit(".", 1)[0]
    assert f"{rendition}-640w.webp 640w" in page  # never wider than the original
    assert f'src="{rendition}-640w.jpg"' in page and 'width="640" height="360"' in page
    assert f'src="{original.url}"' not in page
    assert 'alt="Une photo du campus"' in page
    assert page.index("Alix Premier") < page.index("Zoé Second")
    assert 'href="mailto:' in page
    assert 'href="tel:+33466785000"' in page


def test_english_release_page_is_in_english(client, release):
    """The English page shows the English text and an English dateline."""
    page = client.get(release.get_absolute_url("en")).content.decode()
    assert release.title_en in page
    assert "The text of the release." in page
    assert "Le texte du communiqué." not in page
    assert ", le " not in page


def test_french_only_release_is_absent_from_english_pages(client, french_only_release):
    """An untranslated release shows neither empty nor in French on English pages."""
    for name in ("newsroom:home", "newsroom:release-list"):
        page = client.get(url(name, "en")).content.decode()
        assert french_only_release.title_fr not in page
    response = client.get(f"/en/news/{french_only_release.slug_fr}/")
    assert response.status_code == 404


def test_contacts_page_lists_active_contacts_in_order(client):
    """Inactive contacts leave the contacts page; the others follow their position."""
    ContactFactory(name_fr="Deuxième", position=2)
    ContactFactory(name_fr="Premier", position=1)
    ContactFactory(name_fr="Parti", is_active=False)
    page = client.get(url("newsroom:contact-list", "fr")).content.decode()
    assert page.index("Premier") < page.index("Deuxième")
    assert "Parti" not in page


def test_contact_names_and_roles_follow_the_page_language(client):
    """A contact's role is shown in the visitor's language."""
    ContactFactory(role_fr="Directeur par intérim", role_en="Interim Director")
    assert "Interim Director" in client.get(url("newsroom:contact-list", "en")).content.decode()
    assert (
        "Directeur par intérim" in client.get(url("newsroom:contact-list", "fr")).content.decode()
    )


def test_body_is_rendered_as_html_not_escaped(client):
    """Rich text shows as formatting, not as visible tags."""
    release = PressReleaseFactory(body_fr="<h2>Intertitre</h2><ul><li>Point</li></ul>")
    page = client.get(release.get_absolute_url("fr")).content.decode()
    assert "<h2>Intertitre</h2>" in page
    assert "&lt;h2&gt;" not in page


def test_pages_advertise_both_feeds(client, release):
    """Every public page links to the RSS and Atom feeds of its language."""
    page = client.get(release.get_absolute_url("en")).content.decode()
    assert 'type="application/rss+xml"' in page and 'href="/en/news/rss/"' in page
    assert 'type="application/atom+xml"' in page and 'href="/en/news/atom/"' in page


@pytest.mark.parametrize(
    "path",
    [
        "/fr/actualites/pas-de-tel-communique/",
        "/en/news/no-such-release/",
        "/fr/actualites/?page=999",
        "/fr/actualites/?page=abc",
        "/fr/actualites/?page=-1",
        "/fr/actualites/1999/",
        "/fr/actualites/99999/",
        "/fr/news/",
        "/de/",
        "/fr/actualites/%ff%fe/",
        "/fr/actualites/a/b/c/",
    ],
)
def test_bad_addresses_answer_404(client, release, path):
    """Unknown slugs, bad pages, empty years and malformed paths are 404, never 500."""
    assert client.get(path).status_code == 404


def test_draft_and_scheduled_releases_are_404_by_their_address(client):
    """Guessing the address of an unpublished release finds nothing."""
    draft = PressReleaseFactory(draft=True)
    scheduled = PressReleaseFactory(scheduled=True)
    assert client.get(f"/fr/actualites/{draft.slug_fr}/").status_code == 404
    assert client.get(f"/fr/actualites/{scheduled.slug_fr}/").status_code == 404


def test_404_page_is_friendly(client):
    """A missing page explains itself and leads back to the news."""
    response = client.get("/fr/actualites/introuvable/")
    assert "Page introuvable" in response.content.decode()


def test_release_addresses_follow_language_and_script_prefix(client):
    """A release links to its page in each language, under the site's mount point too."""
    from django.urls import set_script_prefix

    release = PressReleaseFactory(slug_fr="classement-2021", slug_en="ranking-2021")
    assert release.get_absolute_url("fr") == "/fr/actualites/classement-2021/"
    assert release.get_absolute_url("en") == "/en/news/ranking-2021/"
    assert client.get(release.get_absolute_url("en")).status_code == 200
    try:
        set_script_prefix("/presse/")
        assert release.get_absolute_url("fr") == "/presse/fr/actualites/classement-2021/"
    finally:
        set_script_prefix("/")
