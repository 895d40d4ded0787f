"""Never a stale page, whatever the configuration: after a change commits, the next
request to any worker of a server shows it; a cache its workers cannot share is
refused."""

import subprocess
import sys

import pytest

from newsroom.benchmarks.client import Browser
from tests.reliability.server import (
    ROOT,
    gunicorn,
    manage,
    own_database,
    server_environment,
)

pytestmark = pytest.mark.slow

WORKERS = 3
SETUP = """
from newsroom.models import PressRelease
from core.models import Institution
PressRelease.objects.create(
    title_fr="Communiqué partagé", slug_fr="communique-partage", body_fr="<p>Texte.</p>",
    ready_fr=True, status="published", dateline="Alès",
)
Institution.load()
"""
UNPUBLISH = """
from newsroom.models import PressRelease
release = PressRelease.objects.get(slug_fr="communique-partage")
release.status = "draft"
release.save()
"""
RENAME = """
from core.models import Institution
institution = Institution.load()
institution.name = "École renommée"
institution.save()
"""


@pytest.fixture(params=["files", "none"])
def server(request, tmp_path):
    """make serve-prod's defaults: several workers, their cache in files; and several
    workers with no cache, each keeping what it read (the institution, awards)."""
    cache_url = f"file://{tmp_path / 'cache'}" if request.param == "files" else "dummy://"
    with own_database(tmp_path) as database_url:
        environment = server_environment(
            database_url, tmp_path / "media", DJANGO_CACHE_URL=cache_url
        )
        manage(environment, "migrate", "--no-input", "-v", "0")
        manage(environment, "shell", "-v", "0", code=SETUP)
        with gunicorn(environment, workers=WORKERS) as base:
            yield Browser(base), environment


def test_a_change_shows_on_every_worker_at_once(server):
    """Unpublished or renamed through one process, every worker shows it next request."""
    browser, environment = server
    release_page = "/fr/actualites/communique-partage/"
    for _ in range(4 * WORKERS):  # every worker has the pages cached
        assert browser.request(release_page)[0] == 200
        assert "IMT Mines Alès" in browser.request("/fr/")[1]
    manage(environment, "shell", "-v", "0", code=UNPUBLISH)
    manage(environment, "shell", "-v", "0", code=RENAME)
    for _ in range(4 * WORKERS):
        assert browser.request(release_page)[0] == 404
        assert "École renommée" in browser.request("/fr/")[1]


def test_a_cache_several_workers_cannot_share_is_refused(tmp_path):
    """gunicorn with several workers and a local-memory cache stops and says why."""
    environment = server_environment(
        f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path, DJANGO_CACHE_URL="locmem://"
    )
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "-c", "python:config.gunicorn_conf",
         "--bind", "127.0.0.1:0", "--workers", "3", "config.wsgi"],
        env=environment, cwd=ROOT, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode != 0
    assert "cannot share a local-memory cache" in result.stderr
