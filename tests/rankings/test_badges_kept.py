"""A process keeps the awards its lists show, and never shows one as it was before a
change: an award or its ranking edited, restored from a revision, or a newer edition."""

import pytest
import reversion
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Version

from tests.factories import AwardFactory, PressReleaseFactory, RankingFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def award():
    ranking = RankingFactory(name_en="U-Multirank")
    award = AwardFactory(ranking=ranking, label_en="Best school")
    PressReleaseFactory().awards.add(award)
    return award


def news(client):
    return client.get("/en/news/").content.decode()


def test_an_unchanged_award_is_not_read_again(client, award):
    """The second list reads the links, not the awards."""
    with CaptureQueriesContext(connection) as first:
        assert "Best school" in news(client)
    with CaptureQueriesContext(connection) as second:
        assert "Best school" in news(client)
    assert len(second) == len(first) - 1


def test_an_edited_award_shows_at_once(client, award):
    assert "Best school" in news(client)
    award.label_en = "Best engineering school"
    award.save()
    assert "Best engineering school" in news(client)


def test_a_release_page_shows_an_edited_award_at_once(client, award):
    """The release page reuses the kept awards too, and its feed labels as well."""
    release = award.releases.get()
    assert "Best school" in client.get(release.get_absolute_url("en")).content.decode()
    award.label_en = "Best engineering school"
    award.save()
    page = client.get(release.get_absolute_url("en")).content.decode()
    assert "Best engineering school" in page
    assert "Best school" not in page
    assert (
        "<category>Best engineering school</category>"
        in client.get("/en/news/rss/").content.decode()
    )


def test_a_renamed_ranking_shows_at_once(client):
    ranking = RankingFactory(name_en="U-Multirank")
    PressReleaseFactory().awards.add(AwardFactory(ranking=ranking))
    assert "U-Multirank 2021" in news(client)
    ranking.name_en = "U-Multirank (EU)"
    ranking.save()
    page = news(client)
    assert "U-Multirank (EU) 2021" in page
    assert "U-Multirank 2021" not in page


def test_a_restored_award_revision_shows_at_once(client, award):
    with reversion.create_revision():
        award.save()
    award.label_en = "Changed label"
    award.save()
    assert "Changed label" in news(client)
    Version.objects.get_for_object(award).get().revert()
    assert "Best school" in news(client)
