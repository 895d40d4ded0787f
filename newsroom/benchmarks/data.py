"""Releases for the benchmarks: bilingual (one in five French-only), two awards and a
press contact each, one an hour back from the last hour, all public. Bulk-created
once; a later run with more releases adds the missing ones."""

import uuid
from datetime import timedelta

from django.db import connection, transaction
from django.utils import timezone

from newsroom.models import ArchiveYear, Contact, PressRelease, ReleaseContact
from newsroom.models.awards import refresh_visibility
from rankings.models import Award, Ranking

PARAGRAPH_FR = (
    "<p>L’école poursuit ses travaux sur les matériaux, l’environnement et les risques, "
    "avec ses partenaires industriels et académiques de la région Occitanie.</p>"
)
PARAGRAPH_EN = (
    "<p>The school pursues its work on materials, the environment and risks, with its "
    "industrial and academic partners in the Occitanie region.</p>"
)


def generated_releases():
    return PressRelease.objects.filter(slug_fr__startswith="bench-")


@transaction.atomic
def generate_releases(count):
    """Bulk-create bilingual releases (one in five French-only) with awards and contacts."""
    missing = count - generated_releases().count()
    if missing <= 0:
        return 0
    ranking, _created = Ranking.objects.get_or_create(
        slug="bench-ranking", defaults={"name_fr": "U-Multirank", "name_en": "U-Multirank"}
    )
    awards = [
        Award.objects.create(
            ranking=ranking,
            year=2010 + n % 15,
            scope="national",
            result_kind="rank",
            rank=n % 9 + 1,
            category_fr=f"Catégorie {n}",
            category_en=f"Category {n}",
        )  # fmt: skip
        for n in range(40)
    ]
    contact, _created = Contact.objects.get_or_create(
        email="bench@example.org", defaults={"name_fr": "Service presse"}
    )
    # One release an hour, the newest an hour ago: all public, years of archive.
    newest = timezone.now().replace(minute=0, second=0, microsecond=0)
    offset = count - missing
    new = []
    for n in range(offset, count):
        english = n % 5 != 0
        new.append(
            PressRelease(
                uuid=uuid.uuid4(),
                status=PressRelease.Status.PUBLISHED,
                published_at=newest - timedelta(hours=n + 1),
                published_year=timezone.localtime(newest - timedelta(hours=n + 1)).year,
                dateline="Alès",
                title_fr=f"Communiqué de presse numéro {n} sur le classement de l’école",
                slug_fr=f"bench-{n}-fr",
                standfirst_fr="Un chapô qui résume le communiqué en une phrase.",
                body_fr=PARAGRAPH_FR * 4,
                title_en=f"Press release number {n} on the school's ranking" if english else "",
                slug_en=f"bench-{n}-en" if english else None,
                standfirst_en="A standfirst summing up the release." if english else "",
                body_en=PARAGRAPH_EN * 4 if english else "",
                ready_fr=True,
                ready_en=english,
            )
        )
    PressRelease.objects.bulk_create(new, batch_size=1000)
    created = generated_releases().order_by("pk")
    ids = list(created.values_list("pk", flat=True)[offset:])
    links = PressRelease.awards.through
    links.objects.bulk_create(
        [links(pressrelease_id=pk, award_id=awards[(pk + k) % 40].pk)
         for pk in ids for k in range(2)],
        batch_size=5000,
    )  # fmt: skip
    ReleaseContact.objects.bulk_create(
        [ReleaseContact(release_id=pk, contact=contact) for pk in ids], batch_size=5000
    )
    PressRelease.objects.filter(pk__in=ids).refresh_derived_fields()
    ArchiveYear.objects.recount()
    refresh_visibility()
    return len(ids)


def analyze():
    """On PostgreSQL, fresh statistics and visibility map, as autovacuum leaves a table
    after a load (without it, PostgreSQL reads the table where its indexes alone would
    do). SQLite gathers no statistics by itself, and none are made for it here."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
