"""Which rankings and awards the public may see: the release app's rule, as it joins the
two (the rankings layer knows nothing of releases).

A ranking result is news, and often embargoed news: an award shows on public pages only
once a release announcing it is public (in some language: the news is out). An award
no release announces shows from its own date ("current from"), or at once without one.
A ranking shows with its first visible award, or at once while it has none (its name
is not news).

Each of these moments is written on the award and the ranking (`public_from`) whenever
what decides it is saved (`refresh_visibility`), so that a page asks only "has that
moment passed?": the clock alone then reveals a scheduled announcement, as it does the
release. Building the rule as a query on every page was a quarter of a search's work
(docs/architecture.md, Derived data).
"""

from datetime import datetime, time

from django.db import DEFAULT_DB_ALIAS, models, transaction
from django.utils import timezone

from core.languages import LANGUAGE_CODES
from core.transactions import once_on_commit
from rankings.models import ALWAYS, Award, Ranking

from .releases import PressRelease, going_public_in


def public_awards():
    """Awards the public may see."""
    return Award.objects.filter(public_from__lte=timezone.now())


def public_rankings():
    """Rankings the public may see."""
    return Ranking.objects.filter(public_from__lte=timezone.now())


def refresh_visibility(awards=None, rankings=(), using=DEFAULT_DB_ALIAS):
    """Write again from when the public may see `awards` (ids; default: every award),
    their rankings and `rankings` (ids: those an award just left).

    Safe under concurrency as `ArchiveYear.objects.recount` is: the rows are locked,
    awards then rankings, each in the order of their ids, before what decides them is
    read. A transaction refreshing the same rows waits, and reads what this one wrote
    once it commits. The lock lets the links to an award be written meanwhile (NO KEY).
    """
    with transaction.atomic(using=using):
        locked = Award.objects.using(using).select_for_update(no_key=True).order_by("pk")
        if awards is not None:
            locked = locked.filter(pk__in=list(awards))
        awards = list(locked.only("pk", "ranking_id", "valid_from", "public_from"))
        for award, public_from in zip(awards, award_moments(awards, using), strict=True):
            award.public_from = public_from
        Award.objects.using(using).bulk_update(awards, ["public_from"])
        rankings = {*rankings, *(award.ranking_id for award in awards)}
        refresh_rankings(rankings, using)


def award_moments(awards, using):
    """From when the public may see each of `awards`: its first announcement that may
    go public, if a release announces it; else its own date."""
    links = PressRelease.awards.through.objects.using(using).filter(
        award_id__in=[award.pk for award in awards]
    )
    announced = set(links.values_list("award_id", flat=True))
    firsts = dict(
        links.filter(pressrelease__in=PressRelease.objects.filter(going_public_in(*LANGUAGE_CODES)))
        .values("award_id")
        .annotate(first=models.Min("pressrelease__published_at"))
        .values_list("award_id", "first")
    )
    for award in awards:
        if award.pk in announced:
            yield firsts.get(award.pk)
        elif award.valid_from is None:
            yield ALWAYS
        else:  # the start of that day where the institution is, as localdate() reads it
            yield timezone.make_aware(datetime.combine(award.valid_from, time.min))


def refresh_rankings(ids, using):
    rankings = list(
        Ranking.objects.using(using)
        .select_for_update(no_key=True)
        .filter(pk__in=list(ids))
        .order_by("pk")
        .only("pk", "public_from")
    )
    firsts = dict(
        Award.objects.using(using)
        .filter(ranking_id__in=[ranking.pk for ranking in rankings])
        .values("ranking_id")
        .annotate(first=models.Min("public_from"))
        .values_list("ranking_id", "first")
    )
    for ranking in rankings:
        ranking.public_from = firsts.get(ranking.pk, ALWAYS)
    Ranking.objects.using(using).bulk_update(rankings, ["public_from"])


def refresh_visibility_after_commit(using):
    """Refresh every award and ranking once the current transaction commits: after a
    backup is loaded or a revision restored (raw saves, in any order), once however
    many rows it saves."""
    once_on_commit(using, "award visibility", (), lambda _: refresh_visibility(using=using))


# Receivers of the saves and deletions that decide it (connected in newsroom/apps.py).


def refresh_announced(sender, instance, action, reverse, pk_set, using, **kwargs):
    """Links added or removed between releases and awards: those awards' visibility."""
    if reverse:  # award.releases.add(…): the instance is the award
        awards = {instance.pk}
    elif action == "pre_clear":
        instance.cleared_awards = set(instance.awards.values_list("pk", flat=True))
        return
    else:
        awards = instance.__dict__.pop("cleared_awards", None) or pk_set or ()
    if action in ("post_add", "post_remove", "post_clear"):
        refresh_visibility(awards, using=using)


def note_announced(sender, instance, using, **kwargs):
    instance.deleted_awards = set(instance.awards.values_list("pk", flat=True))


def refresh_announced_by_deleted(sender, instance, using, **kwargs):
    """A deleted release no longer announces its awards (its links went with it)."""
    refresh_visibility(getattr(instance, "deleted_awards", ()), using=using)


def note_ranking(sender, instance, raw, using, **kwargs):
    """The ranking an award is moved from, whose visibility may change with it."""
    if instance.pk is not None and not raw:
        stored = sender.objects.using(using).filter(pk=instance.pk)
        instance.stored_ranking_id = stored.values_list("ranking_id", flat=True).first()


def refresh_award(sender, instance, raw, using, **kwargs):
    if raw:
        refresh_visibility_after_commit(using)
        return
    earlier = getattr(instance, "stored_ranking_id", None)
    refresh_visibility([instance.pk], rankings=[earlier] if earlier else (), using=using)


def refresh_award_left(sender, instance, using, **kwargs):
    """A deleted award leaves its ranking (which may have no award left)."""
    with transaction.atomic(using=using):
        refresh_rankings([instance.ranking_id], using)


def refresh_after_raw_ranking(sender, instance, raw, using, **kwargs):
    if raw:
        refresh_visibility_after_commit(using)
