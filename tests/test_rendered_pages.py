"""Public pages render the same HTML as the committed snapshots.

The snapshots were taken from the demo content at a fixed moment; a refactoring that
changes no behaviour leaves them as they are. A deliberate change of markup updates
them: `UPDATE_SNAPSHOTS=1 make test PYTEST_ARGS=tests/test_rendered_pages.py`.
"""

import os
import re
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection

SNAPSHOTS = Path(__file__).parent / "snapshots"
MOMENT = "2026-06-01 12:00:00+02:00"
PAGES = {
    "home-fr": "/fr/",
    "home-en": "/en/",
    "news-fr": "/fr/actualites/",
    "news-page-2-en": "/en/news/?page=2",
    "year-fr": "/fr/actualites/2021/",
    "release-fr": "/fr/actualites/{slug_fr}/",
    "release-en": "/en/news/{slug_en}/",
    "contacts-fr": "/fr/contacts-presse/",
    "rankings-fr": "/fr/classements/",
    "ranking-en": "/en/rankings/u-multirank/",
    "search-fr": "/fr/recherche/?q=classement",
    "search-en": "/en/search/?q=ranking&year=2021",
    "rss-fr": "/fr/actualites/rss/",
    "atom-en": "/en/news/atom/",
    "ranking-rss-fr": "/fr/classements/u-multirank/rss/",
    "sitemap": "/sitemap.xml",
    "sitemap-pages": "/sitemap-pages.xml",
    "sitemap-releases-fr": "/sitemap-releases-fr.xml",
    "sitemap-releases-en": "/sitemap-releases-en.xml",
    "sitemap-rankings": "/sitemap-rankings.xml",
    "robots": "/robots.txt",
}
# Uploaded files get random names, and rows the ids the database gives: the snapshots
# name them by their order of appearance.
MEDIA_NAME = re.compile(r"[0-9a-f]{32}")
CONTACT_CARD = re.compile(r"/(\d+)\.vcf")


def normalised(text):
    names, ids = {}, {}
    text = MEDIA_NAME.sub(lambda m: f"file{names.setdefault(m[0], len(names))}", text)
    return CONTACT_CARD.sub(lambda m: f"/{ids.setdefault(m[1], len(ids) + 1)}.vcf", text)


@pytest.fixture
def demo_site(db):
    with time_machine.travel(MOMENT, tick=False):
        call_command("load_demo", verbosity=0)
        yield


@pytest.mark.parametrize("name", PAGES)
def test_page_matches_snapshot(demo_site, client, name):
    """Each public page, feed and sitemap renders exactly as its snapshot."""
    from newsroom.models import PressRelease

    reference = PressRelease.objects.get(slug_en__endswith="u-multirank-2021")
    path = PAGES[name].format(slug_fr=reference.slug_fr, slug_en=reference.slug_en)
    response = client.get(path)
    assert response.status_code == 200
    rendered = normalised(response.content.decode())
    # Search extracts and relevance are the database's own (PostgreSQL's full text).
    vendor = (
        "-postgresql" if name.startswith("search") and connection.vendor == "postgresql" else ""
    )
    snapshot = SNAPSHOTS / f"{name}{vendor}.txt"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        snapshot.write_text(rendered)
    assert rendered == snapshot.read_text()
