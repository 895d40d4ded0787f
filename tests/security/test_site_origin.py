"""Absolute links name the configured site, never the request's Host or scheme, so one
request cannot fill the cache with another origin (issue 18, point 3)."""

import re

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

SITE = "https://presse.example.org"
FORGED = {"host": "localhost:6666", "x-forwarded-proto": "https"}


@pytest.fixture
def site(settings):
    settings.NEWSROOM_SITE_URL = SITE
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "presse.example.org"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    cache.clear()


OUR_NAMES = ("presse.example.org", "localhost", "testserver")


def host(origin):
    return origin.split("//")[1].split(":")[0]


def origins(text):
    return set(re.findall(r"(https?://[^/\"'<\s]+)/", text))


@pytest.mark.parametrize("path", ["/fr/", "/en/news/", "/fr/actualites/rss/", "/en/news/atom/",
                                  "/sitemap.xml", "/sitemap-pages.xml", "/robots.txt"])  # fmt: skip
def test_every_absolute_link_names_the_site(client, site, release, path):
    forged = client.get(path, headers=FORGED).content.decode()
    plain = client.get(path).content.decode()
    ours = {origin for origin in origins(forged) if host(origin) in OUR_NAMES}
    assert ours == {SITE}, ours
    assert "localhost:6666" not in plain


def test_the_release_page_says_where_it_lives(client, site, release):
    page = client.get(release.get_absolute_url("fr"), headers=FORGED).content.decode()
    assert f'<link rel="canonical" href="{SITE}{release.get_absolute_url("fr")}">' in page
    assert f'content="{SITE}{release.get_absolute_url("fr")}"' in page  # og:url


def test_a_host_not_allowed_is_still_refused(client, site):
    assert client.get("/fr/", headers={"host": "evil.example.net"}).status_code == 400
