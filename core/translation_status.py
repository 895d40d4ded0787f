"""When each language version of a text last changed, for the translation board.

A model with `TranslationTracked` remembers, per language, when one of its
translated fields last changed. A translation is *missing* when the original
language (settings.NEWSROOM_ORIGINAL_LANGUAGE) has a text the other language lacks,
and *outdated* when the original changed after it.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

from .languages import LANGUAGE_CODES, filled


def original_language():
    return settings.NEWSROOM_ORIGINAL_LANGUAGE


def translation_languages():
    return [code for code in LANGUAGE_CODES if code != original_language()]


def translation_needed(required_fields):
    """Q for rows whose text in some language is missing or older than the original's."""
    source = original_language()
    condition = Q()
    for code in translation_languages():
        changed, source_changed = f"text_changed_{code}", f"text_changed_{source}"
        condition |= Q(**{f"{changed}__lt": F(source_changed)})
        condition |= Q(**{f"{changed}__isnull": True, f"{source_changed}__isnull": False})
        for field in required_fields:
            condition |= filled(field, source) & ~filled(field, code)
    return condition


class TranslationTrackedQuerySet(models.QuerySet):
    def needing_translation(self):
        """Rows whose text in some language is missing or older than the original's:
        read from a column the database computes, where the model keeps one (a table
        that grows, read by an index rather than in full)."""
        if any(field.name == "needs_translation" for field in self.model._meta.fields):
            return self.filter(needs_translation=True)
        return self.filter(translation_needed(self.model.translation_required_fields))


class TranslationTracked(models.Model):
    """Records, on save, which language versions of the translated fields changed."""

    # The fields a translation needs at the least (listed as missing when empty).
    translation_required_fields = ()

    text_changed_fr = models.DateTimeField(_("French text changed"), null=True, editable=False)
    text_changed_en = models.DateTimeField(_("English text changed"), null=True, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        columns = self.translated_columns()
        stored = {}
        if self.pk is not None:  # compared here, not on load: reading stays free
            stored = type(self).objects.filter(pk=self.pk).values(*columns).first() or {}
        now = timezone.now()
        for code in LANGUAGE_CODES:
            if any(
                (getattr(self, column) or "") != (stored.get(column) or "")
                for column in columns
                if column.endswith(f"_{code}")
            ):
                setattr(self, f"text_changed_{code}", now)
        super().save(*args, **kwargs)

    @classmethod
    def translated_columns(cls):
        fields = translator.get_options_for_model(cls).fields
        return [build_localized_fieldname(field, code) for field in fields
                for code in LANGUAGE_CODES]  # fmt: skip

    def translation_state(self):
        """{language: "missing" | "outdated"} for each translation needing work."""
        source = original_language()
        source_changed = getattr(self, f"text_changed_{source}")
        states = {}
        for code in translation_languages():
            changed = getattr(self, f"text_changed_{code}")
            missing = any(
                getattr(self, build_localized_fieldname(field, source))
                and not getattr(self, build_localized_fieldname(field, code))
                for field in self.translation_required_fields
            )
            if missing:
                states[code] = "missing"
            elif source_changed and (changed is None or changed < source_changed):
                states[code] = "outdated"
        return states

    def mark_translations_current(self):
        """The translator checked the other languages: they follow the original again."""
        now = timezone.now()
        type(self).objects.filter(pk=self.pk).update(
            **{f"text_changed_{code}": now for code in LANGUAGE_CODES}
        )
