"""The benchmark's in-process server, which valgrind runs to count instructions."""

import pytest
from django.core.management import CommandError, call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """As Django's test client does: a request must not close the test's database
    connection (and its transaction) when it ends."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_serves_public_pages_in_process(release):
    call_command(
        "benchmark", "--serve-in-process", "/fr/", "/fr/actualites/",
        "--measured", release.get_absolute_url("fr"), "--requests", "2",
    )  # fmt: skip


def test_a_page_that_does_not_answer_200_stops_the_count():
    with pytest.raises(CommandError, match="/fr/actualites/nothing-here/ answered 404"):
        call_command("benchmark", "--serve-in-process", "/fr/actualites/nothing-here/")
