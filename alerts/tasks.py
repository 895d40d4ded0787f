"""The alerts' background work, run by the task queue's worker (django-tasks)."""

from django_tasks import task

from . import dispatch, emails
from .models import Subscriber


@task()
def dispatch_release(release_id):
    """A release went public (or should have by now): create its alerts and queue
    their sending."""
    for alert in dispatch.dispatch(release_id):
        send_alert.enqueue(alert.pk)


@task()
def send_alert(alert_id):
    """Send an alert's due emails; returns how many were sent."""
    return dispatch.send(alert_id)


@task()
def send_confirmation(subscriber_id):
    """The double opt-in email: a link that confirms the subscription, or, for an
    address already confirmed, a link to its preferences."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is not None:
        emails.confirmation(subscriber).send()


def resend_failed(alert):
    """Queue an alert's failed emails again, and a sender for them."""
    count = dispatch.resend_failed(alert)
    if count:
        send_alert.enqueue(alert.pk)
    return count


def sweep():
    """Queue whatever the sweep finds due (called by the worker every few seconds)."""
    releases, alerts = dispatch.sweep()
    for release_id in releases:
        dispatch_release.enqueue(release_id)
    for alert_id in alerts:
        send_alert.enqueue(alert_id)
    return releases, alerts
