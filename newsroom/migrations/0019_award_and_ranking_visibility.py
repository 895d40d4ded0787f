"""From when the public may see each award and ranking (newsroom.models.awards), written
once for the rows already there; saves keep it from then on."""

from datetime import UTC, datetime, time

from django.db import migrations
from django.db.models import Min, Q
from django.utils import timezone

ALWAYS = datetime(2000, 1, 1, tzinfo=UTC)


def write_visibility(apps, schema_editor):
    Award = apps.get_model("rankings", "Award")
    Ranking = apps.get_model("rankings", "Ranking")
    PressRelease = apps.get_model("newsroom", "PressRelease")
    links = PressRelease.awards.through.objects.all()
    going_public = PressRelease.objects.filter(
        Q(is_publishable_fr=True) | Q(is_publishable_en=True), status="published"
    )
    announced = set(links.values_list("award_id", flat=True))
    firsts = dict(
        links.filter(pressrelease__in=going_public)
        .values("award_id")
        .annotate(first=Min("pressrelease__published_at"))
        .values_list("award_id", "first")
    )
    awards = list(Award.objects.all())
    for award in awards:
        if award.pk in announced:
            award.public_from = firsts.get(award.pk)
        elif award.valid_from is None:
            award.public_from = ALWAYS
        else:
            award.public_from = timezone.make_aware(datetime.combine(award.valid_from, time.min))
    Award.objects.bulk_update(awards, ["public_from"])
    rankings = list(Ranking.objects.all())
    firsts = dict(
        Award.objects.values("ranking_id")
        .annotate(first=Min("public_from"))
        .values_list("ranking_id", "first")
    )
    for ranking in rankings:
        ranking.public_from = firsts.get(ranking.pk, ALWAYS)
    Ranking.objects.bulk_update(rankings, ["public_from"])


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0018_release_and_asset_versions"),
        ("rankings", "0005_visibility"),
    ]

    operations = [migrations.RunPython(write_visibility, migrations.RunPython.noop)]
