"""The reference servers of ../shared/bench-peers, measured in the same run as the
newsroom: a bare Django project serving a fixed 20 KB page (the most a Django process
serves) and a Wagtail newsroom with the same number of news pages, on the same
database engine. Built (with their own virtualenvs, from PyPI) and seeded on first
use into BENCH_TMP (default /tmp/bench), then reused."""

import os
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from .server import create_database

# The newsroom's pages and the Wagtail peer's pages that do the same job. Wagtail lists
# 20 items a page where the newsroom lists 12: its page 40 holds items 781–800, the
# newsroom's page 400 items 4,789–4,800; both are deep pages of the same list.
PEER_PATHS = {
    "news list, page 1": "/news/",
    "news list, page 400": "/news/?page=40",
    "release detail": "/news/release-500/",
    "RSS feed": "/news/feed/",
}
CEILING_PATH = "/fixed/"
PEER_DATABASE = "peer_bench"  # what the peer's PostgreSQL settings name


class Peers:
    def __init__(self, source, items, database, port):
        self.source = Path(source)
        self.workdir = Path(os.environ.get("BENCH_TMP", "/tmp/bench"))
        self.items, self.database, self.port = items, database, port

    def settings_module(self, project):
        if project == "limit":
            return "limitsite.settings_bench"
        if self.database == "postgresql":
            return "peersite.settings.bench_pg"
        return "peersite.settings.bench"

    def site(self, project):
        return self.workdir / project / "site"

    def run(self, project, *arguments):
        env = {**os.environ, "BENCH_TMP": str(self.workdir),
               "DJANGO_SETTINGS_MODULE": self.settings_module(project)}  # fmt: skip
        python = self.workdir / project / "venv" / "bin" / "python"
        subprocess.run([python, "manage.py", *arguments], cwd=self.site(project), env=env,
                       check=True, capture_output=True)  # fmt: skip

    def prepare(self, log):
        """Build both projects if missing, and give the peer its news pages."""
        if not self.source.is_dir():
            raise FileNotFoundError(f"No reference servers in {self.source}")
        for project in ("limit", "peer"):
            if not (self.site(project) / "manage.py").exists():
                log(f"Building the {project} project in {self.workdir} (needs PyPI)…")
                env = {**os.environ, "BENCH_TMP": str(self.workdir)}
                setup = self.source / project / "setup.sh"
                subprocess.run([setup], check=True, capture_output=True, env=env)
        if self.database == "postgresql":
            create_database(PEER_DATABASE)
            self.run("peer", "migrate", "-v0")
        log(f"Seeding the Wagtail peer with {self.items:,} news pages ({self.database})…")
        self.run("peer", "seed_news", str(self.items))

    @contextmanager
    def serving(self, project):
        """gunicorn with 2 sync workers, like the newsroom's benchmark, on self.port."""
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": self.settings_module(project)}
        gunicorn = self.workdir / project / "venv" / "bin" / "gunicorn"
        wsgi = "limitsite.wsgi" if project == "limit" else "peersite.wsgi"
        server = subprocess.Popen(
            [gunicorn, "--workers", "2", "--worker-class", "sync",
             "--bind", f"127.0.0.1:{self.port}", wsgi],
            cwd=self.site(project), env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        base = f"http://127.0.0.1:{self.port}"
        ready = CEILING_PATH if project == "limit" else PEER_PATHS["news list, page 1"]
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + ready, timeout=2).read()
                    break
                except OSError:
                    time.sleep(0.2)
            else:
                raise RuntimeError(f"The {project} project did not start")
            yield base
        finally:
            server.terminate()
            server.wait(timeout=30)
