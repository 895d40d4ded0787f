"""The Jinja2 environment of the public pages (templates/jinja2/): what every template
may call. Each app adds its own helpers (config.jinja2 puts them together).

Public pages are rendered with Jinja2, Django's other built-in template backend: a
news page is mostly its template, and Jinja2 compiles templates to Python code,
several times faster than Django's engine. The admin keeps Django's templates.

Translatable text is written `_("…")`, with `|format(name=…)` for placeholders, so
that `makemessages` finds it as in Django templates; plurals come from Python.
"""

import datetime
import json
from functools import lru_cache
from itertools import groupby
from operator import attrgetter

from django.core.serializers.json import DjangoJSONEncoder
from django.template import defaultfilters
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import formats, translation
from django.utils.timezone import template_localtime
from django.utils.translation import get_language, gettext, ngettext
from jinja2 import Environment
from jinja2.filters import do_format
from markupsafe import Markup

from .renditions import picture_data
from .typography import typeset

# As django.utils.html.json_script: nothing in the data can close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


def url(name, **kwargs):
    if kwargs:
        return reverse(name, kwargs=kwargs)
    return url_in_frame(name, get_language(), get_urlconf(), get_script_prefix())


@lru_cache(maxsize=256)
def url_in_frame(name, language, urlconf, script_prefix):
    """A page's address without arguments (menus, feeds), reversed once per process
    for each language, URLconf and prefix the site answers under."""
    return reverse(name, urlconf=urlconf)


def querystring(request, **changes):
    """The page's query string with `changes` applied, as Django's {% querystring %}."""
    params = request.GET.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = value
    if not params and not request.GET:
        return ""
    return f"?{params.urlencode()}"


def regroup(items, attribute):
    """Consecutive items sharing `attribute`, as Django's {% regroup %}: (grouper, list)."""
    return [
        {"grouper": grouper, "list": list(group)}
        for grouper, group in groupby(items, key=attrgetter(attribute))
    ]


def day_in_words(language, day):
    """'22 septembre 2021': the date as the language writes it; in French the first
    of the month is an ordinal ('1er décembre 2026')."""
    with translation.override(language):
        written = formats.date_format(day, "DATE_FORMAT")
    if language == "fr" and day.day == 1:
        written = written.replace("1", "1er", 1)
    return written


def date(value, format_name=None):
    """Django's `date` filter, in the current time zone as Django templates show it.

    Its common uses skip Django's formatter: the ISO forms ("c", "Y-m-d"), and the day
    in words.
    """
    value = template_localtime(value)
    if format_name == "c":
        return value.isoformat()
    if format_name == "Y-m-d":  # sitemaps: thousands of dates
        return (value.date() if isinstance(value, datetime.datetime) else value).isoformat()
    if format_name == "DATE_FORMAT" and isinstance(value, datetime.datetime):
        return day_in_words(get_language(), value.date())
    return defaultfilters.date(value, format_name)


def json_for_script(data):
    """Data as JSON to put in a <script> element, escaped like json_script."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return Markup(payload.translate(JSON_SCRIPT_ESCAPES))  # noqa: S704 (escaped above)


def og_locale(language):
    return OG_LOCALES.get(language, language)


def format_typeset(value, *args, **kwargs):
    """Jinja's `format`, then French typography: a sentence composed with a name from
    the settings or the database gets its elision ("À propos d’IMT Mines Alès")."""
    return typeset(do_format(value, *args, **kwargs))


def environment(**options):
    env = Environment(extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(gettext, ngettext, newstyle=False)
    env.globals.update(
        url=url,
        static=static,
        querystring=querystring,
        regroup=regroup,
        picture_data=picture_data,
    )
    env.filters.update(
        format=format_typeset,
        date=date,
        truncatechars=defaultfilters.truncatechars,
        linebreaksbr=defaultfilters.linebreaksbr,
        capfirst=defaultfilters.capfirst,
        og_locale=og_locale,
        json_for_script=json_for_script,
    )
    return env
