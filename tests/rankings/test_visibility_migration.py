"""Migration newsroom 0019 writes, for the awards and rankings already there, from when
the public may see them: what the rule gave before it was written down."""

from datetime import timedelta

import pytest
from django.utils import timezone

from rankings.models import ALWAYS
from tests.migrating import migrate

BEFORE = [("newsroom", "0018_release_and_asset_versions"), ("rankings", "0004_versions")]
AFTER = [("newsroom", "0019_award_and_ranking_visibility")]
pytestmark = pytest.mark.usefixtures("latest_schema_after")


@pytest.mark.django_db(transaction=True)
def test_existing_awards_and_rankings_get_their_moment():
    old = migrate(BEFORE)
    Ranking, Award = (old.get_model("rankings", name) for name in ("Ranking", "Award"))
    Release = old.get_model("newsroom", "PressRelease")
    common = {"year": 2021, "scope": "national", "result_kind": "rank", "rank": 1,
              "category_fr": "Enseignement"}  # fmt: skip
    announced, waiting, empty = (Ranking.objects.create(name_fr=name, slug=name)
                                 for name in ("annonce", "attente", "vide"))  # fmt: skip
    yesterday = timezone.now() - timedelta(days=1)
    release = Release.objects.create(
        title_fr="Publié", slug_fr="publie", body_fr="<p>Texte.</p>", ready_fr=True,
        dateline="Alès", status="published", published_at=yesterday,
    )  # fmt: skip
    draft = Release.objects.create(
        title_fr="Brouillon", slug_fr="brouillon", body_fr="<p>Texte.</p>", ready_fr=True,
        dateline="Alès", status="draft",
    )  # fmt: skip
    public = Award.objects.create(ranking=announced, **common)
    release.awards.add(public)
    secret = Award.objects.create(ranking=waiting, **common)
    draft.awards.add(secret)
    undated = Award.objects.create(ranking=waiting, **{**common, "year": 2020})

    new = migrate(AFTER)
    Award, Ranking = (new.get_model("rankings", name) for name in ("Award", "Ranking"))
    assert Award.objects.get(pk=public.pk).public_from == yesterday
    assert Award.objects.get(pk=secret.pk).public_from is None
    assert Award.objects.get(pk=undated.pk).public_from == ALWAYS
    moments = dict(Ranking.objects.values_list("slug", "public_from"))
    assert moments == {"annonce": yesterday, "attente": ALWAYS, "vide": ALWAYS}
