from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation

from core.languages import LANGUAGE_CODES

from .releases import PressRelease


class ArchiveYearQuerySet(models.QuerySet):
    def recount(self):
        """Count again, from the releases, every year's published ones per language."""
        published = PressRelease.objects.filter(status=PressRelease.Status.PUBLISHED)
        per_language = {}
        for code in LANGUAGE_CODES:
            in_language = Q(**{f"is_publishable_{code}": True})
            per_language[code] = models.Count("pk", filter=in_language)
            per_language[f"{code}_latest"] = models.Max("published_at", filter=in_language)
        rows = published.order_by().values("published_year").annotate(**per_language)
        ArchiveYear.objects.all().delete()
        ArchiveYear.objects.bulk_create(
            ArchiveYear(
                language=code,
                year=row["published_year"],
                releases=row[code],
                latest_publication=row[f"{code}_latest"],
            )
            for row in rows
            for code in LANGUAGE_CODES
            if row[code]
        )

    def public_counts(self, language=None):
        """{year: public releases in `language`}, newest year first, empty years left out.

        What `PressRelease.objects.public(language)` holds, per year, read from a few
        rows: minus the releases whose publication time is still to come.
        """
        language = language or translation.get_language()
        now = timezone.now()
        rows = self.filter(language=language).values_list("year", "releases", "latest_publication")
        counts = {year: releases for year, releases, _latest in rows}
        if any(latest > now for _year, _releases, latest in rows):
            scheduled = PressRelease.objects.filter(
                status=PressRelease.Status.PUBLISHED,
                published_at__gt=now,
                **{f"is_publishable_{language}": True},
            ).values_list("published_year", flat=True)
            for year in scheduled:
                counts[year] = counts.get(year, 0) - 1
        return {year: counts[year] for year in sorted(counts, reverse=True) if counts[year] > 0}


class ArchiveYear(models.Model):
    """How many releases are published in one language in one year, scheduled ones
    included: the archive's years and the news list's page count without reading every
    release. Counted again whenever releases change (`refresh_derived_fields`)."""

    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    year = models.PositiveSmallIntegerField()
    releases = models.PositiveIntegerField()
    # When the last of them goes live: until then, some are scheduled, not yet public.
    latest_publication = models.DateTimeField()

    objects = ArchiveYearQuerySet.as_manager()

    class Meta:
        ordering = ["language", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["language", "year"], name="unique_archive_year")
        ]

    def __str__(self):
        return f"{self.year} ({self.language}): {self.releases}"
