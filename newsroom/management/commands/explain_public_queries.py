from django.core.management.base import BaseCommand
from django.db import connection

from newsroom.models import ArchiveYear, PressRelease


class Command(BaseCommand):
    help = (
        "Print the database's plan (EXPLAIN ANALYZE on PostgreSQL) for the public "
        "queries: news list page 1, a deep page, a release by slug, the archive's "
        "counts, and a search with its count."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", default="fr")
        parser.add_argument("--per-page", type=int, default=12)
        parser.add_argument("--deep-page", type=int, default=400)
        parser.add_argument("--search", default="classement", help="the words searched for")

    def handle(self, *args, language, per_page, deep_page, search, **options):
        public = PressRelease.objects.public(language).for_listing()
        slug = public.values_list(f"slug_{language}", flat=True)[per_page * 10]
        queries = {
            "news list, page 1": public[:per_page],
            f"news list, page {deep_page}": public[per_page * (deep_page - 1) :][:per_page],
            "release by slug": PressRelease.objects.public(language).filter(
                **{f"slug_{language}": slug}
            ),
            "archive counts (years, pages)": ArchiveYear.objects.filter(language=language),
            f"search for “{search}”": public.search(search, language)[:per_page],
            f"count of the search for “{search}”": public.search(search, language).order_by(),
        }
        analyze = {"analyze": True} if connection.vendor == "postgresql" else {}
        self.stdout.write(f"{PressRelease.objects.count():,} releases, {connection.vendor}")
        for name, queryset in queries.items():
            plan = (
                queryset.explain(**analyze)
                if not name.startswith("count")
                else self.explain_count(queryset, analyze)
            )
            self.stdout.write(f"\n### {name}\n\n```\n{plan}\n```")

    def explain_count(self, queryset, analyze):
        sql, params = queryset.query.get_compiler(queryset.db).as_sql()
        prefix = "EXPLAIN ANALYZE" if analyze else "EXPLAIN QUERY PLAN"
        with connection.cursor() as cursor:
            cursor.execute(f"{prefix} SELECT COUNT(*) FROM ({sql}) AS releases", params)
            return "\n".join(" ".join(map(str, row)) for row in cursor.fetchall())
