"""A ranking result announced only by an embargoed or unpublished release stays out of
every public page until a release announcing it is public (issue 18, point 1)."""

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from tests.factories import AwardFactory, PressReleaseFactory, RankingFactory

pytestmark = pytest.mark.django_db

SECRET = "Impact secret"


@pytest.fixture
def secret_award():
    ranking = RankingFactory(name_fr=SECRET, name_en=SECRET, slug="impact-secret")
    return AwardFactory(ranking=ranking, category_fr="Catégorie secrète", category_en="Secret")


def public_pages(client):
    pages = ["/fr/", "/en/", "/fr/classements/", "/en/rankings/", "/fr/recherche/",
             "/en/search/", "/sitemap-rankings.xml"]  # fmt: skip
    return "".join(client.get(path).content.decode() for path in pages)


@pytest.mark.parametrize("state", ["embargoed", "draft", "scheduled"])
def test_an_award_waits_for_its_release(client, secret_award, state):
    lift = timezone.now() + timedelta(days=2)
    fields = {"embargoed": {"embargo_until": lift}, "draft": {"draft": True},
              "scheduled": {"published_at": lift}}[state]  # fmt: skip
    release = PressReleaseFactory(title_en="The announcement", **fields)
    release.awards.add(secret_award)
    PressReleaseFactory(title_fr="Un autre communiqué")  # the site is not empty
    assert SECRET not in public_pages(client)
    assert client.get("/fr/classements/impact-secret/").status_code == 404
    assert client.get("/fr/classements/impact-secret/rss/").status_code == 404
    if state != "draft":
        with time_machine.travel(lift + timedelta(minutes=1)):
            assert SECRET in client.get("/fr/classements/").content.decode()
            assert client.get("/fr/classements/impact-secret/").status_code == 200


def test_an_award_no_release_announces_shows_from_its_date(client, secret_award):
    secret_award.valid_from = timezone.localdate() + timedelta(days=3)
    secret_award.save()
    assert SECRET not in public_pages(client)
    with time_machine.travel(timezone.now() + timedelta(days=4)):
        assert SECRET in client.get("/en/rankings/").content.decode()


def test_an_award_shows_with_its_public_release(client, secret_award):
    PressReleaseFactory().awards.add(secret_award)
    assert SECRET in client.get("/fr/classements/").content.decode()
    assert client.get("/fr/classements/impact-secret/").status_code == 200
