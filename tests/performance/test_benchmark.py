"""The benchmark's in-process server, which valgrind runs to count instructions."""

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_serves_public_pages_in_process(release):
    call_command(
        "benchmark", "--serve-in-process", "/fr/", "/fr/actualites/",
        "--measured", release.get_absolute_url("fr"), "--requests", "2",
    )  # fmt: skip


def test_a_page_that_does_not_answer_200_stops_the_count():
    with pytest.raises(CommandError, match="/fr/actualites/nothing-here/ answered 404"):
        call_command("benchmark", "--serve-in-process", "/fr/actualites/nothing-here/")
