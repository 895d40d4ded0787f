"""A process keeps the items its feeds carry (newsroom.feeds.KEPT_ITEMS), and never
serves one as it was before a change: the release, its picture or an award edited, in
this process or another, a picture's file gone, another format, language or site."""

import os
from unittest import mock
from uuid import uuid4

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom import feeds
from newsroom.models import MediaAsset, PressRelease
from tests.factories import AwardFactory, PressReleaseFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache", "media_root")]


def entries(client, path="/en/news/rss/", **headers):
    response = client.get(path, **headers)
    assert response.status_code == 200
    return feedparser.parse(response.content).entries


def test_an_item_is_written_once(client):
    PressReleaseFactory(title_en="Campus news")
    with mock.patch.object(
        feeds.RssWithContent, "item_xml", autospec=True, side_effect=feeds.RssWithContent.item_xml
    ) as write:
        assert entries(client)[0].title == "Campus news"
        assert entries(client)[0].title == "Campus news"
    assert write.call_count == 1


def test_a_feed_of_kept_items_reads_their_versions_not_their_text(client):
    PressReleaseFactory(title_en="Campus news", body_en="<p>A long text.</p>")
    entries(client)
    with CaptureQueriesContext(connection) as queries:
        assert entries(client)[0].title == "Campus news"
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "version" in read
    assert "body_en" not in read
    assert "title_en" not in read


def test_an_edited_release_shows_at_once(client):
    release = PressReleaseFactory(title_en="Campus news", body_en="<p>First text.</p>")
    assert entries(client)[0].title == "Campus news"
    release.title_en = "Campus news, corrected"
    release.body_en = "<p>Corrected text.</p>"
    release.save()
    [entry] = entries(client)
    assert entry.title == "Campus news, corrected"
    assert "Corrected text." in entry.content[0].value


def test_a_change_saved_by_another_process_shows_at_once(client):
    release = PressReleaseFactory(title_en="Campus news")
    assert entries(client)[0].title == "Campus news"
    PressRelease.objects.filter(pk=release.pk).update(title_en="Renamed", version=uuid4())
    assert entries(client)[0].title == "Renamed"


def test_an_edited_award_shows_as_a_category_at_once(client):
    award = AwardFactory(label_en="Best school")
    PressReleaseFactory().awards.add(award)
    assert [tag.term for tag in entries(client)[0].tags] == ["Best school"]
    award.label_en = "Best engineering school"
    award.save()
    assert [tag.term for tag in entries(client)[0].tags] == ["Best engineering school"]


def test_a_replaced_picture_is_enclosed_at_once(client):
    release = PressReleaseFactory(with_image=True)
    first = entries(client)[0].enclosures[0].href
    picture = MediaAsset.objects.get(pk=release.hero_id)
    picture.picture = release.hero.picture.file  # saved again under a new name
    picture.picture.name = "campus-at-night.jpg"
    picture.save()
    second = entries(client)[0].enclosures[0].href
    assert second != first
    assert "campus-at-night" in second


def test_an_item_whose_picture_file_is_gone_is_not_kept(client):
    """Its enclosure is looked for again once the file is back (a restored backup)."""
    release = PressReleaseFactory(with_image=True)
    path = release.hero.picture.path
    os.rename(path, f"{path}.away")
    assert entries(client)[0].enclosures == []
    assert not feeds.KEPT_ITEMS
    os.rename(f"{path}.away", path)
    assert len(entries(client)[0].enclosures) == 1


def test_each_format_language_and_site_has_its_own_items(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "presse.example.org"]
    PressReleaseFactory(title_fr="Nouvelles du campus", title_en="Campus news")
    assert entries(client, "/en/news/rss/")[0].title == "Campus news"
    assert entries(client, "/en/news/atom/")[0].title == "Campus news"
    assert entries(client, "/fr/actualites/rss/")[0].title == "Nouvelles du campus"
    [entry] = entries(client, "/en/news/rss/", HTTP_HOST="presse.example.org")
    assert entry.link.startswith("http://presse.example.org/en/news/")
    assert len(feeds.KEPT_ITEMS) == 4
