"""The alerts in the admin: subscribers (counts, search, CSV export, deletion) and, on
each release's page, its alert in each language (sent, queued, failed; resend to
failed; preview; a test sent to oneself)."""

import csv

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.languages import LANGUAGE_CODES
from newsroom.admin import PressReleaseAdmin
from newsroom.models import PressRelease
from rankings.models import Ranking

from . import dispatch, emails, tasks
from .models import Alert, Subscriber

# A spreadsheet runs a cell starting with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


class ConfirmedFilter(admin.SimpleListFilter):
    title = _("confirmed")
    parameter_name = "confirmed"

    def lookups(self, request, model_admin):
        return [("yes", _("Confirmed")), ("no", _("Waiting for confirmation"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(confirmed_at__isnull=self.value() == "no")
        return queryset


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "language", "topics_shown", "confirmed_at", "created_at"]
    list_filter = [ConfirmedFilter, "language", "every_release", "rankings"]
    search_fields = ["email"]
    actions = ["export_csv", "delete_selected"]
    fields = ["email", "language", "every_release", "rankings", "created_at", "confirmed_at"]
    readonly_fields = ["created_at", "confirmed_at"]
    list_per_page = 100

    def has_add_permission(self, request):
        return False  # an address subscribes itself, confirming it owns the mailbox

    def has_change_permission(self, request, obj=None):
        return False  # its owner changes it, from the link in every email

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("rankings")

    @admin.display(description=_("topics"))
    def topics_shown(self, subscriber):
        return ", ".join(subscriber.topics())

    def changelist_view(self, request, extra_context=None):
        confirmed = Q(subscribers__confirmed_at__isnull=False)
        per_ranking = (
            Ranking.objects.annotate(count=Count("subscribers", filter=confirmed))
            .filter(count__gt=0)
            .order_by("-count", "name")
        )
        names = dict(settings.LANGUAGES)
        counts = Subscriber.objects.counts()
        extra_context = {
            **(extra_context or {}),
            "per_language": [(str(names[code]), count) for code, count in counts["languages"]],
            "every_release": counts["every_release"],
            "unconfirmed": counts["unconfirmed"],
            "per_ranking": per_ranking,
        }
        return super().changelist_view(request, extra_context)

    @admin.action(description=_("Export the selected subscribers (CSV)"), permissions=["view"])
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y-%m-%d")
        response["Content-Disposition"] = f'attachment; filename="subscribers-{stamp}.csv"'
        response.write("\ufeff")  # spreadsheets then read the file as UTF-8
        writer = csv.writer(response)
        writer.writerow(["email", "language", "topics", "confirmed_at", "subscribed_at"])
        for subscriber in queryset.prefetch_related("rankings").iterator(chunk_size=2000):
            writer.writerow(
                spreadsheet_safe(value)
                for value in (
                    subscriber.email,
                    subscriber.language,
                    " | ".join(subscriber.topics()),
                    subscriber.confirmed_at and subscriber.confirmed_at.isoformat(),
                    subscriber.created_at.isoformat(),
                )
            )
        return response


admin.site.unregister(PressRelease)


@admin.register(PressRelease)
class PressReleaseAlertsAdmin(PressReleaseAdmin):
    """The release admin, with its email alerts (the release app knows nothing of them)."""

    readonly_fields = [*PressReleaseAdmin.readonly_fields, "email_alerts"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [
            (name, {**options, "fields": with_alerts(options["fields"])})
            for name, options in fieldsets
        ]

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/alerts/<str:language>/preview/",
                wrap(self.alert_preview),
                name="newsroom_pressrelease_alert_preview",
            ),
            path(
                "<int:pk>/alerts/<str:language>/test/",
                wrap(self.alert_test),
                name="newsroom_pressrelease_alert_test",
            ),
            path(
                "<int:pk>/alerts/<str:language>/resend/",
                wrap(self.alert_resend),
                name="newsroom_pressrelease_alert_resend",
            ),
            *super().get_urls(),
        ]

    @admin.display(description=_("email alerts"))
    def email_alerts(self, release):
        alerts = {alert.language: alert for alert in release.alerts.with_counts()}
        rows = []
        for code, name in settings.LANGUAGES:
            rows.append(
                {
                    "code": code,
                    "name": name,
                    "alert": alerts.get(code),
                    "public": PressRelease.objects.public(code).filter(pk=release.pk).exists(),
                    "preview_url": reverse(
                        "admin:newsroom_pressrelease_alert_preview", args=[release.pk, code]
                    ),
                    "test_url": reverse(
                        "admin:newsroom_pressrelease_alert_test", args=[release.pk, code]
                    ),
                    "resend_url": reverse(
                        "admin:newsroom_pressrelease_alert_resend", args=[release.pk, code]
                    ),
                }
            )
        return render_to_string(
            "admin/alerts/release_alerts.html",
            {
                "rows": rows,
                "release": release,
                "too_old": release.published_at < dispatch.too_old(),
            },
        )

    def release_or_404(self, request, pk, language):
        release = get_object_or_404(PressRelease, pk=pk)
        if language not in LANGUAGE_CODES or not self.has_view_permission(request, release):
            raise Http404
        return release

    def alert_preview(self, request, pk, language):
        release = self.release_or_404(request, pk, language)
        _text, html = emails.ReleaseAlert(release, language).preview()
        return HttpResponse(html)

    def alert_test(self, request, pk, language):
        release = self.release_or_404(request, pk, language)
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:newsroom_pressrelease_change", args=[pk]))
        if not request.user.email:
            messages.error(
                request, _("Your account has no email address: add one to receive tests.")
            )
        else:
            emails.ReleaseAlert(release, language).test_message(request.user.email).send()
            messages.success(
                request, _("A test was sent to %(address)s.") % {"address": request.user.email}
            )
        return HttpResponseRedirect(reverse("admin:newsroom_pressrelease_change", args=[pk]))

    def alert_resend(self, request, pk, language):
        self.release_or_404(request, pk, language)
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:newsroom_pressrelease_change", args=[pk]))
        if not request.user.has_perm("alerts.change_alert"):
            raise PermissionDenied
        alert = get_object_or_404(Alert, release_id=pk, language=language)
        count = tasks.resend_failed(alert)
        messages.success(
            request,
            ngettext(
                "%(count)s failed email queued again.",
                "%(count)s failed emails queued again.",
                count,
            )
            % {"count": count},
        )
        return HttpResponseRedirect(reverse("admin:newsroom_pressrelease_change", args=[pk]))


def with_alerts(fields):
    """The Publication fields with the alerts' status after the alert switch."""
    if "send_alert" not in fields:
        return fields
    position = list(fields).index("send_alert") + 1
    return [*fields[:position], "email_alerts", *fields[position:]]
