"""The emails alerts send: a release's alert, and the confirmation of a subscription.

Each has an HTML and a plain-text part from templates (templates/jinja2/alerts/email/),
in the subscriber's language."""

from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from core.models import Institution
from core.typography import typeset

from . import links


def sender():
    """DEFAULT_FROM_EMAIL, named after the institution unless it has a name of its own."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return settings.DEFAULT_FROM_EMAIL if name else formataddr((Institution.load().name, address))


def rendered(template, context, language):
    """The text and HTML parts of `template` in `language`."""
    with translation.override(language):
        return (
            render_to_string(f"alerts/email/{template}.txt", context, using="jinja2"),
            render_to_string(f"alerts/email/{template}.html", context, using="jinja2"),
        )


def one_click_headers(unsubscribe_url):
    """RFC 8058: mail programs show an "Unsubscribe" button that POSTs to the link."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


class ReleaseAlert:
    """A release's alert in one language: what every recipient's email shares, worked
    out once; `message()` adds each recipient's own links."""

    def __init__(self, release, language):
        self.language = language
        with translation.override(language):
            institution = Institution.load()
            self.subject = typeset(release.texts_in(language)["title"], language)
            self.context = {
                "institution": institution,
                "release": release,
                "texts": release.texts_in(language),
                "dateline": release.formatted_dateline(language),
                "url": links.absolute(release.get_absolute_url(language)),
                "awards": [award.display_label(language) for award in release.shown_awards],
                "contacts": [link.contact for link in release.listed_contacts],
                "language": language,
            }
        self.domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"

    def message(self, delivery, connection=None):
        subscriber = delivery.subscriber
        unsubscribe = links.page("alerts:unsubscribe", subscriber, links.MANAGE)
        context = {
            **self.context,
            "unsubscribe_url": unsubscribe,
            "preferences_url": links.page("alerts:preferences", subscriber, links.MANAGE),
            "subscriber": subscriber,
        }
        text, html = rendered("release", context, self.language)
        reply_to = [contact.email for contact in self.context["contacts"] if contact.email][:1]
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=text,
            from_email=sender(),
            to=[subscriber.email],
            reply_to=reply_to,
            connection=connection,
            headers={
                **one_click_headers(unsubscribe),
                # The same for every attempt: a receiving server may drop a repeat.
                "Message-ID": f"<alert.{delivery.alert_id}.{delivery.pk}@{self.domain}>",
            },
        )
        message.attach_alternative(html, "text/html")
        return message

    def test_message(self, address):
        """The alert as a subscriber gets it, sent to `address` (the admin's test)."""
        context = {**self.context, "unsubscribe_url": "", "preferences_url": "", "test": True}
        text, html = rendered("release", context, self.language)
        with translation.override(self.language):
            subject = gettext("[Test] %(subject)s") % {"subject": self.subject}
        message = EmailMultiAlternatives(subject, text, sender(), [address])
        message.attach_alternative(html, "text/html")
        return message

    def preview(self):
        """The HTML part as a subscriber would see it, for the admin's preview."""
        context = {**self.context, "unsubscribe_url": "#", "preferences_url": "#"}
        return rendered("release", context, self.language)


def confirmation(subscriber):
    """The double opt-in email: confirm the subscription, or, for an address already
    confirmed, a reminder with its preferences link (the form says the same either way)."""
    language = subscriber.language
    already = subscriber.confirmed_at is not None
    context = {
        "institution": Institution.load(),
        "subscriber": subscriber,
        "already_confirmed": already,
        "confirm_url": links.page("alerts:confirm", subscriber, links.CONFIRM),
        "preferences_url": links.page("alerts:preferences", subscriber, links.MANAGE),
        "days": settings.ALERTS_CONFIRMATION_DAYS,
    }
    text, html = rendered("confirmation", context, language)
    with translation.override(language):
        subject = (
            gettext("Your press release alerts")
            if already
            else gettext("Confirm your subscription to press release alerts")
        )
    message = EmailMultiAlternatives(subject, text, sender(), [subscriber.email])
    message.attach_alternative(html, "text/html")
    return message
