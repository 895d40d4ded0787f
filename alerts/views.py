"""The public alert pages: subscribe, confirm, preferences, unsubscribe.

None sets a cookie, as no public page does: the forms carry no CSRF token. A forged
subscription does no more than the form itself (a rate-limited confirmation email,
nothing sent before the owner confirms), and the other forms act only with the signed
link of the address's own emails. Nothing here is kept in the page cache.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import TemplateView

from core.throttle import client_ip, over_limit
from newsroom.views import LanguageLinksMixin

from . import links, subscriptions
from .forms import PreferencesForm, SubscribeForm
from .links import LinkExpired, LinkInvalid


def throttled(request, email):
    """Too many subscriptions asked for lately, from this client or for this address."""
    hour = 3600
    by_client = over_limit(f"alerts:ip:{client_ip(request)}", settings.ALERTS_PER_CLIENT_HOUR, hour)
    by_address = email and over_limit(
        f"alerts:address:{links.address_mark(email.strip().lower())}",
        settings.ALERTS_PER_ADDRESS_DAY,
        24 * hour,
    )
    return by_client or by_address


OUTCOMES = {
    "expired": _("This link has expired"),
    "invalid": _("This link is not valid"),
    "gone": _("This address is not subscribed"),
    "unsubscribed": _("You are unsubscribed"),
}


class AlertPageMixin(LanguageLinksMixin):
    def get_context_data(self, **kwargs):
        days = settings.ALERTS_CONFIRMATION_DAYS
        return super().get_context_data(confirmation_days=days, **kwargs)


@method_decorator(csrf_exempt, name="dispatch")
class SubscribeView(AlertPageMixin, TemplateView):
    template_name = "alerts/subscribe.html"

    def get_form(self):
        data = self.request.POST if self.request.method == "POST" else None
        return SubscribeForm(data, initial={"language": get_language(), "topics": "all"})

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", self.get_form())
        return super().get_context_data(**kwargs)

    def post(self, request):
        form = self.get_form()
        if throttled(request, request.POST.get("email", "")):
            context = self.get_context_data(form=form, too_many=True)
            return self.render_to_response(context, status=429)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        if not form.is_from_a_robot():
            subscriptions.request_subscription(form.cleaned_data["email"], form.choices())
        return redirect("alerts:requested")


class RequestedView(AlertPageMixin, TemplateView):
    """The same answer for every address: new, waiting, or subscribed long ago."""

    template_name = "alerts/requested.html"


class SignedLinkMixin(AlertPageMixin):
    """A page reached by an email's signed link; a link altered, expired or for an
    address that has left gets a page saying so."""

    purpose = links.MANAGE
    subscriber = None

    def dispatch(self, request, token):
        try:
            self.subscriber = links.subscriber_from(token, self.purpose)
        except LinkExpired:
            return self.outcome("expired", status=410)
        except LinkInvalid:
            return self.outcome("invalid", status=404)
        if self.subscriber is None:
            return self.outcome("gone", status=self.gone_status)
        return super().dispatch(request, token)

    gone_status = 404

    def get_context_data(self, **kwargs):
        return super().get_context_data(subscriber=self.subscriber, **kwargs)

    def outcome(self, kind, status):
        self.template_name = "alerts/link_outcome.html"
        return self.render_to_response(
            self.get_context_data(outcome=kind, title=OUTCOMES[kind]), status=status
        )


class ConfirmView(SignedLinkMixin, TemplateView):
    template_name = "alerts/confirmed.html"
    purpose = links.CONFIRM

    def get(self, request, token):
        newly = subscriptions.confirm(self.subscriber)
        return self.render_to_response(
            self.get_context_data(
                newly_confirmed=newly,
                preferences_url=links.path("alerts:preferences", self.subscriber, links.MANAGE),
            )
        )


@method_decorator(csrf_exempt, name="dispatch")
class PreferencesView(SignedLinkMixin, TemplateView):
    template_name = "alerts/preferences.html"

    def get_context_data(self, **kwargs):
        kwargs.setdefault(
            "form", PreferencesForm(initial=subscriptions.preferences_initial(self.subscriber))
        )
        unsubscribe = links.path("alerts:unsubscribe", self.subscriber, links.MANAGE)
        return super().get_context_data(unsubscribe_url=unsubscribe, **kwargs)

    def post(self, request, token):
        form = PreferencesForm(request.POST)
        saved = form.is_valid()
        if saved:
            subscriptions.change_preferences(self.subscriber, form.choices())
            # The subscriber's links follow the language they chose.
            if self.subscriber.language != get_language():
                return redirect(
                    links.path("alerts:preferences", self.subscriber, links.MANAGE) + "?saved=1"
                )
        return self.render_to_response(self.get_context_data(form=form, saved=saved))

    def get(self, request, token):
        return self.render_to_response(self.get_context_data(saved="saved" in request.GET))


@method_decorator(csrf_exempt, name="dispatch")
class UnsubscribeView(SignedLinkMixin, TemplateView):
    """A button (link checkers open links: a visit alone must not unsubscribe), and the
    RFC 8058 one-click POST mail programs send, which needs none."""

    template_name = "alerts/unsubscribe.html"
    gone_status = 200  # unsubscribing twice: already done

    def post(self, request, token):
        subscriptions.unsubscribe(self.subscriber)
        return self.outcome("unsubscribed", status=200)
