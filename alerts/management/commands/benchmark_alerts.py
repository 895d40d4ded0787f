"""`manage.py benchmark_alerts`: one release to many subscribers, through a local SMTP
server, by the real worker process — how long until every email is accepted, and the
worker's peak memory. A benchmark, not a test: it prints figures (make bench-alerts).

Run it on a database of its own: it adds its subscribers and its release there.
"""

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from alerts.models import Delivery, Subscriber
from newsroom.models import PressRelease


class CountingInbox:
    """An SMTP server's handler that accepts everything and counts it."""

    def __init__(self):
        self.count, self.lock = 0, threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
        return "250 OK"


def peak_memory_mb(pid):
    """The process's peak resident memory so far (Linux: VmHWM)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Command(BaseCommand):
    help = "Send one release to many subscribers through a local SMTP server; print figures."

    def add_arguments(self, parser):
        parser.add_argument("--subscribers", type=int, default=10_000)
        parser.add_argument("--timeout", type=float, default=900, help="seconds")

    def handle(self, *args, subscribers, timeout, **options):
        from aiosmtpd.controller import Controller  # a development dependency

        if PressRelease.objects.exists() or Subscriber.objects.exists():
            raise CommandError("Run it on a database of its own (make bench-alerts does).")
        Subscriber.objects.bulk_create(
            (
                Subscriber(
                    email=f"reader{n}@example.org", language="fr", confirmed_at=timezone.now()
                )
                for n in range(subscribers)
            ),
            batch_size=2000,
        )
        inbox = CountingInbox()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        smtp = Controller(inbox, hostname="127.0.0.1", port=port)
        smtp.start()
        environment = {**os.environ, "EMAIL_URL": f"smtp://127.0.0.1:{port}"}
        worker = subprocess.Popen(
            [sys.executable, "manage.py", "worker", "--sweep-seconds", "1", "-v", "0"],
            env=environment, cwd=settings.BASE_DIR,
        )  # fmt: skip
        try:
            time.sleep(3)  # started and idle: its memory before any work
            idle_mb = peak_memory_mb(worker.pid)
            started = time.monotonic()
            PressRelease.objects.create(
                title_fr="Un communiqué pour dix mille abonnés", slug_fr="dix-mille-abonnes",
                standfirst_fr="Le chapô.", body_fr="<p>Le texte.</p>", ready_fr=True,
                status=PressRelease.Status.PUBLISHED, dateline="Alès",
            )  # fmt: skip
            peak_mb = idle_mb
            while inbox.count < subscribers and time.monotonic() - started < timeout:
                time.sleep(0.5)
                peak_mb = max(peak_mb, peak_memory_mb(worker.pid))
            elapsed = time.monotonic() - started
        finally:
            worker.terminate()
            worker.wait(timeout=60)
            smtp.stop()
        sent = Delivery.objects.filter(status=Delivery.Status.SENT).count()
        engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1]
        self.stdout.write(
            f"{engine}: {inbox.count:,} emails accepted by the SMTP server ({sent:,} marked sent)"
            f" of {subscribers:,} in {elapsed:.1f} s ({inbox.count / elapsed:.0f}/s);"
            f" worker peak memory {peak_mb:.0f} MB (idle {idle_mb:.0f} MB)"
        )
        if inbox.count < subscribers:
            raise CommandError("Not every email arrived before the timeout.")
