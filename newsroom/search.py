"""Full-text search of public releases, in the page's language.

On PostgreSQL: a weighted tsvector per language (title A, standfirst B, body C) kept
in `search_vector_<lang>` with a GIN index, text search configurations that ignore
accents and stem French or English words, ranking by relevance and highlighted
snippets. On SQLite: every word of the query must appear in a lowercased,
accent-free copy of the text (`search_text_<lang>`), newest first.
"""

import re
import unicodedata

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

# Created by migration newsroom 0002: the language's stemmer after `unaccent`.
CONFIGURATIONS = {"fr": "french_unaccent", "en": "english_unaccent"}
MAX_QUERY_LENGTH = 500
WORD = re.compile(r"\w+", re.UNICODE)
# Private-use characters mark the matches, so that the text can be escaped around them.
START, STOP = "\ue000", "\ue001"


def uses_postgres():
    return connection.vendor == "postgresql"


def fold(text):
    """Lowercase without accents: 'Classée' → 'classee'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def query_words(query):
    return WORD.findall(fold(query))


# The SQLite fallback's stemming: a few French and English endings, longest first,
# so that "classée", "classement" and "classe" all look for "class".
ENDINGS = sorted(
    ["ements", "ement", "ations", "ation", "ees", "ee", "es", "e", "s", "ings", "ing", "ed"],
    key=len,
    reverse=True,
)


def stem(word):
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def searchable_text(release, language):
    """The accent-free text the SQLite fallback searches in."""
    parts = (getattr(release, f"{field}_{language}") or "" for field in ("title", "standfirst"))
    body = strip_tags(getattr(release, f"body_{language}") or "")
    return fold(" ".join([*parts, body]))


class PlainText(Func):
    """The HTML column as text: tags become spaces."""

    function = "regexp_replace"
    template = "%(function)s(%(expressions)s, '<[^>]+>', ' ', 'g')"
    output_field = TextField()


def text_of(column):
    return Coalesce(column, Value(""), output_field=TextField())


def search_vector(language):
    config = CONFIGURATIONS[language]
    return (
        SearchVector(text_of(f"title_{language}"), config=config, weight="A")
        + SearchVector(text_of(f"standfirst_{language}"), config=config, weight="B")
        + SearchVector(PlainText(text_of(f"body_{language}")), config=config, weight="C")
    )


def search(queryset, query, language):
    """Releases of `queryset` matching `query`, best first, each with a `snippet`."""
    if uses_postgres():
        config = CONFIGURATIONS[language]
        tsquery = SearchQuery(query, config=config, search_type="websearch")
        text = Concat(
            text_of(f"standfirst_{language}"),
            Value(" — "),
            PlainText(text_of(f"body_{language}")),
            output_field=TextField(),
        )
        return (
            queryset.filter(**{f"search_vector_{language}": tsquery})
            .annotate(
                rank=SearchRank(F(f"search_vector_{language}"), tsquery),
                raw_snippet=SearchHeadline(
                    text,
                    tsquery,
                    config=config,
                    start_sel=START,
                    stop_sel=STOP,
                    max_words=35,
                    min_words=15,
                    max_fragments=2,
                    fragment_delimiter=" … ",
                ),
            )  # fmt: skip
            .order_by("-rank", "-published_at")
        )
    words = query_words(query)
    if not words:
        return queryset.none()
    for word in words:
        queryset = queryset.filter(**{f"search_text_{language}__contains": stem(word)})
    return queryset.order_by("-published_at")


def snippet(release, query, language):
    """The highlighted extract shown under a result, escaped, with <mark> around matches."""
    raw = getattr(release, "raw_snippet", None)
    if raw is None:  # SQLite: the standfirst, matching words marked
        raw = getattr(release, f"standfirst_{language}") or ""
        stems = {stem(word) for word in query_words(query)}
        raw = WORD.sub(
            lambda m: f"{START}{m[0]}{STOP}" if fold(m[0]).startswith(tuple(stems)) else m[0],
            raw,
        )
    html = escape(raw).replace(START, "<mark>").replace(STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 (escaped above; only our <mark> tags are added)
