"""RSS and Atom feeds, per language, read the way a feed reader reads them."""

import time
from datetime import timedelta

import feedparser
import pytest
from django.utils import timezone
from django.utils.http import http_date

from tests.factories import PressReleaseFactory

pytestmark = pytest.mark.django_db

FEEDS = {
    ("fr", "rss"): "/fr/actualites/rss/",
    ("fr", "atom"): "/fr/actualites/atom/",
    ("en", "rss"): "/en/news/rss/",
    ("en", "atom"): "/en/news/atom/",
}


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return feedparser.parse(response.content), response


@pytest.mark.parametrize(("language", "kind"), FEEDS)
def test_feed_parses_cleanly(client, release_with_contacts, language, kind):
    """Each feed is well-formed for feedparser (no bozo) and in its language."""
    feed, response = parse(client, FEEDS[language, kind])
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == {"rss": "rss20", "atom": "atom10"}[kind]
    assert feed.feed.language == language
    assert len(feed.entries) == 1
    entry = feed.entries[0]
    expected_title = (
        release_with_contacts.title_fr if language == "fr" else (release_with_contacts.title_en)
    )
    assert entry.title == expected_title
    assert entry.link == f"http://testserver{release_with_contacts.get_absolute_url(language)}"


@pytest.mark.parametrize(("language", "kind"), FEEDS)
def test_feed_carries_summary_and_full_content(client, release, language, kind):
    """Readers get the standfirst as summary and the whole body as HTML content."""
    feed, _ = parse(client, FEEDS[language, kind])
    entry = feed.entries[0]
    standfirst = release.standfirst_fr if language == "fr" else release.standfirst_en
    body = release.body_fr if language == "fr" else release.body_en
    assert entry.summary == standfirst
    assert entry.content[0].value == body
    assert entry.content[0].type == "text/html"


def test_french_only_release_stays_out_of_english_feeds(client, french_only_release):
    """An untranslated release is in the French feeds only."""
    for kind in ("rss", "atom"):
        assert len(parse(client, FEEDS["en", kind])[0].entries) == 0
        assert len(parse(client, FEEDS["fr", kind])[0].entries) == 1


def test_drafts_and_scheduled_releases_stay_out_of_feeds(client):
    """Only public releases reach the feeds."""
    PressReleaseFactory(draft=True)
    PressReleaseFactory(scheduled=True)
    for path in FEEDS.values():
        assert parse(client, path)[0].entries == []


def test_feed_holds_the_twenty_newest(client):
    """The feed lists the 20 newest public releases, newest first."""
    now = timezone.now()
    for days in range(1, 26):
        PressReleaseFactory(title_en=f"Day {days:02d}", published_at=now - timedelta(days=days))
    entries = parse(client, FEEDS["en", "atom"])[0].entries
    assert len(entries) == 20
    assert entries[0].title == "Day 01"
    assert entries[-1].title == "Day 20"


def test_guids_are_stable_and_differ_per_language(client, release):
    """An edit keeps an item's id; the French and English items have distinct ids."""
    before = parse(client, FEEDS["fr", "rss"])[0].entries[0].id
    release.title_fr = "Titre corrigé"
    release.slug_fr = "titre-corrige"
    release.save()
    after = parse(client, FEEDS["fr", "rss"])[0].entries[0].id
    english = parse(client, FEEDS["en", "rss"])[0].entries[0].id
    assert before == after
    assert before != english
    assert before.startswith("urn:uuid:")


def test_correction_shows_as_an_update(client, release):
    """Correcting a published release moves its updated date past its publication date."""
    release.body_fr = "<p>Texte corrigé.</p>"
    release.save()
    entry = parse(client, FEEDS["fr", "atom"])[0].entries[0]
    assert entry.updated_parsed > entry.published_parsed


def test_image_is_an_enclosure_with_length_and_type(client, release_with_contacts):
    """A hero image travels as an enclosure with its size and MIME type."""
    for kind in ("rss", "atom"):
        entry = parse(client, FEEDS["fr", kind])[0].entries[0]
        enclosure = entry.enclosures[0]
        assert enclosure.href.startswith("http://testserver/media/")
        assert enclosure.type == "image/jpeg"
        assert int(enclosure.length) == release_with_contacts.hero.picture.size


def test_unchanged_feed_answers_304(client, release):
    """A reader polling with the ETag it got gets 304 Not Modified."""
    first = client.get(FEEDS["fr", "rss"])
    assert first.has_header("ETag")
    by_etag = client.get(FEEDS["fr", "rss"], headers={"if-none-match": first["ETag"]})
    assert by_etag.status_code == 304


def test_a_withdrawn_release_leaves_a_feed_revalidated_by_date(client, release):
    """A reader revalidating by date after the newest release is withdrawn gets the
    feed without it, not 304: a feed is validated by its content, not its newest date."""
    PressReleaseFactory(
        title_fr="Communiqué plus ancien", published_at=timezone.now() - timedelta(days=9)
    )
    first = client.get(FEEDS["fr", "rss"])
    remembered = first.get("Last-Modified") or http_date(time.time())
    release.status = release.Status.DRAFT
    release.save()
    again = client.get(FEEDS["fr", "rss"], headers={"if-modified-since": remembered})
    assert again.status_code == 200
    assert release.title_fr not in again.content.decode()
    assert "Communiqué plus ancien" in again.content.decode()


def test_changed_feed_answers_200_again(client, release):
    """After a new release, the old ETag no longer matches."""
    first = client.get(FEEDS["fr", "rss"])
    PressReleaseFactory(title_fr="Nouveau communiqué")
    again = client.get(FEEDS["fr", "rss"], headers={"if-none-match": first["ETag"]})
    assert again.status_code == 200
    assert "Nouveau communiqué" in again.content.decode()
