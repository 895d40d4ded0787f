from django.contrib import admin
from django.db import models
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from .models import Institution
from .revisions import RevisionAdmin
from .richtext import RichTextAdminMixin

admin.site.site_header = _("Newsroom administration")
admin.site.site_title = _("Newsroom")
admin.site.index_title = _("Press office")

# A web address typed without a scheme is taken as https:// (Django 6's default).
HTTPS_URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Institution)
class InstitutionAdmin(RichTextAdminMixin, RevisionAdmin, TabbedTranslationAdmin):
    """One institution: the list goes straight to its form."""

    formfield_overrides = HTTPS_URL_FIELDS
    fieldsets = [
        (
            None,
            {"fields": ["name", "logo", "accent_colour", "address", "website", "social_profiles"]},
        ),
        (_("About the institution"), {"fields": ["about"]}),
        (_("Sharing"), {"fields": ["default_share_image"]}),
        (
            _("Legal notice, accessibility and personal data"),
            {
                "fields": [
                    "publication_director",
                    "host",
                    "accessibility_conformity",
                    "accessibility_audit",
                    "accessibility_issues",
                    "accessibility_contact",
                    "privacy_contact",
                ],
                "description": _(
                    "Shown on the pages every footer links to, as French law "
                    "asks of a public body's site."
                ),
            },
        ),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        institution = Institution.load()
        return redirect("admin:core_institution_change", institution.pk)
