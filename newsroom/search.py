"""Full-text search of public releases, in the page's language.

On PostgreSQL: a weighted tsvector per language (title A, standfirst B, body C) kept
in `search_vector_<lang>` with a GIN index, text search configurations that ignore
accents and stem French or English words, ranking by relevance and highlighted
snippets. On SQLite: every word of the query, lightly stemmed, must begin a word
of a lowercased, accent-free copy of the text (`search_text_<lang>`), found through
an FTS5 index per language; newest first.

Either way a search reads the ids of its newest MAX_RESULTS matches in one query
(ranked among themselves on PostgreSQL), then the releases of the page shown
(SearchResults): no count or ranking of every match, no OFFSET, so a word found in
every release costs the same at 100,000 releases as at 1,000.
"""

import re
import unicodedata
from contextlib import contextmanager
from operator import itemgetter

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection, connections
from django.db.models import BooleanField, F, Func, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat
from django.utils.functional import cached_property
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from core.languages import LANGUAGE_CODES

# Created by migration newsroom 0002: the language's stemmer after `unaccent`.
CONFIGURATIONS = {"fr": "french_unaccent", "en": "english_unaccent"}
MAX_QUERY_LENGTH = 500
# Matches a search pages through (84 pages of 12); beyond, it says "over 1,000" and
# the visitor narrows it down (words, year, ranking), as large search engines do.
MAX_RESULTS = 1000
WORD = re.compile(r"\w+", re.UNICODE)
# Private-use characters mark the matches, so that the text can be escaped around them.
START, STOP = "\ue000", "\ue001"


def uses_postgres():
    return connection.vendor == "postgresql"


SQLITE_INDEX_EVENTS = ("insert", "delete", "update")


def sqlite_index(language):
    return f"newsroom_release_fts_{language}"


def sqlite_index_statements(language):
    """An FTS5 index over `search_text_<language>`, kept up to date by triggers."""
    index, column = sqlite_index(language), f"search_text_{language}"
    forget_old = (
        f"INSERT INTO {index}({index}, rowid, {column}) VALUES ('delete', old.id, old.{column});"
    )
    index_new = f"INSERT INTO {index}(rowid, {column}) VALUES (new.id, new.{column});"
    table = "newsroom_pressrelease"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {index} USING fts5("
        f"{column}, content='{table}', content_rowid='id')",
        f"CREATE TRIGGER {index}_insert AFTER INSERT ON {table} BEGIN {index_new} END",
        f"CREATE TRIGGER {index}_delete AFTER DELETE ON {table} BEGIN {forget_old} END",
        f"CREATE TRIGGER {index}_update AFTER UPDATE OF {column} ON {table} "
        f"BEGIN {forget_old} {index_new} END",
        f"INSERT INTO {index}({index}) VALUES ('rebuild')",
    ]


def ensure_sqlite_index(using="default", **kwargs):
    """post_migrate: on SQLite, (re)build the search index wherever its triggers are
    missing: a new database, or a migration that rebuilt the releases table (SQLite
    alters a table by copying it, which drops its triggers)."""
    database = connections[using]
    if database.vendor != "sqlite":
        return
    with database.cursor() as cursor:
        tables = database.introspection.table_names(cursor)
        if "newsroom_pressrelease" not in tables:
            return
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {name for (name,) in cursor.fetchall()}
        for language in LANGUAGE_CODES:
            if f"{sqlite_index(language)}_update" in triggers:
                continue
            for name in (f"{sqlite_index(language)}_{event}" for event in SQLITE_INDEX_EVENTS):
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            for statement in sqlite_index_statements(language):
                cursor.execute(statement)


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


@contextmanager
def planned_for_its_words():
    """Statements run inside are planned for their own parameters, never prepared.

    The best plan for a search depends on its words: for a common one, walk the newest
    releases and stop at the thousandth match; for a rare one, read the index of words.
    A prepared statement keeps one plan for every word (the second: 26 ms instead of
    4 for a word found in every release).
    """
    if not uses_postgres():
        yield
        return
    connection.ensure_connection()
    psycopg_connection = connection.connection
    threshold = psycopg_connection.prepare_threshold
    psycopg_connection.prepare_threshold = None
    try:
        yield
    finally:
        psycopg_connection.prepare_threshold = threshold


class SearchResults:
    """A search's releases, best first, as a paginator's list.

    One query reads the ids of the newest MAX_RESULTS `matches` (with their `rank`, an
    expression, where results go by relevance; ranking every match of a common word
    would read the whole table: half a second at 100,000 releases on PostgreSQL). Each
    page then reads its own releases by id from `shown`, which may annotate what a
    page alone needs.
    """

    def __init__(self, matches, shown, rank=None):
        self.matches, self.shown, self.rank = matches, shown, rank

    def newest(self):
        """The query behind `found`: the ids (and ranks) of the newest matches, one
        more than MAX_RESULTS to tell whether some are left out."""
        # Plain rows: modeltranslation's rewriting would wrap each of a thousand.
        matches = self.matches.rewrite(False).order_by("-published_at", "-pk")
        if self.rank is None:
            return matches.values_list("pk", flat=True)[: MAX_RESULTS + 1]
        return matches.annotate(rank=self.rank).values_list("pk", "rank")[: MAX_RESULTS + 1]

    @cached_property
    def found(self):
        """(ids best first, whether more matches were left out)."""
        with planned_for_its_words():
            rows = list(self.newest())
        more = len(rows) > MAX_RESULTS
        if self.rank is None:
            return rows[:MAX_RESULTS], more
        ranked = sorted(rows[:MAX_RESULTS], key=itemgetter(1), reverse=True)  # stable
        return [pk for pk, _rank in ranked], more

    @property
    def ids(self):
        return self.found[0]

    @property
    def more_than_counted(self):
        return self.found[1]

    def count(self):
        return len(self.ids)

    def releases(self, ids):
        return self.shown.filter(pk__in=ids).order_by()

    def __getitem__(self, window):
        ids = self.ids[window]
        by_id = {release.pk: release for release in self.releases(ids)}
        # A release unpublished between the two queries is left out.
        return [by_id[pk] for pk in ids if pk in by_id]


class Rank(SearchRank):
    """ts_rank, as psycopg reads it: a float already. Django's own converter would call
    float() on each of the thousand ranks a search reads."""

    @property
    def convert_value(self):
        return self._convert_value_noop  # Django then applies no converter at all


def search(queryset, query, language):
    """Releases of `queryset` matching `query`, best first (SearchResults); on
    PostgreSQL each shown release has a `raw_snippet`."""
    if uses_postgres():
        config = CONFIGURATIONS[language]
        tsquery = SearchQuery(query, config=config, search_type="websearch")
        text = Concat(
            text_of(f"standfirst_{language}"),
            Value(" — "),
            PlainText(text_of(f"body_{language}")),
            output_field=TextField(),
        )
        matches = queryset.filter(**{f"search_vector_{language}": tsquery})
        rank = Rank(F(f"search_vector_{language}"), tsquery)
        shown = queryset.annotate(
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
            )
        )
        return SearchResults(matches, shown, rank)
    words = query_words(query)
    if not words:
        return SearchResults(queryset.none(), queryset)
    # Every word's stem begins a word of the text (FTS5 prefix queries, quoted). The
    # unary + keeps SQLite reading the public releases' index, newest first, and
    # checking each against the matches until it has enough, rather than reading
    # every matching release's row, which is slower for a common word.
    match = " AND ".join(f'"{stem(word)}"*' for word in words)
    index, table = sqlite_index(language), queryset.model._meta.db_table
    matching = RawSQL(
        f'+"{table}"."id" IN (SELECT rowid FROM {index} WHERE {index} MATCH %s)',  # noqa: S611
        [match],
        output_field=BooleanField(),
    )
    return SearchResults(queryset.filter(matching), queryset)


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
