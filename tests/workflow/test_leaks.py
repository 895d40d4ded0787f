"""Nothing leaks: a release not yet public is on no public page, feed, sitemap or search,
nor at its own address or its picture's, in either language — until its moment comes."""

from datetime import timedelta

import feedparser
import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone, translation

from core import renditions
from tests.factories import AwardFactory, PressReleaseFactory

pytestmark = pytest.mark.django_db

SECRET = "Zanzibar"  # a word only the hidden release carries, in both languages


@pytest.fixture(autouse=True)
def public_neighbour():
    """A public release of this year, so that every list has something to show."""
    return PressReleaseFactory(published_at=timezone.now() - timedelta(minutes=5))


def hidden_release(**fields):
    release = PressReleaseFactory(
        with_image=True,
        title_fr=f"Annonce {SECRET} confidentielle",
        title_en=f"Confidential {SECRET} announcement",
        slug_fr="annonce-zanzibar",
        slug_en="zanzibar-announcement",
        body_fr=f"<p>Le texte {SECRET}.</p>",
        body_en=f"<p>The {SECRET} text.</p>",
        **fields,
    )
    release.awards.add(AwardFactory())
    renditions.prepare(release.hero.picture)
    return release


def in_two_days():
    return timezone.now() + timedelta(days=2)


HIDDEN_STATES = {
    "draft": {"status": "draft"},
    "in review": {"status": "review"},
    "scheduled": {"published_at": None},
    "embargoed": {"embargo_until": None},
    "no language ready": {"ready_fr": False, "ready_en": False},
    "waiting for English": {"waits_for_all_languages": True, "ready_en": False},
}


def make_hidden(state):
    fields = {
        name: in_two_days() if value is None else value
        for name, value in HIDDEN_STATES[state].items()
    }
    return hidden_release(**fields)


def public_surfaces(release):
    """Every public address, in both languages, that could show a release."""
    award = release.awards.get()
    paths = ["/sitemap-releases-fr.xml", "/sitemap-releases-en.xml"]
    for code in ("fr", "en"):
        with translation.override(code):
            paths += [
                reverse("newsroom:home"),
                reverse("newsroom:release-list"),
                reverse("newsroom:release-year", kwargs={"year": timezone.now().year}),
                reverse("newsroom:release-feed-rss"),
                reverse("newsroom:release-feed-atom"),
                reverse("newsroom:search") + f"?q={SECRET}",
                reverse("newsroom:ranking-list"),
                reverse("newsroom:ranking-detail", kwargs={"slug": award.ranking.slug}),
                reverse("newsroom:ranking-feed", kwargs={"slug": award.ranking.slug}),
            ]
    return paths


def own_addresses(release):
    """The release's pages and pictures: its detail pages, hero image and renditions."""
    with translation.override("fr"):
        fr = reverse("newsroom:release-detail", kwargs={"slug": release.slug_fr})
    with translation.override("en"):
        en = reverse("newsroom:release-detail", kwargs={"slug": release.slug_en})
    pictures = [
        release.hero.picture.url,
        renditions.picture_data(release.hero.picture, "card")["src"],
        renditions.share_image(release.hero.picture)["url"],
    ]
    return [fr, en, *pictures]


def visible_anywhere(client, release):
    shown = []
    ranking = release.awards.get().ranking
    for path in public_surfaces(release):
        response = client.get(path)
        # A ranking whose only result the hidden release announces is hidden with it.
        if ranking.slug in path and response.status_code == 404:
            if release.is_public_in("fr") or release.is_public_in("en"):
                shown.append(f"{path} (404 while the release is public)")
            continue
        assert response.status_code == 200, path
        page = response.content.decode()
        # The query is echoed by the search page: look for the release's own words.
        if any(
            mark in page for mark in ("confidentielle", "Confidential", "zanzibar-", "-zanzibar")
        ):
            shown.append(path)
        if "rss" in path or "atom" in path:
            assert not feedparser.parse(response.content).bozo
    return shown


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_hidden_release_is_on_no_public_surface(client, state):
    """Drafts, reviews, scheduled, embargoed and unready releases show nowhere."""
    release = make_hidden(state)
    assert visible_anywhere(client, release) == []


@pytest.mark.parametrize("state", HIDDEN_STATES)
def test_hidden_release_answers_404_at_its_own_addresses(client, state):
    """Guessing a hidden release's address or its picture's gives a plain 404."""
    release = make_hidden(state)
    for path in own_addresses(release):
        response = client.get(path)
        assert response.status_code == 404, path
        if path.startswith("/media/"):  # no cache in front may keep the refusal
            assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("state", ["scheduled", "embargoed"])
def test_release_goes_live_everywhere_at_its_moment(client, state):
    """At the publication or embargo moment: pages, feeds, sitemap, search and pictures."""
    release = make_hidden(state)
    moment = release.published_at
    with time_machine.travel(moment - timedelta(seconds=1), tick=False):
        assert visible_anywhere(client, release) == []
    with time_machine.travel(moment + timedelta(seconds=1), tick=False):
        assert len(visible_anywhere(client, release)) == len(public_surfaces(release))
        for path in own_addresses(release):
            assert client.get(path).status_code == 200, path


def test_english_goes_live_once_marked_ready(client):
    """A release waiting for every language appears in both once English is ready."""
    release = make_hidden("waiting for English")
    release.ready_en = True
    release.save()
    assert len(visible_anywhere(client, release)) == len(public_surfaces(release))


def test_language_not_ready_stays_hidden_while_the_other_is_live(client):
    """French ready, English not: French pages show it, English ones do not."""
    release = hidden_release(ready_en=False)
    with translation.override("en"):
        english = reverse("newsroom:release-detail", kwargs={"slug": release.slug_en})
        english_list = reverse("newsroom:release-list")
    with translation.override("fr"):
        french = reverse("newsroom:release-detail", kwargs={"slug": release.slug_fr})
    assert client.get(english).status_code == 404
    assert SECRET not in client.get(english_list).content.decode()
    assert client.get(french).status_code == 200


def test_unpublished_release_disappears_from_every_surface(client):
    """Unpublishing takes a live release off every page at once, pictures included."""
    release = hidden_release()
    assert visible_anywhere(client, release)
    release.status = "draft"
    release.save()
    assert visible_anywhere(client, release) == []
    for path in own_addresses(release):
        assert client.get(path).status_code == 404, path
