"""`manage.py worker`: the background worker — the task queue's jobs and the alerts'
clock (alerts.dispatch.sweep), in one process."""

import logging
import threading
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend

from alerts.tasks import sweep

logger = logging.getLogger("alerts")


def keep_the_clock(seconds, stop):
    """Every `seconds`, queue what is due: releases gone public by the clock (schedule,
    embargo), retries, and deliveries a stopped worker left."""
    while not stop.wait(seconds):
        close_old_connections()
        try:
            sweep()
        except Exception:  # the next round tries again; the worker goes on
            logger.exception("The alerts' sweep failed")
        finally:
            close_old_connections()


class Command(BaseCommand):
    help = (
        "Run the background worker: the task queue's jobs (email alerts) and, every few"
        " seconds, the alerts' clock. With RQ (DJANGO_TASKS_REDIS_URL) it keeps the clock"
        " only: `manage.py rqworker default --job-class django_tasks_rq.Job"
        " --with-scheduler` runs the jobs, on as many machines as needed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--sweep-seconds",
            type=float,
            default=settings.ALERTS_SWEEP_SECONDS,
            help="How often the alerts' clock looks for due work (default: %(default)s).",
        )
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Queue what is due, run every queued job, then exit.",
        )

    def handle(self, *args, sweep_seconds, batch, verbosity, **options):
        on_database = isinstance(task_backends["default"], DatabaseBackend)
        if batch:
            sweep()
            if on_database:
                call_command("db_worker", batch=True, reload=False, verbosity=verbosity,
                             startup_delay=False)  # fmt: skip
            return
        if not on_database:
            self.stdout.write(
                "Jobs run on RQ (`manage.py rqworker default --job-class"
                " django_tasks_rq.Job --with-scheduler`); keeping the clock."
            )
            while True:
                sweep()
                time.sleep(sweep_seconds)
        stop = threading.Event()
        clock = threading.Thread(
            target=keep_the_clock, args=(sweep_seconds, stop), name="alerts-clock", daemon=True
        )
        sweep()
        clock.start()
        try:
            call_command("db_worker", interval=1, reload=False, verbosity=verbosity)
        finally:
            stop.set()
