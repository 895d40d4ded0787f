"""Two sites on one Redis database never read each other's pages: every cache key starts
with a prefix of the site's own (issue 18, point 4)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def key_prefix(**environment):
    code = "from django.conf import settings; print(settings.CACHES['default']['KEY_PREFIX'])"
    env = {**os.environ, "DJANGO_SECRET_KEY": "x", "DJANGO_CACHE_URL": "redis://127.0.0.1:6379/12",
           "DJANGO_CACHE_KEY_PREFIX": "", **environment}  # fmt: skip
    return subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    ).stdout.strip().splitlines()[-1]  # fmt: skip


def test_two_sites_get_two_prefixes_by_default():
    production = key_prefix(DATABASE_URL="postgresql://newsroom@db.example.org/newsroom")
    staging = key_prefix(DATABASE_URL="postgresql://newsroom@db.example.org/newsroom_staging")
    assert production and staging and production != staging
    assert key_prefix(DATABASE_URL="postgresql://newsroom@db.example.org/newsroom") == production


def test_the_prefix_can_be_chosen():
    chosen = key_prefix(DATABASE_URL="sqlite:////tmp/x.sqlite3", DJANGO_CACHE_KEY_PREFIX="ecole-a")
    assert chosen == "ecole-a"
