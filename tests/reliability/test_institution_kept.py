"""Each process keeps the institution it last read and asks the database for its
version only: never the institution as it was before an edit, whoever made it."""

import uuid

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import Institution

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache")]


@pytest.fixture
def institution():
    institution = Institution.load()
    institution.name = "École des mines"
    institution.save()
    return institution


def home(client):
    response = client.get("/en/")
    assert response.status_code == 200
    return response.content.decode()


def institution_queries(queries):
    return [query["sql"] for query in queries if "newsroom_institution" in query["sql"]]


def test_an_unchanged_institution_is_not_read_again(client, institution):
    """After the first page, a page reads the institution's version and nothing else."""
    assert "École des mines" in home(client)
    with CaptureQueriesContext(connection) as queries:
        assert "École des mines" in home(client)
    (read,) = institution_queries(queries)
    assert read.startswith('SELECT "version" FROM "newsroom_institution"')


def test_an_edit_in_this_process_shows_at_once(client, institution):
    assert "École des mines" in home(client)
    institution.name = "École nationale supérieure des mines"
    institution.save()
    assert "École nationale supérieure des mines" in home(client)


def test_an_edit_by_another_process_shows_at_once(client, institution):
    """Another worker's save renews the row's version: this process reads the row again."""
    assert "École des mines" in home(client)
    Institution.objects.filter(pk=institution.pk).update(
        name="IMT Mines Alès", version=uuid.uuid4()
    )
    page = home(client)
    assert "IMT Mines Alès" in page
    assert "École des mines" not in page


def test_a_backup_loaded_shows_at_once(client, institution, tmp_path):
    """A backup brings back the row with the version it had then, not the kept one."""
    backup = tmp_path / "backup.json"
    call_command("dumpdata", "core.institution", output=str(backup))
    institution.name = "Nom provisoire"
    institution.save()
    assert "Nom provisoire" in home(client)
    call_command("loaddata", str(backup), verbosity=0)
    assert "École des mines" in home(client)


def test_a_deleted_institution_is_made_again_from_the_settings(client, institution, settings):
    assert "École des mines" in home(client)
    Institution.objects.all().delete()
    assert settings.NEWSROOM_INSTITUTION_NAME in home(client)
    assert Institution.objects.get().name == settings.NEWSROOM_INSTITUTION_NAME
