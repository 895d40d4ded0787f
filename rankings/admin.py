from django.contrib import admin, messages
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from core.admin import HTTPS_URL_FIELDS
from core.languages import language_names
from core.revisions import RevisionAdmin
from core.richtext import RichTextAdminMixin

from .models import Award, Ranking

RESULT_FIELDS = ["result_kind", "rank", "is_tied", "band_from", "band_to", "grade", "count"]


class AwardInline(TranslationTabularInline):
    model = Award
    fields = ["year", "category", "scope", *RESULT_FIELDS, "valid_until"]
    ordering = ["-year", "pk"]
    extra = 0
    show_change_link = True


@admin.register(Ranking)
class RankingAdmin(RichTextAdminMixin, RevisionAdmin, TabbedTranslationAdmin):
    list_display = ["name", "publisher", "award_count", "logo_preview"]
    search_fields = ["name_fr", "name_en", "publisher_fr", "publisher_en"]
    prepopulated_fields = {"slug": ("name_fr",)}
    inlines = [AwardInline]
    formfield_overrides = HTTPS_URL_FIELDS
    fields = ["name", "slug", "publisher", "website", "methodology_url", "logo", "description"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        names = {name.strip() for name in (obj.name_fr, obj.name_en) if name and name.strip()}
        same_name = Q()
        for name in names:
            same_name |= Q(name_fr__iexact=name) | Q(name_en__iexact=name)
        if names and Ranking.objects.exclude(pk=obj.pk).filter(same_name).exists():
            messages.warning(
                request,
                _("Another ranking is named “%(name)s”: the award picker shows both. If it is"
                  " the same ranking, add its results to the other one and delete this one.")
                % {"name": obj.name},
            )  # fmt: skip

    @admin.display(description=_("awards"))
    def award_count(self, ranking):
        return ranking.awards.count()

    @admin.display(description=_("logo"))
    def logo_preview(self, ranking):
        if not ranking.logo:
            return "—"
        return format_html('<img src="{}" alt="" style="max-height:2rem">', ranking.logo.url)


@admin.register(Award)
class AwardAdmin(RevisionAdmin, TabbedTranslationAdmin):
    list_display = ["__str__", "ranking", "year", "scope", "result_kind", "is_current_now"]
    list_filter = ["ranking", "year", "scope", "result_kind"]
    search_fields = ["ranking__name_fr", "ranking__name_en", "category_fr", "category_en",
                     "label_fr", "label_en", "year"]  # fmt: skip
    autocomplete_fields = ["ranking"]
    list_select_related = ["ranking"]
    fieldsets = [
        (None, {"fields": ["ranking", "year", "category", "scope"]}),
        (_("Result"), {"fields": RESULT_FIELDS}),
        (_("Label and badge"), {"fields": ["label", "generated_labels", "badge_image"]}),
        (_("Source and validity"), {"fields": ["source_url", "valid_from", "valid_until"]}),
    ]
    readonly_fields = ["generated_labels"]
    formfield_overrides = HTTPS_URL_FIELDS

    @admin.display(description=_("current"), boolean=True)
    def is_current_now(self, award):
        return award.is_current()

    @admin.display(description=_("generated labels"))
    def generated_labels(self, award):
        if award.pk is None:
            return _("Written from the result once the award is saved.")
        labels = [(code, name, award.generated_label(code)) for code, name in language_names()]
        return render_to_string("admin/rankings/generated_labels.html", {"labels": labels})
