import re

from django.core import mail
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from alerts.models import Subscriber
from alerts.tasks import sweep


def run_tasks():
    """What the worker would do now: the clock's sweep, then every queued task."""
    sweep()
    Worker(
        queue_names=["default"], interval=0, batch=True, backend_name="default",
        startup_delay=False, max_tasks=None, worker_id="tests", excluded_queue_names=[],
    ).run()  # fmt: skip
    failed = DBTaskResult.objects.filter(status="FAILED")
    assert not failed.exists(), [task.traceback for task in failed]


def subscriber(email, language="fr", rankings=(), **fields):
    fields.setdefault("confirmed_at", timezone.now())
    subscriber = Subscriber.objects.create(
        email=email, language=language, every_release=not rankings, **fields
    )
    subscriber.rankings.set(rankings)
    return subscriber


def link(message, name):
    """The first link of the plain-text part whose path holds `name`."""
    return re.search(rf"https?://\S*/{name}/\S+/", message.body).group(0)


def sent_to(address):
    return [message for message in mail.outbox if message.to == [address]]
