"""The Jinja2 environment of the public pages (templates/jinja2/).

Public pages are rendered with Jinja2, Django's other built-in template backend: a
news page is mostly its template, and Jinja2 compiles templates to Python code,
several times faster than Django's engine. The admin keeps Django's templates.

Translatable text is written `_("…")`, with `|format(name=…)` for placeholders, so
that `makemessages` finds it as in Django templates; plurals come from Python.
"""

import datetime
from functools import lru_cache
from itertools import groupby
from operator import attrgetter

from django.template import defaultfilters
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.formats import number_format
from django.utils.timezone import template_localtime
from django.utils.translation import get_language, gettext, ngettext
from jinja2 import Environment

from newsroom.templatetags.newsroom import (
    day_in_words,
    json_ld,
    og_locale,
    picture,
    release_card,
)
from rankings.templatetags.rankings import award_badge


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


def date(value, format_name=None):
    """Django's `date` filter, in the current time zone as Django templates show it.

    Its two common uses skip Django's formatter: the ISO form ("c"), and the day in
    words, written once per process (lists show a dozen dates per page).
    """
    value = template_localtime(value)
    if format_name == "c":
        return value.isoformat()
    if format_name == "DATE_FORMAT" and isinstance(value, datetime.datetime):
        return day_in_words(get_language(), value.date())
    return defaultfilters.date(value, format_name)


def contacts_heading(count):
    return ngettext("Press contact", "Press contacts", count)


def search_count(count, query, more_than_counted=False):
    """How many releases a search found, or that it found more than it pages through."""
    if more_than_counted:
        message = gettext(
            "More than %(counter)s press releases found for “%(query)s”: "
            "add a word or choose a year or a ranking to narrow the search."
        )
    else:
        message = ngettext(
            "%(counter)s press release found for “%(query)s”.",
            "%(counter)s press releases found for “%(query)s”.",
            count,
        )
    return message % {"counter": number_format(count, force_grouping=True), "query": query}


def environment(**options):
    env = Environment(extensions=["jinja2.ext.i18n"], **options)
    env.install_gettext_callables(gettext, ngettext, newstyle=False)
    env.globals.update(
        url=url,
        static=static,
        querystring=querystring,
        regroup=regroup,
        release_card=release_card,
        award_badge=award_badge,
        picture=picture,
        contacts_heading=contacts_heading,
        search_count=search_count,
    )
    env.filters.update(
        date=date,
        truncatechars=defaultfilters.truncatechars,
        linebreaksbr=defaultfilters.linebreaksbr,
        capfirst=defaultfilters.capfirst,
        og_locale=og_locale,
        json_ld=json_ld,
    )
    return env
