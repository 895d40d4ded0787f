"""The site's languages, and the per-language columns modeltranslation adds."""

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language_info
from modeltranslation.utils import build_localized_fieldname

# French first: the site's default language and the one texts are written in.
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def language_names():
    """Each language named in itself (Français, English), as a switcher shows them."""
    return [(code, get_language_info(code)["name_local"]) for code in LANGUAGE_CODES]


def localized(field, language):
    """The column that holds `field` in `language`, e.g. title_fr."""
    return build_localized_fieldname(field, language)


def per_language(field):
    """The field's column in each language: title_fr, title_en."""
    return [localized(field, code) for code in LANGUAGE_CODES]


def filled(field, language):
    """Q for rows where the `language` version of `field` is not empty."""
    column = localized(field, language)
    return Q(**{f"{column}__isnull": False}) & ~Q(**{column: ""})
