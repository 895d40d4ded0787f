import os
import subprocess
import sys
import time
import urllib.request

from django.conf import settings


def start_gunicorn(port, workers=2, **environment):
    """gunicorn serving the project with debug off on 127.0.0.1:`port`, once it answers."""
    env = {
        **os.environ,
        "DJANGO_DEBUG": "",
        "NEWSROOM_BENCHMARK": "1",
        "GUNICORN_ACCESS_LOG": "",  # none, as the reference servers run
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_MAX_REQUESTS": "0",
        **environment,
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:config.gunicorn_conf",
         "--bind", f"127.0.0.1:{port}", "config.wsgi"],
        env=env, cwd=settings.BASE_DIR, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/benchmark/ceiling/", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not start")


def create_database(name):
    """A PostgreSQL database `name` beside the one Django uses, unless it exists."""
    import psycopg
    from django.db import connection

    params = connection.settings_dict
    server = psycopg.connect(
        host=params["HOST"] or "127.0.0.1",
        port=params["PORT"] or 5432,
        user=params["USER"],
        password=params["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )
    with server:
        found = server.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not found:
            server.execute(f'CREATE DATABASE "{name}"')


def prepare_database():
    """The database of DATABASE_URL made (on PostgreSQL), migrated, with static files
    collected for the servers to come."""
    from django.core.management import call_command
    from django.db import connection

    if connection.vendor == "postgresql":
        create_database(connection.settings_dict["NAME"])
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
