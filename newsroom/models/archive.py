from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone, translation

from core.languages import LANGUAGE_CODES
from core.transactions import once_on_commit

from .releases import PressRelease

# {database: years} noted by saves and deletions inside `ArchiveYear.objects.counted_once()`.
years_to_count = ContextVar("archive_years_to_count", default=None)


class ArchiveYearQuerySet(models.QuerySet):
    def recount(self, years=None):
        """Count again, from the releases, the published ones of `years` (default: every
        year) in each language.

        Safe under concurrency by construction: the rows of those years are made to
        exist, then locked in one order (PostgreSQL; SQLite's write transactions run
        one at a time), and only then counted. A transaction saving a release of the
        same year waits for the lock, and its count, made after, sees this one's
        release once committed.
        """
        database = self.db
        noted = years_to_count.get()
        if noted is not None and years is not None:
            noted.setdefault(database, set()).update(years)
            return
        published = PressRelease.objects.using(database).filter(
            status=PressRelease.Status.PUBLISHED
        )
        if years is None:
            years = set(published.values_list("published_year", flat=True).distinct())
            years |= set(ArchiveYear.objects.using(database).values_list("year", flat=True))
        years = sorted(year for year in years if year is not None)
        if not years:
            return
        rows = ArchiveYear.objects.using(database)
        with transaction.atomic(using=database):
            rows.bulk_create(
                [ArchiveYear(language=code, year=year, releases=0)
                 for year in years for code in LANGUAGE_CODES],
                ignore_conflicts=True,
            )  # fmt: skip
            locked = rows.select_for_update().filter(year__in=years).order_by("language", "year")
            counted = {(row.language, row.year): row for row in locked}
            for (code, year), row in counted.items():
                # An index-only range scan of the language's public index: the year's
                # bounds in the institution's time zone, as `published_year` is.
                total = published.filter(
                    published_at__year=year, **{f"is_publishable_{code}": True}
                ).aggregate(releases=models.Count("pk"), latest=models.Max("published_at"))
                row.releases = total["releases"]
                row.latest_publication = total["latest"]
            rows.bulk_update(counted.values(), ["releases", "latest_publication"])
            rows.filter(year__in=years, releases=0).delete()

    @contextmanager
    def counted_once(self):
        """Saves and deletions of releases in this block note the years they touch, and
        these are counted once as it ends, still inside the caller's transaction: a bulk
        action on 500 releases counts each year once instead of 500 times."""
        if years_to_count.get() is not None:  # an enclosing block counts them
            yield
            return
        noted = {}
        token = years_to_count.set(noted)
        try:
            yield
        finally:
            years_to_count.reset(token)
        for database, years in noted.items():
            ArchiveYear.objects.using(database).recount(years)

    def recount_after_commit(self, years):
        """Recount `years` once the current transaction commits, once for all the
        releases it saved: loading a backup (raw saves) restores the counts it holds
        first, then counts them again."""
        database = self.db
        once_on_commit(
            database,
            "archive years",
            years,
            lambda years: ArchiveYear.objects.using(database).recount(years),
        )

    def public_counts(self, language=None):
        """{year: public releases in `language`}, newest year first, empty years left out.

        What `PressRelease.objects.public(language)` holds, per year, read from a few
        rows: minus the releases whose publication time is still to come.
        """
        language = language or translation.get_language()
        now = timezone.now()
        rows = self.filter(language=language, releases__gt=0).values_list(
            "year", "releases", "latest_publication"
        )
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
    release. The years a save or a deletion touches are counted again in its
    transaction (`ArchiveYearQuerySet.recount`)."""

    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    year = models.PositiveSmallIntegerField()
    releases = models.PositiveIntegerField()
    # When the last of them goes live: until then, some are scheduled, not yet public.
    latest_publication = models.DateTimeField(null=True)

    objects = ArchiveYearQuerySet.as_manager()

    class Meta:
        ordering = ["language", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["language", "year"], name="unique_archive_year")
        ]

    def __str__(self):
        return f"{self.year} ({self.language}): {self.releases}"
