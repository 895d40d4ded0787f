from modeltranslation.translator import TranslationOptions, register

from .models import Institution


@register(Institution)
class InstitutionTranslationOptions(TranslationOptions):
    fields = ("about", "accessibility_issues")
