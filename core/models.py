"""The building blocks' one model, the publishing institution, edited in the admin; and
`Versioned`, for rows a process keeps in memory while they stay as they were read."""

import re
from uuid import uuid4

from asgiref.local import Local
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.db import connections, models, router
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .colours import MINIMUM_CONTRAST, PAPER, contrast
from .images import SafeImageField
from .richtext import CleanTextMixin, RichTextField

WEB_ADDRESS = URLValidator(schemes=["http", "https"])


def web_addresses(text):
    """The lines of `text` that are http or https addresses."""
    addresses = []
    for line in filter(None, (line.strip() for line in text.splitlines())):
        try:
            WEB_ADDRESS(line)
        except ValidationError:
            continue
        addresses.append(line)
    return addresses


def validate_web_addresses(text):
    """One http or https address per line: a javascript: or data: address in the footer
    or in the pages' structured data would be a link to run code."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    wrong = [line for line in lines if line not in web_addresses(line)]
    if wrong:
        raise ValidationError(
            _("Only web addresses beginning with https:// or http://, one per line: %(lines)s"),
            params={"lines": ", ".join(wrong)},
            code="not_web_address",
        )


# What one request reads once: filled while a request runs (see CoreConfig.ready).
request_memo = Local()


def start_request_memo(**kwargs):
    request_memo.active, request_memo.institution = True, None


def end_request_memo(**kwargs):
    request_memo.active, request_memo.institution = False, None


class Versioned(models.Model):
    """A row whose `version` is renewed on every save: what a process keeps of it in
    memory is reused only while the row still has the version it was read with (see
    `Institution.load`, `AwardQuerySet.for_badges`, the rendered badges, release cards
    and feed items), and an edit form refuses to overwrite a save made
    since it opened (the release admin's optimistic locking)."""

    version = models.UUIDField(default=uuid4, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.version = uuid4()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "version"}
        super().save(*args, **kwargs)


class KeptUnderVersions(dict):
    """What a process keeps under the versions of the rows it shows: forgotten all at
    once past `limit` entries, since the entries of old versions are never asked for
    again."""

    def __init__(self, limit):
        super().__init__()
        self.limit = limit

    def keep(self, key, value):
        if len(self) >= self.limit:
            self.clear()
        self[key] = value
        return value


# {database alias: (version, institution)}: the row as this process last read it.
KEPT_INSTITUTION = {}


class Institution(CleanTextMixin, Versioned, models.Model):
    """The publishing institution: one row, edited in the admin, used by every page."""

    SINGLETON_ID = 1

    id = models.PositiveSmallIntegerField(primary_key=True, default=SINGLETON_ID, editable=False)
    name = models.CharField(_("name"), max_length=200)
    logo = SafeImageField(
        _("logo"),
        upload_to="institution/",
        blank=True,
        width_field="logo_width",
        height_field="logo_height",
    )
    logo_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    logo_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    address = models.TextField(_("postal address"), blank=True)
    website = models.URLField(_("website"), blank=True)
    about = RichTextField(
        _("about the institution"),
        blank=True,
        help_text=_("The boilerplate paragraph printed at the end of every release."),
    )
    social_profiles = models.TextField(
        _("social media profiles"),
        blank=True,
        help_text=_("One address per line, e.g. https://www.linkedin.com/school/…"),
        validators=[validate_web_addresses],
    )
    default_share_image = SafeImageField(
        _("default share image"),
        upload_to="institution/",
        blank=True,
        width_field="share_image_width",
        height_field="share_image_height",
        help_text=_("Shown by social networks for pages without an image of their own."),
    )
    share_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    share_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    accent_colour = models.CharField(
        _("colour"),
        max_length=7,
        blank=True,
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("A colour as #rrggbb, e.g. #00587c."))],
        help_text=_(
            "The institution's colour, for links, rules and badges, as #rrggbb; dark "
            "enough to read on white. Blank: the newsroom's blue."
        ),
    )

    # What a French public body's site must publish (RGAA 4.1, law of 21 June 2004):
    # shown on the legal notice, accessibility statement and privacy pages.
    publication_director = models.CharField(
        _("director of publication"),
        max_length=200,
        blank=True,
        help_text=_("The person legally responsible for what the site publishes."),
    )
    host = models.TextField(
        _("host"), blank=True, help_text=_("Who hosts the site: name, address and telephone.")
    )

    class Conformity(models.TextChoices):
        NONE = "none", _("not compliant")
        PARTIAL = "partial", _("partially compliant")
        FULL = "full", _("fully compliant")

    accessibility_conformity = models.CharField(
        _("conformity with the RGAA"),
        max_length=10,
        choices=Conformity.choices,
        default=Conformity.NONE,
        help_text=_("As the last audit found it; “not compliant” until an audit says otherwise."),
    )
    accessibility_audit = models.CharField(
        _("accessibility audit"),
        max_length=250,
        blank=True,
        help_text=_("When and by whom, e.g. “12 March 2026, by Access42”. Blank: no audit yet."),
    )
    accessibility_issues = RichTextField(
        _("content not accessible"),
        blank=True,
        help_text=_("What the audit found not accessible, and what replaces it meanwhile."),
    )
    accessibility_contact = models.CharField(
        _("accessibility contact"),
        max_length=250,
        blank=True,
        help_text=_("An email address or a web page where visitors report a problem."),
    )
    privacy_contact = models.CharField(
        _("personal data contact"),
        max_length=250,
        blank=True,
        help_text=_("The data protection officer's email address or web page."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institution")
        # Created by the newsroom app before the building blocks had an app of their own.
        db_table = "newsroom_institution"
        constraints = [models.CheckConstraint(condition=Q(id=1), name="institution_is_a_singleton")]

    # What the legal notice, the accessibility statement and the privacy page cannot do
    # without (law of 21 June 2004, RGAA 4.1).
    LEGALLY_REQUIRED = ["publication_director", "host", "accessibility_contact", "privacy_contact"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.id = self.SINGLETON_ID
        super().save(*args, **kwargs)
        request_memo.institution = None

    def clean(self):
        super().clean()
        if self.accent_colour and re.fullmatch(r"#[0-9a-fA-F]{6}", self.accent_colour):
            ratio = contrast(self.accent_colour, PAPER["light"])
            if ratio < MINIMUM_CONTRAST:
                message = _(
                    "Links in this colour would be hard to read on white (contrast "
                    "%(ratio).1f:1; at least %(minimum)s:1): choose a darker one."
                )
                raise ValidationError(
                    {"accent_colour": message % {"ratio": ratio, "minimum": MINIMUM_CONTRAST}}
                )

    def missing_legal_information(self):
        """The names of the required fields left blank."""
        return [
            self._meta.get_field(name).verbose_name
            for name in self.LEGALLY_REQUIRED
            if not getattr(self, name).strip()
        ]

    @classmethod
    def load(cls):
        """The institution; created from settings on first use.

        Within a request it is read once (pages, feeds and metadata all ask for it). The
        process keeps the row it last read, and asks the database for the row's version
        only: the whole row is read again after an edit, by every process.
        """
        institution = getattr(request_memo, "institution", None)
        if institution is None:
            database = router.db_for_read(cls)
            kept = KEPT_INSTITUTION.get(database)
            if kept is not None and kept[0] == cls.current_version(database):
                institution = kept[1]
            else:
                institution, _created = cls.objects.using(database).get_or_create(
                    id=cls.SINGLETON_ID, defaults={"name": settings.NEWSROOM_INSTITUTION_NAME}
                )
                KEPT_INSTITUTION[database] = (institution.version, institution)
            if getattr(request_memo, "active", False):
                request_memo.institution = institution
        return institution

    @classmethod
    def current_version(cls, database):
        """The row's version, or None before it exists. In SQL: the query set that says
        the same costs more instructions to build than the read it spares (measured)."""
        connection = connections[database]
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {quote('version')} FROM {quote(cls._meta.db_table)} WHERE id = %s",
                [cls.SINGLETON_ID],
            )
            row = cursor.fetchone()
        # SQLite gives the UUID as hex text: the field reads it as the ORM would.
        return None if row is None else cls._meta.get_field("version").to_python(row[0])

    def profile_urls(self):
        return web_addresses(self.social_profiles)  # rows saved before the validator too
