from modeltranslation.translator import TranslationOptions, register

from .models import Award, Ranking


@register(Ranking)
class RankingTranslationOptions(TranslationOptions):
    fields = ("name", "publisher", "description")


@register(Award)
class AwardTranslationOptions(TranslationOptions):
    fields = ("category", "label")
