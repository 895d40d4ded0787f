"""The project's plumbing: system checks, migrations, settings from the environment."""

import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.environment import production_environment

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
    return subprocess.run(
        [sys.executable, "-c", f"import config.settings as s; print({shown})"],
        cwd=ROOT,
        env=production_environment(**environ),
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


def test_a_local_env_file_makes_every_command_work(tmp_path):
    """The .env `make install` writes turns debug on for every manage.py command; what
    the environment says wins over it."""
    env_file = tmp_path / ".env"
    env_file.write_text("# Local development settings\nDJANGO_DEBUG=1\n")
    result = run_settings("s.DEBUG", DJANGO_ENV_FILE=str(env_file))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"
    result = run_settings("s.DEBUG", DJANGO_ENV_FILE=str(env_file), DJANGO_DEBUG="",
                          DJANGO_SECRET_KEY="k")  # fmt: skip
    assert result.stdout.strip() == "False"


@pytest.mark.django_db
def test_local_accounts_name_the_address_served():
    """`make run PORT=8500` prints the address it serves, not :8000."""
    out = StringIO()
    call_command("ensure_local_admin", address="http://127.0.0.1:8500/admin/", stdout=out)
    assert "sign in at http://127.0.0.1:8500/admin/" in out.getvalue()
