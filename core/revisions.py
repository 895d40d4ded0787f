"""Revisions in the admin (django-reversion): history, compare two revisions, restore.

`RevisionAdmin` adds to reversion's VersionAdmin a history page where two revisions
can be picked and compared field by field, words removed and added marked. Each app
declares what a revision of its models holds (`reversion.register` in its
AppConfig.ready(), once modeltranslation has added the per-language fields, so that
revisions hold every language).
"""

import difflib

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join, strip_tags
from django.utils.translation import gettext as _
from reversion.admin import VersionAdmin
from reversion.models import Version


def word_diff(old, new):
    """The words of `new` against `old`, as HTML with <del> and <ins> marks."""
    old_words, new_words = old.split(), new.split()
    parts = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(("{}", " ".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            parts.append(("<del>{}</del>", " ".join(old_words[a1:a2])))
        if b2 > b1:
            parts.append(("<ins>{}</ins>", " ".join(new_words[b1:b2])))
    return format_html_join(" ", "{}", ((format_html(template, text),) for template, text in parts))


def readable(field, value):
    """A stored value as an editor reads it: labels for choices, text for HTML."""
    if value in (None, ""):
        return "—"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, list):  # many-to-many: the related objects' names
        related = field.related_model.objects.filter(pk__in=value)
        return ", ".join(sorted(str(item) for item in related))
    text = str(value)
    return strip_tags(text.replace("<", " <")) if "<" in text else text


def compare(older, newer):
    """[(label, old text, diff HTML)] for each field that differs between two versions."""
    model = older._model
    rows = []
    for name, old_value in older.field_dict.items():
        new_value = newer.field_dict.get(name)
        if old_value == new_value:
            continue
        field = model._meta.get_field(name.removesuffix("_id"))
        old_text, new_text = readable(field, old_value), readable(field, new_value)
        rows.append((field.verbose_name, old_text, word_diff(old_text, new_text)))
    return rows


class RevisionAdmin(VersionAdmin):
    """History with who and when, compare two revisions, restore one, recover deleted."""

    object_history_template = "admin/revision_history.html"
    history_latest_first = True

    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "<path:object_id>/history/compare/",
                self.admin_site.admin_view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            *super().get_urls(),
        ]

    def history_view(self, request, object_id, extra_context=None):
        versions = self._reversion_order_version_queryset(
            request, Version.objects.get_for_object_reference(self.model, unquote(object_id))
        )
        compare_url = reverse(
            f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_compare",
            args=[quote(unquote(object_id))],
        )
        context = {"version_ids": list(versions.values_list("pk", flat=True)),
                   "compare_url": compare_url, **(extra_context or {})}  # fmt: skip
        return super().history_view(request, object_id, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        # Asked of the object as it is now: reversion shows the form once the old
        # revision is back in the database, which would ask it of the old state.
        current = self.get_object(request, unquote(object_id))
        if current is None:
            raise Http404(_("This object does not exist."))
        if not self.has_change_permission(request, current):
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    def compare_view(self, request, object_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404(_("This object does not exist."))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = Version.objects.get_for_object(obj).select_related("revision__user")
        try:
            chosen = [versions.get(pk=int(request.GET.get(key, ""))) for key in ("from", "to")]
        except (ValueError, Version.DoesNotExist):
            raise Http404(_("Choose two revisions of this object to compare.")) from None
        older, newer = sorted(chosen, key=lambda version: version.revision.date_created)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "object": obj,
            "title": _("Compare two revisions of “%(object)s”") % {"object": obj},
            "older": older,
            "newer": newer,
            "rows": compare(older, newer),
        }
        return TemplateResponse(request, "admin/revision_compare.html", context)
