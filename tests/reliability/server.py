"""A real production-like server for reliability tests: gunicorn with several worker
processes on a database of its own (a file for SQLite, a new database on the
PostgreSQL server the suite runs on), driven over HTTP like browsers would."""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def own_database(tmp_path):
    """A database URL of the suite's kind, empty, dropped afterwards."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'server.sqlite3'}"
        return
    import psycopg

    params = connection.settings_dict
    name = f"newsroom_server_{uuid.uuid4().hex[:12]}"
    admin_url = f"postgresql://{params['USER']}@{params['HOST']}:{params['PORT']}/postgres"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql://{params['USER']}@{params['HOST']}:{params['PORT']}/{name}"
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def server_environment(database_url, media_root, **extra):
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "DJANGO_DEBUG": "",
        "DJANGO_SECRET_KEY": "reliability-tests-only",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_STATIC_MANIFEST": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        # Several workers share their cache (gunicorn refuses a local-memory one).
        "DJANGO_CACHE_URL": f"file://{Path(media_root).parent / 'cache'}",
        **extra,
    }


def manage(environment, *arguments, code=None):
    command = [sys.executable, "manage.py", *arguments] + (["-c", code] if code else [])
    return subprocess.run(
        command, env=environment, cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


@contextmanager
def gunicorn(environment, workers=4):
    port = free_port()
    # Its log goes to a file: a pipe left unread could fill and block the server.
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "python:config.gunicorn_conf",
             "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "config.wsgi"],
            env=environment, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log,
        )  # fmt: skip
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(150):
                try:
                    urllib.request.urlopen(f"{base}/admin/login/", timeout=2)
                    break
                except OSError:
                    time.sleep(0.2)
            else:
                process.terminate()
                process.wait(timeout=30)
                log.seek(0)
                raise RuntimeError(f"gunicorn did not start: {log.read()[-2000:]}")
            yield base
        finally:
            process.terminate()
            process.wait(timeout=30)
