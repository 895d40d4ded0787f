from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.richtext import CleanTextMixin
from core.translation_status import TranslationTracked, TranslationTrackedQuerySet


class ContactQuerySet(TranslationTrackedQuerySet):
    def listed(self):
        """Contacts on the public contacts page: the active ones."""
        return self.filter(is_active=True)


class Contact(CleanTextMixin, TranslationTracked, models.Model):
    translation_required_fields = ("name", "role", "organisation")

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        validators=[
            RegexValidator(
                r"^\+?[0-9 ().-]{6,}$",
                _("Enter a phone number such as +33 4 66 78 50 00."),
            )
        ],
    )
    is_active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Inactive contacts stay on past releases but leave the contacts page."),
    )
    position = models.PositiveIntegerField(
        _("position"), default=0, help_text=_("Lower numbers come first on the contacts page.")
    )

    objects = ContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("press contact")
        verbose_name_plural = _("press contacts")
        ordering = ["position", "name"]

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name

    def phone_uri(self):
        """The phone number as a tel: URI (digits and a leading +)."""
        digits = "".join(ch for ch in self.phone if ch.isdigit() or ch == "+")
        return f"tel:{digits}" if digits else ""


class ReleaseContact(models.Model):
    release = models.ForeignKey(
        "newsroom.PressRelease",
        on_delete=models.CASCADE,
        related_name="release_contacts",
        verbose_name=_("press release"),
    )
    contact = models.ForeignKey(Contact, on_delete=models.PROTECT, verbose_name=_("press contact"))
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("press contact of the release")
        verbose_name_plural = _("press contacts of the release")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["release", "contact"], name="unique_release_contact")
        ]

    def __str__(self):
        return str(self.contact)
