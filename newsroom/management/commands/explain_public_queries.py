from django.core.management.base import BaseCommand
from django.db import connection

from newsroom.models import ArchiveYear, PressRelease
from newsroom.search import MAX_RESULTS


class Command(BaseCommand):
    help = (
        "Print the database's plan (EXPLAIN ANALYZE on PostgreSQL) for the public "
        "queries: news list page 1, a deep page, a release by slug, the archive's "
        "counts, and a search (its matches, then a page's releases)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", default="fr")
        parser.add_argument("--per-page", type=int, default=12)
        parser.add_argument("--deep-page", type=int, default=400)
        parser.add_argument("--search", default="classement", help="the words searched for")

    def handle(self, *args, language, per_page, deep_page, search, **options):
        public = PressRelease.objects.public(language).for_listing()
        results = PressRelease.objects.public(language).for_links().search(search, language)
        slug = public.values_list(f"slug_{language}", flat=True)[per_page * 10]
        queries = {
            "news list, page 1": public[:per_page],
            f"news list, page {deep_page}": public[per_page * (deep_page - 1) :][:per_page],
            "release by slug": PressRelease.objects.public(language).filter(
                **{f"slug_{language}": slug}
            ),
            "archive counts (years, pages)": ArchiveYear.objects.filter(language=language),
            f"search for “{search}”, its newest {MAX_RESULTS:,} matches": results.newest(),
            f"search for “{search}”, the releases of its page 1": results.releases(
                results.ids[:per_page]
            ),
        }
        analyze = {"analyze": True} if connection.vendor == "postgresql" else {}
        self.stdout.write(f"{PressRelease.objects.count():,} releases, {connection.vendor}")
        for name, queryset in queries.items():
            self.stdout.write(f"\n### {name}\n\n```\n{queryset.explain(**analyze)}\n```")
