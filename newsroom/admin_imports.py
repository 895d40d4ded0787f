"""Import from a document, in the release admin: upload a .docx, see what was recognised,
then create a draft or fill one language of a release (newsroom.imports reads it)."""

import reversion
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core import documents
from core.languages import LANGUAGE_CODES

from . import imports
from .models import PressRelease
from .models.releases import IN_LANGUAGE

# Each language's import, as each is named in a sentence.
IMPORT_INTO = {
    "fr": gettext_lazy("Import the French version from a document"),
    "en": gettext_lazy("Import the English version from a document"),
}
DOCX_TYPES = ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class DocumentForm(forms.Form):
    document = forms.FileField(
        label=gettext_lazy("Word document (.docx)"),
        help_text=gettext_lazy(
            "A .docx of up to 20 MB. OpenDocument (.odt) is not read: in LibreOffice,"
            " File › Save As… › Word 2007–365 (.docx) first."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": DOCX_TYPES}),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language of the document"), choices=settings.LANGUAGES
    )

    def clean_document(self):
        document = self.cleaned_data["document"]
        documents.check(document)  # refused here rather than after the conversion
        return document


def recognise(document, images):
    return imports.recognise(document, images, _("Notes"), undescribed)


def undescribed(count):
    return ngettext(
        "%(count)s picture has no description: describe it in the editor.",
        "%(count)s pictures have no description: describe them in the editor.",
        count,
    ) % {"count": count}


class DocumentImportMixin:
    """The release admin's import pages, linked from the list (after django-reversion's
    "recover deleted") and from each release's form."""

    change_list_template = "admin/newsroom/pressrelease/change_list.html"

    def get_urls(self):
        wrap = self.admin_site.admin_view
        return [
            path("import/", wrap(self.import_new), name="newsroom_pressrelease_import"),
            path(
                "<int:pk>/import/<str:language>/",
                wrap(self.import_into),
                name="newsroom_pressrelease_import_into",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        imports_into = [(code, IMPORT_INTO[code]) for code in LANGUAGE_CODES]
        extra_context = {**(extra_context or {}), "imports_into": imports_into}
        return super().change_view(request, object_id, form_url, extra_context)

    def import_new(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        return self.import_page(request, release=None, language=None)

    def import_into(self, request, pk, language):
        release = get_object_or_404(PressRelease, pk=pk)
        if language not in LANGUAGE_CODES:
            raise Http404
        if not self.has_change_permission(request, release):
            raise PermissionDenied
        return self.import_page(request, release=release, language=language)

    def import_page(self, request, release, language):
        if request.method == "POST" and "token" in request.POST:
            return self.confirmed(request, release, language)
        initial = {"language": language or settings.NEWSROOM_ORIGINAL_LANGUAGE}
        form = DocumentForm(request.POST or None, request.FILES or None, initial=initial)
        if language:
            form.fields["language"].widget = forms.HiddenInput()
        if request.method == "POST" and form.is_valid():
            document = form.cleaned_data["document"]
            try:
                found = recognise(document, imports.PreviewImages())
            except ValidationError as error:
                form.add_error("document", error)
            else:
                token = imports.keep(document, request.user)
                chosen = language or form.cleaned_data["language"]
                return self.render_import(
                    request, "preview", release, chosen, found=found, token=token,
                    file_name=document.name,
                )  # fmt: skip
        return self.render_import(request, "form", release, language, form=form)

    def confirmed(self, request, release, language):
        """Create the draft (or fill the language), or cancel: the kept document goes."""
        back = reverse("admin:newsroom_pressrelease_changelist")
        if release is not None:
            back = reverse("admin:newsroom_pressrelease_change", args=[release.pk])
        try:
            name, file_name = imports.kept(request.POST["token"], request.user)
        except ValidationError:
            messages.error(request, _("This import has expired: upload the document again."))
            return redirect(request.path)
        if "cancel" in request.POST:
            imports.forget(name)
            messages.info(request, _("Import cancelled: nothing was saved."))
            return redirect(back)
        language = language or request.POST.get("language")
        if language not in LANGUAGE_CODES:
            raise Http404
        images = imports.StoredImages()
        try:
            with default_storage.open(name) as document, transaction.atomic():
                found = recognise(document, images)
                release = self.save_import(request, release, language, found, file_name)
        except (ValidationError, OSError) as error:
            text = error.messages[0] if isinstance(error, ValidationError) else str(error)
            messages.error(request, _("Nothing was saved: %(error)s") % {"error": text})
            return redirect(request.path)
        imports.forget(name)
        messages.success(request, _("Imported from %(file)s.") % {"file": file_name})
        for note in found.left_out:
            messages.warning(request, note)
        return redirect(reverse("admin:newsroom_pressrelease_change", args=[release.pk]))

    def save_import(self, request, release, language, found, file_name):
        with reversion.create_revision():
            if release is None:
                release = PressRelease(
                    status=PressRelease.Status.DRAFT,
                    published_at=imports.moment(found.day),
                )
            release.dateline = release.dateline or found.place
            setattr(release, f"title_{language}", found.title)
            setattr(release, f"standfirst_{language}", found.standfirst)
            setattr(release, f"body_{language}", found.body)
            if found.title and not getattr(release, f"slug_{language}"):
                slug = imports.free_slug(PressRelease, language, found.title, exclude=release)
                setattr(release, f"slug_{language}", slug)
            release.save()
            reversion.set_user(request.user)
            reversion.set_comment(_("Imported from %(file)s.") % {"file": file_name})
        return release

    def render_import(self, request, step, release, language, **context):
        title = _("Import from a document") if release is None else IMPORT_INTO[language]
        return TemplateResponse(
            request,
            f"admin/newsroom/pressrelease/import_{step}.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.model._meta,
                "title": title,
                "release": release,
                "language": language,
                "in_language": IN_LANGUAGE.get(language, ""),
                "replaces": release is not None
                and bool(
                    getattr(release, f"title_{language}") or getattr(release, f"body_{language}")
                ),
                **context,
            },
        )
