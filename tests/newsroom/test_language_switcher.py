"""The language switcher and hreflang alternates lead to the same content in the other language."""

import pytest

from tests.factories import PressReleaseFactory

pytestmark = pytest.mark.django_db


def switcher_links(html):
    import re

    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return dict(re.findall(r'href="([^"]+)" hreflang="(\w+)"', nav))


def test_switcher_on_release_goes_to_its_translation(client, release):
    """On a release, the other language link uses that language's own slug."""
    page = client.get(release.get_absolute_url("fr")).content.decode()
    assert switcher_links(page) == {f"/en/news/{release.slug_en}/": "en"}


def test_switcher_on_untranslated_release_goes_to_news_list(client, french_only_release):
    """Without an English version, the switcher leads to the English news list."""
    page = client.get(french_only_release.get_absolute_url("fr")).content.decode()
    assert switcher_links(page) == {"/en/news/": "en"}


def test_hreflang_lists_only_real_translations(client, release, french_only_release):
    """hreflang alternates name the translations that exist, as absolute URLs."""
    bilingual = client.get(release.get_absolute_url("fr")).content.decode()
    assert (
        f'<link rel="alternate" hreflang="en" href="http://testserver/en/news/{release.slug_en}/">'
        in bilingual
    )
    assert 'hreflang="fr" href="http://testserver/fr/actualites/' in bilingual
    single = client.get(french_only_release.get_absolute_url("fr")).content.decode()
    assert '<link rel="alternate" hreflang="en"' not in single


def test_switcher_on_list_pages_keeps_the_page_kind(client, release):
    """From the French contacts page, the switcher goes to the English contacts page."""
    page = client.get("/fr/contacts-presse/").content.decode()
    assert switcher_links(page) == {"/en/press-contacts/": "en"}
    archive = client.get(f"/en/news/{release.published_at.year}/").content.decode()
    assert switcher_links(archive) == {f"/fr/actualites/{release.published_at.year}/": "fr"}


def test_switcher_names_languages_in_themselves(client, release):
    """Each language is named in its own language: Français, English."""
    page = client.get("/en/").content.decode()
    assert 'lang="fr">Français</a>' in page


def test_release_with_different_slugs_is_reachable_in_both(client):
    """French and English addresses of one release both answer."""
    release = PressReleaseFactory(slug_fr="classement-2021", slug_en="ranking-2021")
    assert client.get("/fr/actualites/classement-2021/").status_code == 200
    assert client.get("/en/news/ranking-2021/").status_code == 200
    assert client.get("/en/news/classement-2021/").status_code == 404
    assert release.get_absolute_url("en") == "/en/news/ranking-2021/"
