"""What held under faults stays held, on the production configuration (PostgreSQL,
Redis, gunicorn): two app servers see each other's changes at once, including
badges, and share their media; a dropped database connection and a killed worker cost
no request after them."""

import os
import signal
import subprocess
import time
import uuid

import pytest
from django.db import connection

from newsroom.benchmarks.client import Browser
from tests.reliability.server import (
    gunicorn,
    manage,
    own_database,
    server_environment,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="two app servers share one PostgreSQL and one Redis: the PostgreSQL run only",
    ),
]

SETUP = """
from newsroom.models import PressRelease
from rankings.models import Award, Ranking
ranking = Ranking.objects.create(name_fr="U-Multirank", name_en="U-Multirank", slug="u-multirank")
award = Award.objects.create(ranking=ranking, year=2021, scope="national", result_kind="rank",
                             rank=1, category_fr="Enseignement", category_en="Teaching")
release = PressRelease.objects.create(
    title_fr="Communiqué partagé", slug_fr="communique-partage", body_fr="<p>Texte.</p>",
    ready_fr=True, status="published", dateline="Alès",
)
release.awards.add(award)
from tests.factories import PictureFactory
release.hero = PictureFactory()
release.save()
print(release.hero.picture.url)
"""
RERANK = """
from rankings.models import Award
award = Award.objects.get()
award.rank = 2
award.save()
"""


@pytest.fixture
def two_servers(tmp_path):
    """Two app servers of two workers each, on one database, one Redis, one media."""
    redis_db = 11
    with own_database(tmp_path) as database_url:
        environment = server_environment(
            database_url,
            tmp_path / "media",
            DJANGO_CACHE_URL=f"redis://127.0.0.1:6379/{redis_db}",
        )
        manage(environment, "migrate", "--no-input", "-v", "0")
        picture = manage(environment, "shell", "-v", "0", code=SETUP).strip()
        manage(
            environment,
            "shell",
            "-v",
            "0",
            code="from django.core.cache import cache\ncache.clear()",
        )
        with gunicorn(environment, workers=2) as first, gunicorn(environment, workers=2) as second:
            yield Browser(first), Browser(second), environment, database_url, picture


def test_a_change_through_one_server_shows_on_the_other_at_once(two_servers):
    """An award edited on one server: the other's next page shows the new badge."""
    first, second, environment, _url, _picture = two_servers
    for browser in (first, second, first, second):
        assert "1re" in browser.request("/fr/actualites/")[1]
    manage(environment, "shell", "-v", "0", code=RERANK)
    for browser in (second, first, second, first):
        page = browser.request("/fr/actualites/")[1]
        assert "2e" in page and ">1re<" not in page


def test_both_servers_serve_the_same_media(two_servers):
    """A picture stored through one server (here, a shell) is served by both, with its
    renditions made by whichever is asked first."""
    first, second, _environment, _url, picture = two_servers
    for browser in (first, second):
        status, _body = browser.request(picture)
        assert status == 200
    page = second.request("/fr/actualites/communique-partage/")[1]
    rendition = page.split('srcset="')[1].split(" ")[0]
    assert first.request(rendition)[0] == 200


def test_a_dropped_database_connection_costs_no_request(two_servers):
    """PostgreSQL ends every connection of the site: the next requests all answer."""
    first, second, _environment, database_url, _picture = two_servers
    import psycopg

    for browser in (first, second):
        assert browser.request(f"/fr/?warm={uuid.uuid4()}")[0] == 200
    name = database_url.rsplit("/", 1)[1]
    with psycopg.connect(database_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", [name]
        )
    for browser in (first, second, first, second):
        assert browser.request(f"/fr/actualites/?uncached={uuid.uuid4()}")[0] == 200


def test_a_killed_worker_costs_no_request_after_it(two_servers):
    """A worker killed outright is replaced; the requests after it all answer."""
    first, _second, _environment, _url, _picture = two_servers
    port = first.base.rsplit(":", 1)[1]
    workers = subprocess.run(
        ["pgrep", "-f", f"127.0.0.1:{port}"], capture_output=True, text=True
    ).stdout.split()
    master = min(map(int, workers))
    worker = max(map(int, workers))
    assert worker != master
    os.kill(worker, signal.SIGKILL)
    time.sleep(1)
    for _ in range(10):
        assert first.request(f"/fr/?after-kill={uuid.uuid4()}")[0] == 200
