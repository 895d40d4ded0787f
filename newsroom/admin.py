from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect
from django.utils.html import format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from rankings.admin import HTTPS_URL_FIELDS, AwardAdmin
from rankings.models import Award

from . import renditions
from .models import LANGUAGE_CODES, Contact, Institution, PressRelease, ReleaseContact
from .richtext import RichTextAdminMixin

admin.site.site_header = _("Newsroom administration")
admin.site.site_title = _("Newsroom")
admin.site.index_title = _("Press office")


class PublicationYearFilter(admin.SimpleListFilter):
    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        years = PressRelease.objects.dates("published_at", "year", order="DESC")
        return [(str(day.year), str(day.year)) for day in years]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(published_at__year=int(self.value()))
        return queryset


class MissingTranslationFilter(admin.SimpleListFilter):
    title = _("missing translation")
    parameter_name = "missing"

    def lookups(self, request, model_admin):
        return [(code, name) for code, name in settings.LANGUAGES]

    def queryset(self, request, queryset):
        if self.value() in LANGUAGE_CODES:
            return queryset.filter(**{f"is_complete_{self.value()}": False})
        return queryset


class ReleaseContactInline(admin.TabularInline):
    model = ReleaseContact
    autocomplete_fields = ["contact"]
    fields = ["position", "contact"]
    extra = 1
    verbose_name = _("press contact")
    verbose_name_plural = _("press contacts (in the order shown on the release)")


@admin.register(PressRelease)
class PressReleaseAdmin(RichTextAdminMixin, TabbedTranslationAdmin):
    list_display = ["__str__", "status", "published_at", "languages", "has_image"]
    list_filter = ["status", PublicationYearFilter, MissingTranslationFilter]
    search_fields = [
        f"{field}_{code}" for field in ("title", "standfirst") for code in LANGUAGE_CODES
    ]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("title",)}
    readonly_fields = ["public_links", "created_at", "updated_at"]
    inlines = [ReleaseContactInline]
    autocomplete_fields = ["awards"]
    save_on_top = True
    fieldsets = [
        (None, {"fields": ["title", "slug", "dateline", "standfirst", "body"]}),
        (_("Publication"), {"fields": ["status", "published_at", "public_links"]}),
        (_("Hero image"), {"fields": ["hero_image", "hero_image_alt", "hero_image_credit"]}),
        (_("Rankings and awards"), {"fields": ["awards"]}),
        (_("History"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    @admin.display(description=_("complete languages"))
    def languages(self, release):
        complete = release.complete_languages()
        return format_html_join(
            " ",
            '<span title="{}">{} {}</span>',
            (
                (_("complete"), code.upper(), "✓") if code in complete
                else (_("missing"), code.upper(), "—")
                for code in LANGUAGE_CODES
            ),
        )  # fmt: skip

    @admin.display(description=_("image"), boolean=True)
    def has_image(self, release):
        return bool(release.hero_image)

    @admin.display(description=_("view on site"))
    def public_links(self, release):
        if release.pk is None:
            return "—"
        links = [
            (release.get_absolute_url(code), name)
            for code, name in settings.LANGUAGES
            if release.is_public_in(code)
        ]
        if not links:
            return _("Not public yet in any language.")
        return format_html_join(" · ", '<a href="{}" target="_blank">{}</a>', links)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Renditions of a new picture now, so the first visitor waits for none.
        if "hero_image" in form.changed_data:
            renditions.prepare(obj.hero_image)

    def view_on_site(self, release):
        """The public page in the editor's language when it exists, else in another."""
        public = [code for code in LANGUAGE_CODES if release.is_public_in(code)]
        if not public:
            return None
        language = get_language() if get_language() in public else public[0]
        return release.get_absolute_url(language)


@admin.register(Contact)
class ContactAdmin(TabbedTranslationAdmin):
    list_display = ["name", "role", "organisation", "email", "phone", "is_active", "position"]
    list_editable = ["is_active", "position"]
    list_filter = ["is_active"]
    search_fields = [
        f"{field}_{code}" for field in ("name", "role", "organisation") for code in LANGUAGE_CODES
    ] + ["email"]


class AnnouncingReleaseInline(admin.TabularInline):
    model = PressRelease.awards.through
    verbose_name = _("release announcing this award")
    verbose_name_plural = _("releases announcing this award")
    fields = ["pressrelease"]
    readonly_fields = ["pressrelease"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


# The rankings app knows nothing of releases: the newsroom adds them to the award admin.
admin.site.unregister(Award)


@admin.register(Award)
class AwardWithReleasesAdmin(AwardAdmin):
    inlines = [AnnouncingReleaseInline]


@admin.register(Institution)
class InstitutionAdmin(RichTextAdminMixin, TabbedTranslationAdmin):
    """One institution: the list goes straight to its form."""

    formfield_overrides = HTTPS_URL_FIELDS
    fieldsets = [
        (None, {"fields": ["name", "logo", "address", "website", "social_profiles"]}),
        (_("About the institution"), {"fields": ["about"]}),
        (_("Sharing"), {"fields": ["default_share_image"]}),
    ]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        institution = Institution.load()
        return redirect("admin:newsroom_institution_change", institution.pk)
