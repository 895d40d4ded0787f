"""`make bench-admin` on a small database of its own: every step runs over HTTP against
gunicorn, checks what it changed, and reports each figure with its target."""

import re

import pytest

from tests.reliability.server import free_port, manage, own_database, server_environment

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_admin_benchmark_runs_and_reports(tmp_path):
    report = tmp_path / "performance.md"
    with own_database(tmp_path) as database_url:
        environment = server_environment(database_url, tmp_path / "media")
        environment["DJANGO_STATIC_ROOT"] = str(tmp_path / "static")
        output = manage(
            environment, "benchmark_admin", "--releases", "30", "--repeat", "1",
            "--bulk", "12", "--port", str(free_port()), "--output", str(report),
        )  # fmt: skip
    assert "Data: 30 releases" in output
    text = report.read_text()
    assert text.startswith("# Performance\n\n<!-- make bench-admin: start -->")
    for row in ("| release list, page 1 |", "| search, a word in every release |",
                "| translation board |", "| save |", "| sitemap section, slowest |",
                "| unpublish 12 releases |", "| publish 12 releases |"):  # fmt: skip
        assert row in text
    # Each row says "met" or "**not met**": times are the benchmark's to judge, not a
    # test's (a busy machine is slower).
    assert "30 releases" in text
    assert len(re.findall(r"\| (?:met|\*\*not met\*\*) \|", text)) == 11
