"""Rich text: the one field and the one sanitiser every rich-text value goes through.

The editor (CKEditor 4, out of support) is a convenience for editors, never a
safety boundary: whatever it sends is cleaned here, on the server, before it is
stored. Swapping the editor means changing `RichTextField.formfield` only.
"""

import re

import nh3
from ckeditor.widgets import CKEditorWidget
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import models
from django.http import JsonResponse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .images import NO_ROOM, check_room, sanitise_image
from .typography import french_spacing

LANGUAGE_ATTRIBUTES = {"lang", "dir"}

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "a", "ul", "ol", "li",
    "blockquote", "figure", "figcaption", "img", "table", "caption", "thead",
    "tbody", "tr", "th", "td", "sub", "sup", "hr",
}  # fmt: skip

ALLOWED_ATTRIBUTES = {
    "*": LANGUAGE_ATTRIBUTES,
    "a": {"href", "title"},
    "img": {"src", "alt", "width", "height"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
}

ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}

# Elements whose content is dropped with them, not kept as text.
DROPPED_WITH_CONTENT = {"script", "style", "iframe", "object", "embed", "svg", "math", "form"}

_EMPTY_MARKUP = re.compile(r"(&nbsp;|\u00a0|\s)+")
# Control characters that no editor means to type; PostgreSQL refuses NUL outright.
_CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def clean_html(value):
    """Reduce HTML to the press-release allowlist; empty-looking HTML becomes ""."""
    if not value:
        return ""
    cleaned = nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        attribute_filter=own_images_only,
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
    if not has_content(cleaned):
        return ""
    return cleaned


def own_images_only(tag, attribute, value):
    """Pictures come from the site's own media (what the editor uploads): one from
    another host would tell it who reads the release, in feed readers too."""
    if tag == "img" and attribute == "src" and not value.startswith(settings.MEDIA_URL):
        return None
    return value


def has_content(html):
    """True when the HTML shows something: text or an image."""
    return bool(_EMPTY_MARKUP.sub("", strip_tags(html))) or "<img" in html


def strip_control_characters(value):
    return _CONTROL_CHARACTERS.sub("", value)


class CleanTextMixin:
    """Removes stray control characters from every text field before saving, and sets
    French text with its no-break spaces: one place for every page, feed, email and
    metadata that shows it."""

    def save(self, *args, **kwargs):
        for field in self._meta.concrete_fields:
            if field.generated:
                continue
            value = getattr(self, field.attname)
            if isinstance(value, str):
                value = strip_control_characters(value)
                if field.attname.endswith("_fr"):
                    value = french_spacing(value)
                setattr(self, field.attname, value)
        super().save(*args, **kwargs)


class RichTextField(models.TextField):
    """A text field edited with the rich-text editor and sanitised on every save."""

    def pre_save(self, model_instance, add):
        value = clean_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value

    def to_python(self, value):
        return clean_html(super().to_python(value))

    def formfield(self, **kwargs):
        kwargs.setdefault("widget", CKEditorWidget(config_name="default"))
        return super().formfield(**kwargs)


class RichTextAdminMixin:
    """Gives superusers the editor's Source mode; everyone else the restricted toolbar."""

    class Media:
        # Editor uploads are CSRF-checked like any form: this hands them the token.
        js = ["newsroom/admin/richtext-upload.js"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, RichTextField):
            config = "superuser" if request.user.is_superuser else "default"
            kwargs["widget"] = CKEditorWidget(config_name=config)
        return super().formfield_for_dbfield(db_field, request, **kwargs)


def may_write_rich_text(user):
    """Whether `user` may add or change something written in the editor (a release, a
    ranking, the institution…): only such a user may put images on the server."""
    for model in apps.get_models():
        if any(isinstance(field, RichTextField) for field in model._meta.concrete_fields):
            options = model._meta
            for action in ("add", "change"):
                if user.has_perm(f"{options.app_label}.{action}_{options.model_name}"):
                    return True
    return False


def upload_error(message, status=400):
    return JsonResponse({"uploaded": 0, "error": {"message": str(message)}}, status=status)


@require_POST
def upload_image(request):
    """Receive an image from the editor: staff only, CSRF-checked, re-encoded, random name.

    Answers CKEditor's JSON upload protocol: {"uploaded": 1, "url": …} or an error
    message the editor shows to the user.
    """
    if not (request.user.is_active and request.user.is_staff):
        return upload_error(_("Sign in to the administration to upload images."), status=403)
    if not may_write_rich_text(request.user):
        return upload_error(_("Your account may not change any text with images."), status=403)
    callback = request.GET.get("CKEditorFuncNum")
    if callback is not None and not callback.isdigit():
        return upload_error(_("Invalid editor callback."))
    upload = request.FILES.get("upload")
    if upload is None:
        return upload_error(_("No file was sent."))
    try:
        image = sanitise_image(upload)
        check_room(image.size)
    except ValidationError as error:
        return upload_error(error.messages[0])
    try:
        url = save_editor_image(image)
    except OSError:  # a full disk, say: the storage leaves no partial file
        return upload_error(NO_ROOM, status=507)
    return JsonResponse({"uploaded": 1, "fileName": url.rsplit("/", 1)[-1], "url": url})


def save_editor_image(image):
    """Store a picture of a text (already sanitised) where the editor's uploads go;
    returns its address."""
    name = default_storage.save(f"editor/{timezone.now():%Y/%m}/{image.name}", image)
    return default_storage.url(name)
