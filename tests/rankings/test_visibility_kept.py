"""From when the public may see an award or a ranking is written on it at every save that
decides it (newsroom.models.awards): whatever editors do, in whatever order, the awards
and rankings public pages show are those the rule, asked live, gives — now and later."""

import threading
import time
from datetime import timedelta

import pytest
import time_machine
from django.core import serializers
from django.db import connection, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from newsroom.models import PressRelease
from newsroom.models.awards import public_awards, public_rankings, refresh_visibility
from rankings.models import Award, Ranking
from tests.factories import AwardFactory, PressReleaseFactory, RankingFactory
from tests.loading import LoadFailed, load

pytestmark = pytest.mark.django_db


def awards_by_the_rule():
    """The rule as one query, as pages asked it before it was written down."""
    releases = PressRelease.objects.public_in_any_language()
    announced_publicly = Exists(releases.filter(awards=OuterRef("pk")))
    announced = Exists(PressRelease.awards.through.objects.filter(award=OuterRef("pk")))
    dated = Q(valid_from__isnull=True) | Q(valid_from__lte=timezone.localdate())
    return set(Award.objects.filter(announced_publicly | (~announced & dated)))


def rankings_by_the_rule():
    shown = {award.ranking_id for award in awards_by_the_rule()}
    return {ranking for ranking in Ranking.objects.all() if ranking.pk in shown
            or not ranking.awards.exists()}  # fmt: skip


def assert_kept_right():
    """Now, and at each moment something is due to change, the written rule agrees."""
    moments = [timezone.now()]
    moments += [award.public_from for award in Award.objects.exclude(public_from=None)]
    moments += list(PressRelease.objects.values_list("published_at", flat=True))
    for moment in sorted(set(moments)):
        for when in (moment - timedelta(seconds=1), moment + timedelta(seconds=1)):
            if when < timezone.now() - timedelta(days=3650):
                continue
            with time_machine.travel(max(when, timezone.now())):
                assert set(public_awards()) == awards_by_the_rule(), when
                assert set(public_rankings()) == rankings_by_the_rule(), when


@pytest.fixture
def ranking():
    return RankingFactory()


def test_every_way_an_award_is_announced_keeps_it_right(ranking):
    undated = AwardFactory(ranking=ranking, valid_from=None)
    later = AwardFactory(ranking=RankingFactory(), valid_from=timezone.localdate() + timedelta(3))
    embargoed = AwardFactory(ranking=RankingFactory())
    empty = RankingFactory()
    assert_kept_right()
    assert set(public_rankings()) == {ranking, embargoed.ranking, empty}  # not announced yet

    scheduled = PressReleaseFactory(scheduled=True)
    scheduled.awards.add(embargoed, undated)  # announced: waits for its release now
    assert undated not in public_awards()
    assert_kept_right()

    published = PressReleaseFactory()
    embargoed.releases.add(published)  # from the award's side
    assert embargoed in public_awards()
    assert_kept_right()

    published.status = PressRelease.Status.DRAFT  # unpublished
    published.save()
    assert embargoed not in public_awards()
    assert_kept_right()

    scheduled.published_at = timezone.now() - timedelta(hours=1)  # published early
    scheduled.save()
    assert {undated, embargoed} <= set(public_awards())
    assert_kept_right()

    scheduled.awards.remove(undated)  # no longer announced: its own date again
    scheduled.awards.clear()
    scheduled.ready_fr = scheduled.ready_en = False  # no language may go public
    scheduled.save()
    embargoed.releases.add(scheduled)
    assert embargoed not in public_awards()
    assert_kept_right()

    later.releases.add(published)
    published.delete()  # its links go with it
    assert later not in public_awards()
    assert_kept_right()


def test_moving_or_deleting_an_award_keeps_both_rankings_right(ranking):
    other = RankingFactory()
    award = AwardFactory(ranking=ranking)
    PressReleaseFactory(scheduled=True).awards.add(award)
    assert set(public_rankings()) == {other}  # its only result waits
    award.ranking = other
    award.save()
    assert set(public_rankings()) == {ranking}  # no result left: its name is not news
    assert_kept_right()
    award.delete()
    assert set(public_rankings()) == {ranking, other}
    assert_kept_right()


def test_a_restored_revision_and_a_loaded_backup_are_counted_again(
    ranking, django_capture_on_commit_callbacks
):
    award = AwardFactory(ranking=ranking)
    release = PressReleaseFactory(draft=True)
    release.awards.add(award)
    with transaction.atomic():
        stored = serializers.serialize("json", [release])
    release.status = PressRelease.Status.PUBLISHED
    release.save()
    assert award in public_awards()
    # What loaddata does: raw saves, the awards counted again as the transaction commits.
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        for restored in serializers.deserialize("json", stored):
            restored.save()
        assert award in public_awards()  # not yet
    assert award not in public_awards()
    assert_kept_right()


def test_a_failed_load_leaves_the_next_one_counted(ranking, django_capture_on_commit_callbacks):
    """A rollback drops what was to run at its commit: the next raw save asks again."""
    award = AwardFactory(ranking=ranking)
    release = PressReleaseFactory(draft=True)
    release.awards.add(award)
    stored = serializers.serialize("json", [release])
    release.status = PressRelease.Status.PUBLISHED
    release.save()
    with pytest.raises(LoadFailed):
        load(stored, django_capture_on_commit_callbacks, fail=True)
    assert award in public_awards()
    load(stored, django_capture_on_commit_callbacks)
    assert award not in public_awards()


def test_publishing_in_the_admin_shows_the_award_on_the_rankings_page(superuser_client):
    ranking = RankingFactory(name_fr="Classement annoncé", slug="classement-annonce")
    release = PressReleaseFactory(in_review=True)
    release.awards.add(AwardFactory(ranking=ranking))
    assert "Classement annoncé" not in superuser_client.get("/fr/classements/").content.decode()
    response = superuser_client.post(
        "/admin/newsroom/pressrelease/",
        {"action": "publish", "_selected_action": [release.pk]},
    )
    assert response.status_code == 302
    assert "Classement annoncé" in superuser_client.get("/fr/classements/").content.decode()
    assert superuser_client.get("/fr/classements/classement-annonce/").status_code == 200


def test_refreshing_everything_finds_what_raw_writes_changed(ranking):
    award = AwardFactory(ranking=ranking)
    release = PressReleaseFactory(draft=True)
    release.awards.add(award)
    PressRelease.objects.filter(pk=release.pk).update(status=PressRelease.Status.PUBLISHED)
    assert award not in public_awards()  # an update() skips save(): nothing refreshed
    refresh_visibility()
    assert award in public_awards()
    assert_kept_right()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_two_editors_announcing_one_award_at_once():
    """The second waits for the first's lock, then reads its link: the award shows
    with the published release, whichever commits first."""
    award = AwardFactory(ranking=RankingFactory())
    published = PressReleaseFactory()
    scheduled = PressReleaseFactory(scheduled=True)
    first_linked = threading.Event()
    errors = []

    def announce(release, wait_before=None, hold=0.0):
        try:
            if wait_before:
                wait_before.wait(5)
            with transaction.atomic():
                release.awards.add(award)
                first_linked.set()
                time.sleep(hold)
        except Exception as error:  # noqa: BLE001 -- reported by the test
            errors.append(error)
        finally:
            connection.close()

    first = threading.Thread(target=announce, args=(published, None, 0.5))
    second = threading.Thread(target=announce, args=(scheduled, first_linked))
    first.start()
    second.start()
    first.join(10)
    second.join(10)
    assert not errors
    award.refresh_from_db()
    assert award.public_from == published.published_at
    assert award in public_awards()
    assert award.ranking in public_rankings()
