"""The news list's page count and the archive's years, read from per-year counts,
follow every change to the releases and the clock."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core import serializers
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.models import ArchiveYear, PressRelease
from tests.factories import PressReleaseFactory
from tests.loading import LoadFailed, load

pytestmark = pytest.mark.django_db

PER_PAGE = settings.NEWSROOM_RELEASES_PER_PAGE
NEWS = {"fr": "/fr/actualites/", "en": "/en/news/"}


def on_day(year, month=6, day=1):
    return timezone.make_aware(datetime(year, month, day, 12))


def news_page(client, language="fr", **params):
    return client.get(NEWS[language], params).content.decode()


def archive_years(page):
    """The years the archive navigation links to, or marks as current."""
    start = page.index('class="year-list"')
    navigation = page[start : page.index("</nav>", start)]
    return [int(year) for year in re.findall(r">(\d{4})<", navigation)]


def test_page_count_follows_publication_and_withdrawal(client):
    """One release more than a page makes two pages; withdrawing one makes one page."""
    releases = PressReleaseFactory.create_batch(PER_PAGE + 1)
    assert "Page 1 sur 2" in news_page(client)
    releases[0].status = PressRelease.Status.DRAFT
    releases[0].save()
    assert "Page 1 sur" not in news_page(client)
    assert client.get(NEWS["fr"], {"page": 2}).status_code == 404


def test_archive_years_follow_a_release_moved_to_another_year(client):
    """Changing a release's date moves it in the archive: the old year goes if empty."""
    release = PressReleaseFactory(published_at=on_day(2019))
    PressReleaseFactory(published_at=on_day(2021))
    assert archive_years(news_page(client)) == [2021, 2019]
    release.published_at = on_day(2020)
    release.save()
    assert archive_years(news_page(client)) == [2021, 2020]


def test_deleted_releases_leave_the_archive(client):
    """Deleting releases, one or many at once, removes their years."""
    kept = PressReleaseFactory(published_at=on_day(2022))
    PressReleaseFactory(published_at=on_day(2019)).delete()
    PressReleaseFactory.create_batch(2, published_at=on_day(2018))
    assert archive_years(news_page(client)) == [2022, 2018]
    PressRelease.objects.exclude(pk=kept.pk).delete()
    assert archive_years(news_page(client)) == [2022]


def test_scheduled_release_is_counted_when_its_time_comes(client, settings):
    """A scheduled release adds to the page count and its year only once it is live."""
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    now = timezone.now()
    PressReleaseFactory.create_batch(PER_PAGE, published_at=now - timedelta(days=400))
    PressReleaseFactory(published_at=now + timedelta(days=1))
    page = news_page(client)
    assert "Page 1 sur" not in page
    assert archive_years(page) == [timezone.localtime(now - timedelta(days=400)).year]
    with time_machine.travel(now + timedelta(days=2)):
        page = news_page(client)
        assert "Page 1 sur 2" in page
        assert timezone.localtime(now + timedelta(days=1)).year in archive_years(page)


def test_counts_are_per_language(client):
    """A French-only release counts in the French archive, not in the English one."""
    PressReleaseFactory(published_at=on_day(2021))
    PressReleaseFactory(published_at=on_day(2017), french_only=True)
    assert archive_years(news_page(client, "fr")) == [2021, 2017]
    assert archive_years(news_page(client, "en")) == [2021]


def test_language_marked_not_ready_leaves_its_archive(client):
    """Unmarking the English version as ready takes it out of the English count."""
    release = PressReleaseFactory(published_at=on_day(2016))
    PressReleaseFactory(published_at=on_day(2023))
    release.ready_en = False
    release.save()
    assert archive_years(news_page(client, "en")) == [2023]
    assert archive_years(news_page(client, "fr")) == [2023, 2016]


def test_year_page_counts_only_its_year(client):
    """A year's archive pages through that year's releases alone."""
    PressReleaseFactory.create_batch(PER_PAGE + 1, published_at=on_day(2021))
    PressReleaseFactory.create_batch(PER_PAGE, published_at=on_day(2020))
    page = client.get("/fr/actualites/2021/").content.decode()
    assert "Page 1 sur 2" in page
    assert client.get("/fr/actualites/2021/", {"page": 2}).status_code == 200
    assert client.get("/fr/actualites/2021/", {"page": 3}).status_code == 404


def test_search_offers_the_archive_years(client):
    """The search form's year filter lists the years with public releases."""
    PressReleaseFactory(published_at=on_day(2021))
    PressReleaseFactory(published_at=on_day(2015), draft=True)
    page = client.get("/fr/recherche/").content.decode()
    assert '<option value="2021">2021</option>' in page
    assert "2015" not in page


def test_new_year_in_the_institutions_time_zone(client):
    """A release at 00:30 on 1 January in Paris (23:30 UTC the day before) counts in the
    new year, as its card says; one at 23:30 on 31 December in the old one."""
    paris = ZoneInfo("Europe/Paris")
    PressReleaseFactory(published_at=datetime(2021, 1, 1, 0, 30, tzinfo=paris))
    PressReleaseFactory.create_batch(2, published_at=datetime(2020, 12, 31, 23, 30, tzinfo=paris))
    assert archive_years(news_page(client)) == [2021, 2020]
    assert dict(ArchiveYear.objects.filter(language="fr").values_list("year", "releases")) == {
        2021: 1,
        2020: 2,
    }


def count_queries(queries):
    """The queries counting releases for the archive."""
    return [q["sql"] for q in queries if 'COUNT("newsroom_pressrelease"."id")' in q["sql"]]


def test_bulk_action_counts_each_year_once(admin_client):
    """Unpublishing many releases at once counts each of their years once per language,
    not once per release, and leaves the counts right."""
    releases = [
        *PressReleaseFactory.create_batch(3, published_at=on_day(2019)),
        *PressReleaseFactory.create_batch(3, published_at=on_day(2020)),
    ]
    PressReleaseFactory(published_at=on_day(2020))  # stays
    with CaptureQueriesContext(connection) as queries:
        response = admin_client.post(
            "/admin/newsroom/pressrelease/",
            {"action": "unpublish", "_selected_action": [r.pk for r in releases], "index": 0},
        )
    assert response.status_code == 302
    assert len(count_queries(queries.captured_queries)) == 2 * len(settings.LANGUAGES)
    assert dict(ArchiveYear.objects.filter(language="fr").values_list("year", "releases")) == {
        2020: 1
    }
    assert archive_years(news_page(admin_client)) == [2020]


def test_a_failed_load_leaves_the_next_one_counted(django_capture_on_commit_callbacks):
    """Raw saves (a backup loaded, a revision restored) count their years as the
    transaction commits; one rolled back drops that count, not the next load's."""
    release = PressReleaseFactory(published_at=on_day(2019))
    stored = serializers.serialize("json", [release])
    release.published_at = on_day(2021)
    release.save()
    with pytest.raises(LoadFailed):
        load(stored, django_capture_on_commit_callbacks, fail=True)
    assert ArchiveYear.objects.public_counts("fr") == {2021: 1}
    load(stored, django_capture_on_commit_callbacks)
    assert ArchiveYear.objects.public_counts("fr") == {2019: 1}
