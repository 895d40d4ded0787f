"""The signed links of alert emails: confirm an address (valid a few days), manage
preferences and unsubscribe (valid as long as the subscription)."""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac

from .models import Subscriber

CONFIRM = "alerts.confirm"
MANAGE = "alerts.manage"


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def address_mark(email):
    """Ties a link to the address it was sent to, without writing the address in it."""
    return salted_hmac("alerts.address", email).hexdigest()[:16]


def token(subscriber, purpose):
    return signing.dumps([subscriber.pk, address_mark(subscriber.email)], salt=purpose)


def subscriber_from(value, purpose):
    """The subscriber a link names, or None if the address has left since.

    Raises LinkExpired for a confirmation link past its days, LinkInvalid for anything
    altered or made up."""
    max_age = settings.ALERTS_CONFIRMATION_DAYS * 86400 if purpose == CONFIRM else None
    try:
        pk, mark = signing.loads(value, salt=purpose, max_age=max_age)
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise LinkInvalid from error
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None or not constant_time_compare(address_mark(subscriber.email), mark):
        return None
    return subscriber


def absolute(path):
    """An address for an email: the site's own (NEWSROOM_SITE_URL), else the local one."""
    return (settings.NEWSROOM_SITE_URL or settings.ALERTS_LOCAL_SITE_URL) + path


def path(name, subscriber, purpose):
    """The address of a subscriber's page (confirm, preferences, unsubscribe), in their
    language."""
    with translation.override(subscriber.language):
        return reverse(name, kwargs={"token": token(subscriber, purpose)})


def page(name, subscriber, purpose):
    """The same, absolute, for an email."""
    return absolute(path(name, subscriber, purpose))
