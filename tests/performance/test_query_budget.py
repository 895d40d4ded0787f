"""Every public page runs a fixed number of SQL queries, with 10 or 200 releases."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.models import PressRelease
from rankings.models import KEPT_FOR_BADGES
from tests.factories import AwardFactory, ContactFactory, PressReleaseFactory, RankingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]

PAGES = ["/fr/", "/en/news/", "/fr/actualites/2021/", "/en/news/2021/", "/fr/classements/",
         "/en/rankings/u-multirank/", "/fr/actualites/rss/", "/en/news/atom/",
         "/en/rankings/u-multirank/rss/", "/fr/contacts-presse/", "/sitemap.xml",
         "/fr/recherche/?q=communiqué", "/en/search/?q=release&ranking=u-multirank"]  # fmt: skip


def add_releases(count, rankings, contacts):
    from datetime import datetime, timedelta

    from django.utils import timezone

    start = timezone.make_aware(datetime(2021, 1, 1))
    for n in range(count):
        release = PressReleaseFactory(published_at=start + timedelta(hours=n))
        release.awards.add(
            *(AwardFactory(ranking=rankings[i % 2], rank=i + 1, year=2015 + n % 8)
              for i in range(3))
        )  # fmt: skip
        for position, contact in enumerate(contacts):
            release.release_contacts.create(contact=contact, position=position)


def query_counts(client):
    counts = {}
    release = PressRelease.objects.public("fr").first()
    pages = {path: path for path in PAGES}
    pages |= {"release (fr)": release.get_absolute_url("fr"),
              "release (en)": release.get_absolute_url("en")}  # fmt: skip
    for name, path in pages.items():
        # As a process that has not read the awards yet: a page's most queries.
        KEPT_FOR_BADGES.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200, path
        counts[name] = len(queries)
    return counts


def test_query_counts_do_not_grow_with_content(client):
    """From 10 to 200 releases (three awards and two contacts each), the same queries."""
    rankings = [RankingFactory(slug="u-multirank"), RankingFactory()]
    contacts = [ContactFactory(), ContactFactory()]
    add_releases(10, rankings, contacts)
    with_ten = query_counts(client)
    add_releases(190, rankings, contacts)
    with_two_hundred = query_counts(client)
    assert with_two_hundred == with_ten
    # Without a cache, each page also pays for what the cache normally keeps: the
    # institution (1 query) and the next scheduled change (3 queries).
    assert max(with_ten.values()) <= 15, with_ten


def test_a_deep_page_skips_whole_years_by_their_counts(client):
    """Years wholly before the page are skipped by the archive's counts: the index is
    walked from the start of the page's year, and the page holds what a walk from the
    newest release would give."""
    from datetime import datetime, timedelta

    from django.utils import timezone

    for year, releases in ((2023, 5), (2022, 10), (2021, 17)):
        start = timezone.make_aware(datetime(year, 3, 1))
        for day in range(releases):
            PressReleaseFactory(title_fr=f"Année {year}, numéro {day:02}",
                                published_at=start + timedelta(days=day))  # fmt: skip
    newest_first = [f"Année {year}, numéro {day:02}"
                    for year, releases in ((2023, 5), (2022, 10), (2021, 17))
                    for day in reversed(range(releases))]  # fmt: skip
    per_page = 12
    for number in (1, 2, 3):
        with CaptureQueriesContext(connection) as queries:
            page = client.get("/fr/actualites/", {"page": number}).content.decode()
        shown = re.findall(r"Année \d{4}, numéro \d\d", page)
        assert shown == newest_first[(number - 1) * per_page : number * per_page], number
        offset = re.search(r"LIMIT \d+ OFFSET (\d+)", " ".join(q["sql"] for q in queries))
        # Page 2 (releases 13–24) starts at the 8th of 2022, once the 5 of 2023 are
        # skipped by their count; page 3 (25–32) at the 10th of 2021, once 2022's 10 are.
        expected = {1: None, 2: "7", 3: "9"}[number]
        assert (offset.group(1) if offset else None) == expected, number


def test_a_deep_page_skips_index_entries_not_releases(client):
    """A page of the news list picks its releases' ids first (a subquery, the only one
    with an OFFSET, answered by the public index alone), then reads those releases by
    id: a deep page reads no more rows than the first."""
    from datetime import datetime, timedelta

    from django.utils import timezone

    start = timezone.make_aware(datetime(2021, 1, 1))
    for hour in range(30):
        PressReleaseFactory(published_at=start + timedelta(hours=hour))
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/fr/actualites/", {"page": 3}).content.decode()
    offsets = [q["sql"] for q in queries if "OFFSET" in q["sql"]]
    assert len(offsets) == 1
    ids = re.search(r'IN \((SELECT U0\."id" AS "id" FROM .* OFFSET \d+)\)', offsets[0])
    assert ids, offsets[0]
    if connection.vendor == "sqlite":  # skipped by the public index, not sorted
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN QUERY PLAN {ids.group(1)}")
            plan = " ".join(str(row) for row in cursor.fetchall())
        assert "release_public_fr_idx" in plan and "TEMP B-TREE" not in plan
    assert page.count('class="release-card"') == 30 - 24
