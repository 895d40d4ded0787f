"""When a release's alert goes out, to whom, and how each email is sent exactly once.

1. Saving a published release queues `tasks.dispatch_release` for the moment it goes
   public (now, its scheduled time, the end of its embargo); the worker's sweep finds
   any release that went public with no alert yet, should that task be lost.
2. Dispatching creates the release's `Alert` in each language it is public in — once:
   the row is what later saves find — and one `Delivery` row per matching subscriber.
3. Senders claim a batch of due rows for a while (`claimed_until`), send each email and
   mark it sent as soon as the mail server has accepted it. A worker killed mid-batch
   leaves its rows claimed; once the claim runs out the sweep queues a sender again, which
   sends what was not sent, and nothing that was.
"""

import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from core.languages import LANGUAGE_CODES
from newsroom.models import PressRelease

from . import emails
from .models import Alert, Delivery, Subscriber

logger = logging.getLogger(__name__)

# Errors that say the mail server itself is unreachable or gone: no point trying the
# rest of the batch now.
SERVER_ERRORS = (OSError, smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError)


def alert_when_public(sender, instance, raw=False, **kwargs):
    """post_save of a release: queue its alert for the moment it goes public, once the
    transaction commits (a worker must find the release as saved)."""
    if raw or not instance.send_alert or instance.status != PressRelease.Status.PUBLISHED:
        return
    from .tasks import dispatch_release

    moment = instance.published_at
    task = dispatch_release.using(run_after=moment) if moment > timezone.now() else dispatch_release
    transaction.on_commit(lambda: task.enqueue(instance.pk))


def too_old():
    """Releases published before this moment send no alert: old news (a release
    published before alerts existed and edited now, or a worker that stayed down)."""
    return timezone.now() - timedelta(days=settings.ALERTS_MAX_AGE_DAYS)


def languages_due(release):
    """The languages `release` is public in and has no alert in yet."""
    if not release.send_alert or release.published_at < too_old():
        return []
    sent = set(release.alerts.values_list("language", flat=True))
    public = PressRelease.objects.filter(pk=release.pk)
    return [code for code in LANGUAGE_CODES
            if code not in sent and public.public(code).exists()]  # fmt: skip


def dispatch(release_id):
    """Create the alerts `release_id` is due and list their recipients; return the
    alerts listed now, whose deliveries are to be sent."""
    release = PressRelease.objects.filter(pk=release_id).first()
    if release is None:
        return []
    for language in languages_due(release):
        Alert.objects.get_or_create(release=release, language=language)
    unlisted = list(release.alerts.filter(recipients_listed_at__isnull=True))
    for alert in unlisted:
        list_recipients(alert)
    return unlisted


def list_recipients(alert, batch_size=2000):
    """One queued delivery per matching subscriber, written in batches (subscribers are
    streamed, never all in memory); rows already there from an interrupted run stay."""
    subscribers = Subscriber.objects.for_release(alert.release, alert.language)
    batch = []
    for subscriber_id in subscribers.values_list("pk", flat=True).iterator(chunk_size=batch_size):
        batch.append(Delivery(alert=alert, subscriber_id=subscriber_id))
        if len(batch) == batch_size:
            Delivery.objects.bulk_create(batch, ignore_conflicts=True)
            batch = []
    Delivery.objects.bulk_create(batch, ignore_conflicts=True)
    Alert.objects.filter(pk=alert.pk).update(recipients_listed_at=timezone.now())


def claim(alert_id, size):
    """Up to `size` due deliveries of an alert, claimed for this sender for a while
    (other senders skip them; once the claim runs out, anyone may take them)."""
    now = timezone.now()
    with transaction.atomic():
        due = Delivery.objects.filter(alert_id=alert_id).due(now)
        ids = list(
            due.select_for_update(skip_locked=True)
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:size]
        )
        claimed_until = now + timedelta(seconds=settings.ALERTS_CLAIM_SECONDS)
        Delivery.objects.filter(pk__in=ids).update(claimed_until=claimed_until)
    return list(Delivery.objects.filter(pk__in=ids).select_related("subscriber").order_by("pk"))


def send(alert_id):
    """Send an alert's due deliveries, batch after batch, over one connection per batch.
    Returns the number sent."""
    alert = Alert.objects.select_related("release").filter(pk=alert_id).first()
    if alert is None:
        return 0
    letter = emails.ReleaseAlert(alert.release, alert.language)
    sent = 0
    while batch := claim(alert_id, settings.ALERTS_BATCH_SIZE):
        with get_connection() as connection:
            for position, delivery in enumerate(batch):
                outcome = deliver(delivery, letter, connection)
                sent += outcome == "sent"
                if outcome == "server-down":
                    # The rest wait for the same retry as this one.
                    retry_later([d.pk for d in batch[position + 1 :]], delivery.next_attempt_at)
                    return sent
    return sent


def deliver(delivery, letter, connection):
    """Send one delivery's email and record the outcome on its row."""
    if delivery.subscriber is None:  # left after the recipients were listed
        delivery.delete()
        return "left"
    message = letter.message(delivery, connection)
    try:
        message.send()
    except SERVER_ERRORS as error:
        connection.close()
        record_failure(delivery, error)
        return "server-down"
    except smtplib.SMTPException as error:
        record_failure(delivery, error)
        return "failed"
    Delivery.objects.filter(pk=delivery.pk).update(
        status=Delivery.Status.SENT,
        sent_at=timezone.now(),
        attempts=delivery.attempts + 1,
        claimed_until=None,
        error="",
    )
    return "sent"


def record_failure(delivery, error):
    """Retry later, each wait longer than the last, then give up: failed."""
    delivery.attempts += 1
    delivery.error = f"{type(error).__name__}: {error}"[:500]
    delivery.claimed_until = None
    if delivery.attempts >= settings.ALERTS_MAX_ATTEMPTS:
        delivery.status = Delivery.Status.FAILED
    else:
        wait = settings.ALERTS_RETRY_SECONDS * 5 ** (delivery.attempts - 1)
        delivery.next_attempt_at = timezone.now() + timedelta(seconds=wait)
    delivery.save(update_fields=["attempts", "error", "claimed_until", "status", "next_attempt_at"])
    logger.warning("Alert email %s not sent: %s", delivery.pk, delivery.error)


def retry_later(delivery_ids, moment):
    Delivery.objects.filter(pk__in=delivery_ids).update(claimed_until=None, next_attempt_at=moment)


def resend_failed(alert):
    """Queue an alert's failed deliveries again (the admin's "resend to failed")."""
    return alert.deliveries.filter(status=Delivery.Status.FAILED).update(
        status=Delivery.Status.QUEUED,
        attempts=0,
        next_attempt_at=timezone.now(),
        claimed_until=None,
    )


def sweep():
    """What the worker checks every few seconds, whatever was queued or lost: releases
    public with no alert yet, alerts with deliveries due (retries, or a sender that
    stopped), and addresses never confirmed. Returns (release ids, alert ids) to queue."""
    recent = PressRelease.objects.public_in_any_language().filter(
        send_alert=True, published_at__gte=too_old()
    )
    releases = [release.pk for release in recent.only("pk", "send_alert", "published_at")
                if languages_due(release)]  # fmt: skip
    unlisted = Alert.objects.filter(
        recipients_listed_at__isnull=True,
        created_at__lt=timezone.now() - timedelta(seconds=settings.ALERTS_CLAIM_SECONDS),
    ).values_list("release_id", flat=True)
    releases += [pk for pk in unlisted if pk not in releases]
    # Due rows a sender should have taken by now: a claim run out (its worker stopped),
    # a retry whose time came, or rows waiting longer than a claim lasts (a lost task).
    waited = timezone.now() - timedelta(seconds=settings.ALERTS_CLAIM_SECONDS)
    stalled = Delivery.objects.due().filter(
        Q(claimed_until__isnull=False)
        | Q(attempts__gt=0)
        | Q(alert__recipients_listed_at__lt=waited)
    )
    alerts = list(stalled.values_list("alert_id", flat=True).distinct())
    Subscriber.objects.unconfirmed_expired().delete()
    return releases, alerts
