"""Subscribers, and the alerts sent to them: one per release and language, one
delivery row per recipient."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.languages import LANGUAGE_CODES


def normalised(address):
    """One spelling per mailbox: 'Jane@Example.ORG ' and 'jane@example.org' are one."""
    return address.strip().lower()


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def for_release(self, release, language):
        """Confirmed subscribers of `language` who asked for every release, or for a
        ranking one of the release's awards belongs to."""
        rankings = release.awards.values("ranking_id")
        return (
            self.confirmed()
            .filter(language=language)
            .filter(Q(every_release=True) | Q(rankings__in=rankings))
            .distinct()
        )

    def unconfirmed_expired(self):
        """Addresses never confirmed whose confirmation link has expired."""
        days = settings.ALERTS_CONFIRMATION_DAYS
        return self.filter(
            confirmed_at__isnull=True, created_at__lt=timezone.now() - timedelta(days)
        )

    def counts(self):
        """Confirmed subscribers per language, and per ranking chosen, for the admin."""
        per_language = dict(
            self.confirmed().values_list("language").annotate(count=Count("pk")).order_by()
        )
        every = self.confirmed().filter(every_release=True).count()
        return {
            "languages": [(code, per_language.get(code, 0)) for code in LANGUAGE_CODES],
            "every_release": every,
            "unconfirmed": self.filter(confirmed_at__isnull=True).count(),
        }


class Subscriber(models.Model):
    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    every_release = models.BooleanField(
        _("every release"),
        default=True,
        help_text=_("Otherwise only releases announcing a result of the chosen rankings."),
    )
    rankings = models.ManyToManyField(
        "rankings.Ranking", blank=True, related_name="subscribers", verbose_name=_("rankings")
    )
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # When the last confirmation (or reminder) was mailed: one per interval at most,
    # so that the form cannot be used to flood someone's mailbox.
    confirmation_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["language", "confirmed_at"], name="subscriber_language_idx")
        ]

    def __str__(self):
        return self.email

    def save(self, *args, **kwargs):
        self.email = normalised(self.email)
        super().save(*args, **kwargs)

    def may_be_mailed_a_confirmation(self):
        if self.confirmation_sent_at is None:
            return True
        interval = timedelta(minutes=settings.ALERTS_CONFIRMATION_INTERVAL_MINUTES)
        return timezone.now() - self.confirmation_sent_at >= interval

    def topics(self):
        """'Every release', or the chosen rankings' names."""
        if self.every_release:
            return [str(_("Every release"))]
        return [ranking.name for ranking in self.rankings.all()]


class AlertQuerySet(models.QuerySet):
    def with_counts(self):
        """Each alert with its deliveries counted by status."""
        return self.annotate(
            **{
                f"{status}_count": Count("deliveries", filter=Q(deliveries__status=status))
                for status in Delivery.Status.values
            }
        )


class Alert(models.Model):
    """A release's alert in one language: created once, the moment the release goes
    public in it. Its existence is what makes the alert go out only once: editing,
    unpublishing and republishing find it there and send nothing more."""

    release = models.ForeignKey(
        "newsroom.PressRelease",
        on_delete=models.CASCADE,
        related_name="alerts",
        verbose_name=_("press release"),
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Set once a delivery row exists for every recipient: until then a dispatch that
    # was interrupted is taken up again (ignoring the rows already there).
    recipients_listed_at = models.DateTimeField(null=True, blank=True)

    objects = AlertQuerySet.as_manager()

    class Meta:
        verbose_name = _("alert")
        verbose_name_plural = _("alerts")
        constraints = [
            models.UniqueConstraint(fields=["release", "language"], name="one_alert_per_language")
        ]

    def __str__(self):
        return f"{self.release} ({self.language})"


class DeliveryQuerySet(models.QuerySet):
    def due(self, now=None):
        """Deliveries waiting to be sent now: queued, their next attempt's time come,
        and claimed by no worker (or by one that stopped before its claim ran out)."""
        now = now or timezone.now()
        return self.filter(
            Q(claimed_until__isnull=True) | Q(claimed_until__lt=now),
            status=Delivery.Status.QUEUED,
            next_attempt_at__lte=now,
        )


class Delivery(models.Model):
    """One email of an alert to one subscriber; the row is written before the email is
    sent and marked sent as soon as the mail server has accepted it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="deliveries")
    # Emptied when the subscriber leaves: the row stays, counted, without the address.
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.SET_NULL, null=True, related_name="deliveries"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_until = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(fields=["alert", "subscriber"], name="one_delivery_per_address")
        ]
        indexes = [
            # What a sender claims next: an alert's queued rows, due first.
            models.Index(
                fields=["alert", "next_attempt_at"],
                condition=Q(status="queued"),
                name="delivery_queued_idx",
            )
        ]

    def __str__(self):
        return f"{self.alert} → {self.subscriber or '—'} ({self.status})"
