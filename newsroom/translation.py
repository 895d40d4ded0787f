from modeltranslation.translator import TranslationOptions, register

from .models import Contact, MediaAsset, PressRelease


@register(PressRelease)
class PressReleaseTranslationOptions(TranslationOptions):
    fields = ("title", "slug", "standfirst", "body")
    # Empty slugs are stored as NULL so that the per-language unique constraint
    # ignores releases without that language.
    empty_values = {"slug": None}


@register(Contact)
class ContactTranslationOptions(TranslationOptions):
    fields = ("name", "role", "organisation")


@register(MediaAsset)
class MediaAssetTranslationOptions(TranslationOptions):
    fields = ("caption", "alt_text")
