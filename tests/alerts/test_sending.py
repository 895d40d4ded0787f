"""A release's alert: sent when it goes public in a language, to that language's
matching subscribers, once per release, language and address, whatever happens next."""

import smtplib
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from alerts import dispatch, tasks
from alerts.models import Alert, Delivery
from newsroom.models import PressRelease
from tests.factories import AwardFactory, PressReleaseFactory, ReleaseContactFactory

from .conftest import run_tasks, sent_to, subscriber

pytestmark = pytest.mark.django_db(transaction=True)


def published_now(**fields):
    return PressReleaseFactory(published_at=timezone.now(), **fields)


def test_each_language_gets_its_own_email_with_both_parts(settings):
    settings.NEWSROOM_SITE_URL = "https://presse.example.org"
    subscriber("fr@example.org", "fr")
    subscriber("en@example.org", "en")
    subscriber("waiting@example.org", "fr", confirmed_at=None)
    award = AwardFactory()
    release = published_now()
    release.awards.add(award)
    ReleaseContactFactory(release=release, contact__email="presse@example.org")
    release.save()
    run_tasks()

    [french] = sent_to("fr@example.org")
    [english] = sent_to("en@example.org")
    assert not sent_to("waiting@example.org")
    assert french.subject == release.title_fr and english.subject == release.title_en
    assert release.standfirst_fr in french.body
    assert f"https://presse.example.org/fr/actualites/{release.slug_fr}/" in french.body
    assert "1re en France ex aequo" in french.body  # its award, as text
    assert "presse@example.org" in french.body and french.reply_to == ["presse@example.org"]
    html, kind = french.alternatives[0]
    assert kind == "text/html" and release.title_fr in html
    headers = french.extra_headers
    assert headers["List-Unsubscribe"].startswith("<https://presse.example.org/fr/alertes/")
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_editing_unpublishing_and_republishing_send_nothing_more():
    subscriber("fr@example.org", "fr")
    release = published_now()
    run_tasks()
    assert len(mail.outbox) == 1
    release.title_fr = "Titre corrigé"
    release.save()
    run_tasks()
    release.status = PressRelease.Status.DRAFT
    release.save()
    run_tasks()
    release.status = PressRelease.Status.PUBLISHED
    release.save()
    run_tasks()
    assert len(mail.outbox) == 1
    assert Delivery.objects.get().status == Delivery.Status.SENT


def test_rankings_subscribers_get_only_their_rankings_news():
    followed, other = AwardFactory(), AwardFactory()
    subscriber("follows@example.org", rankings=[followed.ranking])
    subscriber("other@example.org", rankings=[other.ranking])
    published_now().awards.add(followed)
    PressRelease.objects.get().save()
    published_now()  # no award: for "every release" subscribers only
    run_tasks()
    assert len(sent_to("follows@example.org")) == 1
    assert not sent_to("other@example.org")


def test_the_switch_sends_nothing():
    subscriber("fr@example.org")
    published_now(send_alert=False)
    run_tasks()
    assert not mail.outbox and not Alert.objects.exists()


def test_a_scheduled_release_is_sent_at_its_moment():
    subscriber("fr@example.org")
    PressReleaseFactory(published_at=timezone.now() + timedelta(hours=2))
    run_tasks()
    assert not mail.outbox
    with time_machine.travel(timezone.now() + timedelta(hours=2, minutes=1)):
        run_tasks()
    assert len(mail.outbox) == 1


def test_an_embargoed_release_is_sent_when_the_embargo_lifts():
    subscriber("fr@example.org")
    release = PressReleaseFactory(embargo_until=timezone.now() + timedelta(days=1))
    run_tasks()
    assert not mail.outbox
    release.embargo_until = None  # lifted early
    release.save()
    run_tasks()
    assert len(mail.outbox) == 1


def test_a_language_made_ready_later_is_sent_then():
    subscriber("fr@example.org", "fr")
    subscriber("en@example.org", "en")
    release = published_now(ready_en=False)
    run_tasks()
    assert len(mail.outbox) == 1
    release.ready_en = True
    release.save()
    run_tasks()
    assert len(sent_to("en@example.org")) == 1 and len(mail.outbox) == 2


def test_old_releases_edited_now_send_nothing():
    subscriber("fr@example.org")
    release = PressReleaseFactory(published_at=timezone.now() - timedelta(days=30))
    release.save()
    run_tasks()
    assert not mail.outbox


def test_failures_are_retried_with_back_off_then_marked_failed(monkeypatch, settings):
    subscriber("fr@example.org")
    attempts = []

    def refuse(message):
        attempts.append(timezone.now())
        raise smtplib.SMTPRecipientsRefused({"fr@example.org": (550, b"No such user")})

    monkeypatch.setattr(mail.EmailMultiAlternatives, "send", lambda self: refuse(self))
    published_now()
    run_tasks()
    delivery = Delivery.objects.get()
    assert delivery.status == Delivery.Status.QUEUED and delivery.attempts == 1
    assert delivery.next_attempt_at > timezone.now() + timedelta(seconds=50)
    run_tasks()
    assert len(attempts) == 1  # not before its time
    moment = timezone.now()
    for minutes in (2, 8, 40):
        moment += timedelta(minutes=minutes)
        with time_machine.travel(moment):
            run_tasks()
    delivery.refresh_from_db()
    assert len(attempts) == settings.ALERTS_MAX_ATTEMPTS
    assert delivery.status == Delivery.Status.FAILED
    assert "No such user" in delivery.error
    monkeypatch.undo()
    assert tasks.resend_failed(delivery.alert) == 1  # the admin's button
    run_tasks()
    assert len(mail.outbox) == 1


def test_a_sender_that_stopped_mid_batch_is_taken_over_without_repeats(settings):
    for number in range(5):
        subscriber(f"reader{number}@example.org")
    release = published_now(send_alert=False)
    release.send_alert = True
    alert = Alert.objects.create(release=release, language="fr")
    dispatch.list_recipients(alert)
    first, *rest = dispatch.claim(alert.pk, size=3)  # a worker claims three…
    letter = dispatch.emails.ReleaseAlert(release, "fr")
    assert dispatch.deliver(first, letter, mail.get_connection()) == "sent"  # …sends one, dies
    run_tasks()
    assert len(mail.outbox) == 1  # its claim holds: nobody sends them twice meanwhile
    with time_machine.travel(timezone.now() + timedelta(seconds=settings.ALERTS_CLAIM_SECONDS + 1)):
        run_tasks()
    assert sorted(m.to[0] for m in mail.outbox) == [f"reader{n}@example.org" for n in range(5)]


def test_an_address_that_left_before_its_turn_gets_nothing():
    leaving = subscriber("leaving@example.org")
    release = published_now(send_alert=False)
    alert = Alert.objects.create(release=release, language="fr")
    dispatch.list_recipients(alert)
    leaving.delete()
    dispatch.send(alert.pk)
    assert not mail.outbox and not Delivery.objects.exists()
