"""Each page's addresses: page 2 of a list is a page of its own (title, canonical
address, alternates), and every page names its x-default as the sitemap does."""

import datetime
import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils import timezone

from tests.factories import PressReleaseFactory

pytestmark = pytest.mark.django_db


def head_links(html, rel):
    return dict(re.findall(rf'<link rel="{rel}" (?:hreflang="([^"]+)" )?href="([^"]+)"', html))


def canonical(html):
    return re.search(r'<link rel="canonical" href="([^"]+)">', html)[1]


def title(html):
    return re.search(r"<title>(.*?)</title>", html, re.S)[1]


def test_page_two_of_a_list_has_its_own_title_and_addresses(client, monkeypatch):
    monkeypatch.setattr("newsroom.views.ArchiveMixin.paginate_by", 2)
    for _ in range(5):
        PressReleaseFactory()
    first = client.get("/fr/actualites/").content.decode()
    second = client.get("/fr/actualites/", {"page": 2}).content.decode()
    assert canonical(first) == "http://testserver/fr/actualites/"
    assert canonical(second) == "http://testserver/fr/actualites/?page=2"
    assert "page 2" in title(second) and "page" not in title(first).split("·")[0]
    alternates = head_links(second, "alternate")
    assert alternates["en"] == "http://testserver/en/news/?page=2"
    assert alternates["x-default"] == "http://testserver/fr/actualites/?page=2"


def test_every_page_names_its_x_default_as_the_sitemap_does(client):
    release = PressReleaseFactory(slug_fr="palmares", slug_en="ranking")
    english = client.get(release.get_absolute_url("en")).content.decode()
    assert (
        head_links(english, "alternate")["x-default"] == "http://testserver/fr/actualites/palmares/"
    )
    home = client.get("/en/").content.decode()
    assert head_links(home, "alternate")["x-default"] == "http://testserver/"
    sitemap = client.get("/sitemap-releases-fr.xml").content.decode()
    assert 'hreflang="x-default" href="http://testserver/fr/actualites/palmares/"' in sitemap


def test_a_release_without_its_default_language_has_no_x_default(client):
    release = PressReleaseFactory(title_fr="", slug_fr=None, body_fr="", ready_fr=False)
    html = client.get(release.get_absolute_url("en")).content.decode()
    assert "x-default" not in html


def test_the_sitemap_lists_each_languages_archive_years(client):
    PressReleaseFactory(published_at=timezone.make_aware(datetime.datetime(2021, 9, 22, 9)))
    PressReleaseFactory(published_at=timezone.make_aware(datetime.datetime(2019, 3, 1, 9)),
                        french_only=True)  # fmt: skip
    index = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/sitemap-years-fr.xml" in index
    french = client.get("/sitemap-years-fr.xml").content.decode()
    english = client.get("/sitemap-years-en.xml").content.decode()
    assert re.findall(r"<loc>(.*?)</loc>", french) == [
        "http://testserver/fr/actualites/2021/",
        "http://testserver/fr/actualites/2019/",
    ]
    assert re.findall(r"<loc>(.*?)</loc>", english) == ["http://testserver/en/news/2021/"]
    assert client.get("/fr/actualites/2019/").status_code == 200


def test_pages_name_their_icon_and_favicon_ico_finds_it(client):
    html = client.get("/fr/").content.decode()
    icons = re.findall(r'<link rel="(?:icon|apple-touch-icon)" href="([^"]+)"', html)
    assert len(icons) == 3
    for icon in icons:
        assert finders.find(icon.removeprefix(settings.STATIC_URL)), icon
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] in icons
