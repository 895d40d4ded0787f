"""Whether a newer edition supersedes an award is stored with the award, and follows
every change to any award: created, edited, deleted, or restored from a revision."""

import pytest
import reversion
from reversion.models import Version

from rankings.models import Award
from tests.factories import AwardFactory, RankingFactory

pytestmark = pytest.mark.django_db

ARCHIVED = "Earlier result (archive)"


def superseded(*awards):
    return [Award.objects.get(pk=award.pk).superseded for award in awards]


@pytest.fixture
def editions():
    ranking = RankingFactory(name_fr="U-Multirank", name_en="U-Multirank", slug="u-multirank")
    return ranking, AwardFactory(ranking=ranking, year=2021)


def test_a_newer_edition_archives_the_older_on_every_page(client, editions):
    """Saving the 2022 edition moves 2021 to the archive: home and ranking page."""
    ranking, older = editions
    assert "U-Multirank 2021" in client.get("/en/").content.decode()
    AwardFactory(ranking=ranking, year=2022)
    assert superseded(older) == [True]
    home = client.get("/en/").content.decode()
    assert "U-Multirank 2022" in home
    assert "U-Multirank 2021" not in home
    assert client.get("/en/rankings/u-multirank/").content.decode().count(ARCHIVED) == 1


def test_editing_or_deleting_the_newer_edition_brings_the_older_back(client, editions):
    """A newer edition moved to another category, or deleted, supersedes nothing."""
    ranking, older = editions
    newer = AwardFactory(ranking=ranking, year=2022)
    newer.category_fr, newer.category_en = "Recherche", "Research"
    newer.save()
    assert superseded(older, newer) == [False, False]
    newer.category_fr = older.category_fr
    newer.save()
    assert superseded(older, newer) == [True, False]
    newer.delete()
    assert superseded(older) == [False]
    assert ARCHIVED not in client.get("/en/rankings/u-multirank/").content.decode()
    assert "U-Multirank 2021" in client.get("/en/").content.decode()


def test_only_the_same_kind_of_result_supersedes(editions):
    """Another scope or kind of result, or an older year, leaves an award current."""
    ranking, older = editions
    AwardFactory(ranking=ranking, year=2022, scope=Award.Scope.WORLD)
    AwardFactory(ranking=ranking, year=2020)
    AwardFactory(ranking=RankingFactory(), year=2023)
    assert superseded(older) == [False]
    assert Award.objects.filter(superseded=True).count() == 1  # the 2020 edition


def test_restoring_an_awards_revision_stores_it_again(editions):
    """Restoring an award's older revision (a raw save, as the admin's restore does)
    recomputes what it supersedes."""
    ranking, older = editions
    newer = AwardFactory(ranking=ranking, year=2019)
    with reversion.create_revision():
        newer.save()
    newer.year = 2023
    newer.save()
    assert superseded(older, newer) == [True, False]
    Version.objects.get_for_object(newer).get().revert()
    assert Award.objects.get(pk=newer.pk).year == 2019
    assert superseded(older, newer) == [False, True]
