"""Alerts through a real SMTP server (aiosmtpd, on a free port) from the real worker
process (`manage.py worker`, django-tasks' database backend): what arrives, parsed;
its links followed on a real server; and a worker killed mid-send."""

import email
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from email import policy

import pytest
from aiosmtpd.controller import Controller

from tests.reliability.server import (
    ROOT,
    free_port,
    gunicorn,
    manage,
    own_database,
    server_environment,
)

pytestmark = pytest.mark.slow

SETUP = """
from django.utils import timezone
from alerts.models import Subscriber
Subscriber.objects.bulk_create(
    [Subscriber(email=f"lecteur{{n}}@example.org", language="fr", confirmed_at=timezone.now())
     for n in range({french})]
    + [Subscriber(email="reader@example.org", language="en", confirmed_at=timezone.now())]
)
"""
PUBLISH = """
from newsroom.models import PressRelease
PressRelease.objects.create(
    title_fr="1re en France pour l’enseignement", slug_fr="premiere-en-france",
    body_fr="<p>Texte.</p>", standfirst_fr="Un chapô.", ready_fr=True,
    title_en="First in France for teaching", slug_en="first-in-france",
    body_en="<p>Text.</p>", standfirst_en="A standfirst.", ready_en=True,
    status="published", dateline="Alès",
)
"""


class Inbox:
    """Keeps every message the server accepts; `on_message` may act before accepting."""

    def __init__(self):
        self.messages, self.lock, self.on_message = [], threading.Lock(), None

    async def handle_DATA(self, server, session, envelope):
        if self.on_message and not self.on_message(len(self.messages)):
            return "451 Try again later"
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            self.messages.append(message)
        return "250 OK"

    def wait_for(self, count, timeout=90):
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.1)
        return self.messages


@pytest.fixture
def inbox():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield inbox, controller.port
    controller.stop()


def start_worker(environment):
    return subprocess.Popen(
        [sys.executable, "manage.py", "worker", "--sweep-seconds", "0.3"],
        env=environment, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


@pytest.fixture
def site(tmp_path, inbox):
    inbox, port = inbox
    with own_database(tmp_path) as database_url:
        environment = server_environment(
            database_url,
            tmp_path / "media",
            EMAIL_URL=f"smtp://127.0.0.1:{port}",
            DEFAULT_FROM_EMAIL="presse@example.org",
            ALERTS_CLAIM_SECONDS="3",
        )
        manage(environment, "migrate", "--no-input", "-v", "0")
        yield environment, inbox


def test_an_alert_arrives_whole_and_its_links_work(site):
    environment, inbox = site
    manage(environment, "shell", "-v", "0", code=SETUP.format(french=1))
    worker = start_worker(environment)
    try:
        manage(environment, "shell", "-v", "0", code=PUBLISH)
        messages = inbox.wait_for(2)
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    by_address = {message["To"]: message for message in messages}
    assert len(messages) == 2 and set(by_address) == {"lecteur0@example.org", "reader@example.org"}
    french = by_address["lecteur0@example.org"]
    assert french["Subject"] == "1re en France pour l’enseignement"
    assert french["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    text = french.get_body(("plain",)).get_content()
    html = french.get_body(("html",)).get_content()
    assert "Un chapô." in text and "Un chapô." in html
    assert "/fr/actualites/premiere-en-france/" in text
    unsubscribe = re.search(r"<(http[^>]+)>", french["List-Unsubscribe"]).group(1)

    with gunicorn(environment, workers=1) as base:
        path = urllib.parse.urlsplit(unsubscribe).path
        release = re.search(r"http://\S+(/fr/actualites/\S+/)", text).group(1)
        assert urllib.request.urlopen(base + release).status == 200
        one_click = urllib.request.Request(
            base + path, data=b"List-Unsubscribe=One-Click", method="POST"
        )
        answer = urllib.request.urlopen(one_click)
        assert answer.status == 200
        assert "Vous êtes désabonné" in answer.read().decode()
    remaining = manage(
        environment, "shell", "-v", "0",
        code="from alerts.models import Subscriber; print(Subscriber.objects.count())",
    )  # fmt: skip
    assert remaining.strip() == "1"


def test_a_worker_killed_mid_send_resumes_without_repeats_or_losses(site):
    environment, inbox = site
    manage(environment, "shell", "-v", "0", code=SETUP.format(french=30))
    worker = start_worker(environment)

    def kill_on_the_tenth(received):
        if received == 9 and worker.poll() is None:
            os.kill(worker.pid, signal.SIGKILL)  # while it waits for this answer
            return False
        return True

    inbox.on_message = kill_on_the_tenth
    manage(environment, "shell", "-v", "0", code=PUBLISH)
    worker.wait(timeout=90)
    assert len(inbox.messages) == 9
    inbox.on_message = None
    again = start_worker(environment)
    try:
        messages = inbox.wait_for(31)
        time.sleep(2)  # and nothing more comes
    finally:
        again.terminate()
        again.wait(timeout=30)
    addresses = sorted(message["To"] for message in inbox.messages)
    expected = sorted([f"lecteur{n}@example.org" for n in range(30)] + ["reader@example.org"])
    assert addresses == expected and len(messages) == 31


def test_the_benchmark_runs_at_a_small_scale(tmp_path):
    """make bench-alerts' command, with 20 subscribers: every email accepted and counted."""
    with own_database(tmp_path) as database_url:
        environment = server_environment(database_url, tmp_path / "media")
        manage(environment, "migrate", "--no-input", "-v", "0")
        printed = manage(environment, "benchmark_alerts", "--subscribers", "20")
    assert "20 emails accepted by the SMTP server (20 marked sent) of 20 in" in printed
    assert "worker peak memory" in printed


def test_on_rq_an_rq_worker_sends_the_alert(site):
    """Scaled out: DJANGO_TASKS_REDIS_URL puts the jobs on RQ (this test's own Redis
    database), and `rqworker` with django-tasks-rq's job class runs them."""
    import redis

    environment, inbox = site
    url = "redis://127.0.0.1:6379/11"
    redis.Redis.from_url(url).flushdb()
    environment = {**environment, "DJANGO_TASKS_REDIS_URL": url}
    manage(environment, "shell", "-v", "0", code=SETUP.format(french=2))
    manage(environment, "shell", "-v", "0", code=PUBLISH)
    manage(environment, "rqworker", "default", "--burst", "--job-class", "django_tasks_rq.Job")
    assert sorted(message["To"] for message in inbox.messages) == [
        "lecteur0@example.org", "lecteur1@example.org", "reader@example.org",
    ]  # fmt: skip
    redis.Redis.from_url(url).flushdb()
