"""A backup made as docs/deployment.md says, restored into an empty database, gives
back the same site: every public page, feed and history page answers the same."""

import re

import pytest
import reversion
import time_machine
from django.core.management import call_command
from django.test import Client

from newsroom.models import ArchiveYear, PressRelease
from tests.test_rendered_pages import MOMENT, PAGES, normalised

# docs/deployment.md, "Backup and restore".
DUMP_OPTIONS = ["--natural-foreign", "--natural-primary", "--exclude", "contenttypes",
                "--exclude", "auth.permission", "--exclude", "sessions"]  # fmt: skip


# Each admin page carries a new CSRF token.
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def pages_as_seen(superuser):
    client = Client()
    client.force_login(superuser)
    reference = PressRelease.objects.get(slug_en__endswith="u-multirank-2021")
    paths = [path.format(slug_fr=reference.slug_fr, slug_en=reference.slug_en)
             for path in PAGES.values()]  # fmt: skip
    paths.append(f"/admin/newsroom/pressrelease/{reference.pk}/history/")
    seen = {}
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        seen[path] = CSRF_TOKEN.sub("", normalised(response.content.decode()))
    return seen


@pytest.mark.django_db(transaction=True)
def test_dump_and_load_into_an_empty_database_gives_the_same_site(tmp_path, django_user_model):
    """dumpdata, then loaddata after the database was emptied: the same pages."""
    backup = tmp_path / "backup.json"
    with time_machine.travel(MOMENT, tick=False):
        superuser = django_user_model.objects.create_superuser("boss", password="x")
        call_command("load_demo", verbosity=0)
        reference = PressRelease.objects.get(slug_en__endswith="u-multirank-2021")
        with reversion.create_revision():
            reversion.set_user(superuser)
            reversion.set_comment("Corrected the standfirst.")
            reference.standfirst_en += " (corrected)"
            reference.save()
        before = pages_as_seen(superuser)
        assert (
            "Corrected the standfirst."
            in before[f"/admin/newsroom/pressrelease/{reference.pk}/history/"]
        )
        counts = sorted(ArchiveYear.objects.values_list("language", "year", "releases"))
        call_command("dumpdata", *DUMP_OPTIONS, "--output", str(backup), verbosity=0)
        call_command("flush", "--no-input", verbosity=0)
        assert not PressRelease.objects.exists()
        call_command("loaddata", str(backup), verbosity=0)
        assert sorted(ArchiveYear.objects.values_list("language", "year", "releases")) == counts
        after = pages_as_seen(django_user_model.objects.get(username="boss"))
    assert after.keys() == before.keys()
    for path in before:
        assert after[path] == before[path], path
