"""Subscribing, confirming, changing preferences and leaving: the rules of a
subscription, whichever page or email asks."""

from django.db import transaction
from django.utils import timezone

from .models import Subscriber


def request_subscription(email, choices):
    """The subscribe form, sent: record the choices of an address not yet confirmed and
    mail it a confirmation link; an address already confirmed keeps its choices and is
    mailed a link to them. One email per address per interval at most. The visitor is
    told the same whichever happened."""
    from .tasks import send_confirmation

    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=email,
            defaults={"language": choices["language"], "every_release": choices["every_release"]},
        )
        if subscriber.confirmed_at is None:
            if not created:
                subscriber.language = choices["language"]
                subscriber.every_release = choices["every_release"]
                subscriber.save(update_fields=["language", "every_release"])
            subscriber.rankings.set(choices["rankings"])
        if not subscriber.may_be_mailed_a_confirmation():
            return
        subscriber.confirmation_sent_at = timezone.now()
        subscriber.save(update_fields=["confirmation_sent_at"])
        transaction.on_commit(lambda: send_confirmation.enqueue(subscriber.pk))


def confirm(subscriber):
    """Returns False if the address was confirmed already."""
    updated = Subscriber.objects.filter(pk=subscriber.pk, confirmed_at__isnull=True).update(
        confirmed_at=timezone.now()
    )
    return bool(updated)


def change_preferences(subscriber, choices):
    with transaction.atomic():
        subscriber.language = choices["language"]
        subscriber.every_release = choices["every_release"]
        subscriber.save(update_fields=["language", "every_release"])
        subscriber.rankings.set(choices["rankings"])


def unsubscribe(subscriber):
    """The address and its choices are deleted; deliveries keep their counts, not it."""
    subscriber.delete()


def preferences_initial(subscriber):
    return {
        "language": subscriber.language,
        "topics": "all" if subscriber.every_release else "rankings",
        "rankings": list(subscriber.rankings.all()),
    }
