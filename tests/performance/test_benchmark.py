"""The benchmark: its in-process server, which valgrind runs to count instructions, and
its report."""

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


def test_report_says_which_targets_are_met(tmp_path):
    """The report gives each URL's median round, every round's ratio, and each target of
    issue 7 met or not."""
    from newsroom.management.commands.benchmark import Command, median_round

    pages = {"ceiling": 2500, "home": 300, "news list, page 1": 230, "news list, page 400": 260,
             "release detail": 310, "RSS feed": 200, "search": 150}  # fmt: skip
    rounds = [
        {
            (mode, name): {"rps": rps + spread if mode == "cold" else 2400, "p50": 40.0,
                           "p99": 120.0 if name == "search" else 80.0, "errors": 0}
            for mode in ("cold", "warm") for name, rps in pages.items()
        }
        for spread in (0, -40, 40)
    ]  # fmt: skip
    for measured in rounds:
        for (mode, _name), result in measured.items():
            result["ratio"] = result["rps"] / measured[mode, "ceiling"]["rps"]
    command = Command()
    command.urls = lambda: dict.fromkeys(pages, "/")
    report = tmp_path / "performance.md"
    results = median_round(rounds)
    command.write(report, results, {"cold": 70, "warm": 66}, {}, 10_000, 8, 16)
    text = report.read_text()
    assert "**not met**: cold news list, page 1 at least 10% (9.2%)" in text
    assert "met: cold news list, page 400 at least 10% (10.4%)" in text
    assert "met: cold release detail at least 12% (12.4%)" in text
    # This machine's trivial view (2,500 req/s) is slower than the (3,200).
    assert "**not met**: cold search p99 under 100 ms (120 ms; 94 ms at the issue's speed)" in text
    assert "met: a worker under 100 MB (70 MB)" in text
    assert "| news list, page 1 | 230 | 9.2% | 9.2% / 7.7% / 10.6% |" in text


def test_report_keeps_the_rest_of_the_page(tmp_path):
    """A new report replaces the last one and keeps what the page says around it."""
    from newsroom.benchmarks.report import write_report

    page = tmp_path / "performance.md"
    start, end = "<!-- make bench: start -->", "<!-- make bench: end -->"
    page.write_text(f"# Performance\n\nIntro.\n\n{start}\nold figures\n{end}\n\nHistory.\n")
    write_report(page, "new figures")
    write_report(page, "admin figures", name="make bench-admin")
    text = page.read_text()
    assert "new figures" in text and "old figures" not in text
    assert text.startswith("# Performance\n\nIntro.")
    assert text.endswith("History.\n\n<!-- make bench-admin: start -->\nadmin figures\n"
                         "<!-- make bench-admin: end -->\n")  # fmt: skip
