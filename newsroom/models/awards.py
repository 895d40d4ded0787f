"""Which rankings and awards the public may see: the release app's rule, as it joins the
two (the rankings layer knows nothing of releases).

A ranking result is news, and often embargoed news: an award shows on public pages only
once a release announcing it is public (in some language: the news is out). An award
no release announces shows from its own date ("current from"), or at once without one.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from rankings.models import Award, Ranking

from .releases import PressRelease


def public_awards():
    """Awards the public may see."""
    releases = PressRelease.objects.public_in_any_language()
    announced_publicly = Exists(releases.filter(awards=OuterRef("pk")))
    announced = Exists(PressRelease.awards.through.objects.filter(award=OuterRef("pk")))
    dated = Q(valid_from__isnull=True) | Q(valid_from__lte=timezone.localdate())
    return Award.objects.filter(announced_publicly | (~announced & dated))


def public_rankings():
    """Rankings with an award the public may see, or with no award yet (their name is
    not news); a ranking whose every result still waits stays out of sight."""
    awards = public_awards().filter(ranking=OuterRef("pk"))
    any_award = Award.objects.filter(ranking=OuterRef("pk"))
    return Ranking.objects.filter(Exists(awards) | ~Exists(any_award))
