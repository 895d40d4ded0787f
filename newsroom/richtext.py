"""Rich text: the one field and the one sanitiser every rich-text value goes through.

The editor (CKEditor 4, out of support) is a convenience for editors, never a
safety boundary: whatever it sends is cleaned here, on the server, before it is
stored. Swapping the editor means changing `RichTextField.formfield` only.
"""

import re

import nh3
from ckeditor.widgets import CKEditorWidget
from django.db import models
from django.utils.html import strip_tags

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
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()
    if not has_content(cleaned):
        return ""
    return cleaned


def has_content(html):
    """True when the HTML shows something: text or an image."""
    return bool(_EMPTY_MARKUP.sub("", strip_tags(html))) or "<img" in html


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

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, RichTextField):
            config = "superuser" if request.user.is_superuser else "default"
            kwargs["widget"] = CKEditorWidget(config_name=config)
        return super().formfield_for_dbfield(db_field, request, **kwargs)
