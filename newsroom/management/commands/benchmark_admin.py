"""`make bench-admin`: the press office's admin and the sitemap at 100,000 releases.

Fills the database DATABASE_URL names (PostgreSQL by default in `make bench-admin`,
created when missing) with the benchmark's releases, serves the project with the
production configuration (gunicorn, 2 workers, debug off, no page cache), signs in
as an editor's browser would and times, over HTTP: the release list, the admin
search, the translation board, a change form, saves through it, a bulk action on 500
releases each way, and every section of the sitemap. Prints each figure with its
target (issue 17) and writes them to docs/performance.md. Not part of `make test`.
"""

import math
import re
import secrets
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from newsroom.admin import PressReleaseAdmin
from newsroom.benchmarks.client import Browser
from newsroom.benchmarks.data import analyze, generate_releases, generated_releases
from newsroom.benchmarks.report import write_report
from newsroom.benchmarks.server import prepare_database, start_gunicorn
from newsroom.models import PressRelease

LIST = "/admin/newsroom/pressrelease/"
# Upper bounds in milliseconds (the bulk action's in seconds), from issue 17.
TARGETS = {
    "release list, page 1": 200,
    "release list, page 200 (or the last)": 200,
    "search, a rare word": 200,
    "search, a word in every release": 200,
    "translation board": 100,
    "change form": 200,
    "save": 100,
    "sitemap index": 1000,
    "sitemap section, slowest": 1000,
}
BULK_TARGET_SECONDS = 10


class Command(BaseCommand):
    help = "Time the admin and the sitemap over HTTP on a large database (docs/performance.md)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--releases", type=int, default=100_000)
        parser.add_argument("--repeat", type=int, default=5, help="timings per page (median)")
        parser.add_argument("--bulk", type=int, default=500, help="releases per bulk action")
        parser.add_argument("--port", type=int, default=8102)
        parser.add_argument("--output", default=str(settings.BASE_DIR / "docs/performance.md"))

    def handle(self, *args, releases, repeat, bulk, port, output, **options):
        prepare_database()
        started = time.monotonic()
        created = generate_releases(releases)
        if created:
            analyze()
        self.stdout.write(
            f"Data: {PressRelease.objects.count():,} releases on {connection.vendor} "
            f"({created:,} created in {time.monotonic() - started:.0f} s)"
        )
        username, password = "bench-admin", secrets.token_urlsafe(16)
        user, _created = get_user_model().objects.get_or_create(username=username)
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        server = start_gunicorn(
            port,
            DJANGO_CACHE_URL="dummy://",  # every page rendered: the admin has no page cache
            DJANGO_SECURE_COOKIES="0",
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
        )
        try:
            browser = Browser(f"http://127.0.0.1:{port}")
            browser.sign_in(username, password)
            timings = self.measure_pages(browser, repeat)
            timings["save"] = self.measure_saves(browser, repeat)
            bulk_seconds = self.measure_bulk_actions(browser, bulk)
        finally:
            server.terminate()
            server.wait(timeout=30)
        self.write(Path(output), timings, bulk_seconds, bulk, repeat)

    def timed(self, browser, path, data=None, expected=200):
        began = time.perf_counter()
        status, html = browser.request(path, data)
        elapsed = (time.perf_counter() - began) * 1000
        if status != expected:
            raise CommandError(f"{path} answered {status}, not {expected}")
        return elapsed, html

    def median_of(self, browser, path, repeat):
        self.timed(browser, path)  # compiled templates, connections
        return statistics.median(self.timed(browser, path)[0] for _ in range(repeat))

    def measure_pages(self, browser, repeat):
        release = generated_releases().order_by("-published_at").first()
        last_page = math.ceil(PressRelease.objects.count() / PressReleaseAdmin.list_per_page)
        pages = {
            "release list, page 1": LIST,
            "release list, page 200 (or the last)": f"{LIST}?p={min(200, last_page)}",
            # Generated titles hold their number: "4242" is in a few dozen of them.
            "search, a rare word": f"{LIST}?q=4242",
            "search, a word in every release": f"{LIST}?q=classement",
            "translation board": "/admin/translations/",
            "change form": f"{LIST}{release.pk}/change/",
            "sitemap index": "/sitemap.xml",
        }
        timings = {}
        for name, path in pages.items():
            timings[name] = self.median_of(browser, path, repeat)
            self.stdout.write(f"{name:34} {timings[name]:8.1f} ms")
        _elapsed, index = self.timed(browser, "/sitemap.xml")
        sections = [loc.replace("&amp;", "&") for loc in re.findall(r"<loc>([^<]+)</loc>", index)]
        section_times = [self.timed(browser, re.sub(r"^https?://[^/]+", "", loc))[0]
                         for loc in sections]  # fmt: skip
        timings["sitemap section, slowest"] = max(section_times)
        self.sitemap_sections = (len(sections), statistics.median(section_times))
        self.stdout.write(
            f"{'sitemap sections':34} {len(sections)} sections, median "
            f"{self.sitemap_sections[1]:.1f} ms, slowest {max(section_times):.1f} ms"
        )
        return timings

    def measure_saves(self, browser, repeat):
        """The change form posted back with a new standfirst, as an editor saves it."""
        release = generated_releases().order_by("-published_at")[1]
        path = f"{LIST}{release.pk}/change/"
        times = []
        for number in range(repeat + 1):
            form = browser.form(path)
            form["standfirst_fr"] = f"Un chapô réécrit pour la {number + 1}e fois."
            times.append(self.timed(browser, path, form, expected=302)[0])
        saved = PressRelease.objects.get(pk=release.pk).standfirst_fr
        if saved != f"Un chapô réécrit pour la {repeat + 1}e fois.":
            raise CommandError(f"The last save was not stored: {saved!r}")
        median = statistics.median(times[1:])
        self.stdout.write(f"{'save':34} {median:8.1f} ms")
        return median

    def measure_bulk_actions(self, browser, count):
        """Unpublish `count` releases from the list, then publish them again."""
        ids = list(
            generated_releases().order_by("-published_at").values_list("pk", flat=True)[:count]
        )
        seconds = {}
        for action, status in (("unpublish", "draft"), ("publish", "published")):
            data = {**browser.form(LIST), "action": action, "_selected_action": ids, "index": 0}
            seconds[action] = self.timed(browser, LIST, data, expected=302)[0] / 1000
            changed = PressRelease.objects.filter(pk__in=ids, status=status).count()
            if changed != len(ids):
                raise CommandError(f"{action}: {changed} of {len(ids)} releases changed")
            self.stdout.write(f"{action + f' {len(ids)} releases':34} {seconds[action]:8.1f} s")
        return seconds

    def write(self, output, timings, bulk_seconds, bulk, repeat):
        rows = [
            f"| {name} | {timings[name]:.1f} ms | under {target:,} ms | "
            f"{'met' if timings[name] < target else '**not met**'} |"
            for name, target in TARGETS.items()
        ]
        rows += [
            f"| {action} {bulk} releases | {seconds:.1f} s | under {BULK_TARGET_SECONDS} s | "
            f"{'met' if seconds < BULK_TARGET_SECONDS else '**not met**'} |"
            for action, seconds in bulk_seconds.items()
        ]
        sections, section_median = self.sitemap_sections
        database = f"{connection.vendor} {connection.Database.__name__}"
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SHOW server_version")
                database = f"PostgreSQL {cursor.fetchone()[0]}"
        text = f"""Measured by `make bench-admin` on {timezone.now():%Y-%m-%d %H:%M %Z}, {database},
{PressRelease.objects.count():,} releases (the benchmark's: one in five French-only,
so as many on the translation board); gunicorn with 2 workers, debug off, no page
cache; signed in as a superuser, over HTTP. Each page is the median of {repeat} requests
after one; a save is the change form posted back with a new standfirst (median of
{repeat}). The sitemap has {sections} sections (median {section_median:.0f} ms).

| what | time | target | |
| --- | ---: | --- | --- |
{chr(10).join(rows)}
"""
        write_report(output, text, name="make bench-admin")
        self.stdout.write(text)
        self.stdout.write(f"Written to {output}")
