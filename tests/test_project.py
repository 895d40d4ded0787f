"""The project's plumbing: system checks, migrations, settings from the environment."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent


def test_system_checks_pass():
    """manage.py check finds nothing to report."""
    out = StringIO()
    call_command("check", fail_level="WARNING", stdout=out)
    assert "no issues" in out.getvalue()


@pytest.mark.django_db
def test_migrations_are_up_to_date():
    """Every model change has its migration."""
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)


def run_settings(shown="s.DEBUG, s.ALLOWED_HOSTS", **environ):
    """Import the settings in a fresh interpreter with the given environment, and print
    `shown` (an expression of the settings module, `s`)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(environ)
    return subprocess.run(
        [sys.executable, "-c", f"import config.settings as s; print({shown})"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_secret_key_is_required_when_debug_is_off():
    """Production refuses to start without DJANGO_SECRET_KEY."""
    result = run_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_debug_is_off_unless_asked():
    """DJANGO_DEBUG defaults to off; hosts come from DJANGO_ALLOWED_HOSTS."""
    result = run_settings(DJANGO_SECRET_KEY="k", DJANGO_ALLOWED_HOSTS="news.example.org")
    assert result.stdout.strip() == "False ['news.example.org']"


def test_an_empty_database_url_means_the_embedded_database():
    result = run_settings("s.DATABASES['default']", DJANGO_SECRET_KEY="k", DATABASE_URL="")
    assert "django.db.backends.sqlite3" in result.stdout
    assert "db.sqlite3" in result.stdout
