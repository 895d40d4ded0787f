"""Public pages and feeds served from Django's cache, invalidated exactly.

Every cached page is stored under the current *content version*. Any change an
editor makes (a release, contact, award, ranking or the institution, once its
transaction commits) starts a new version, so no page cached before it is served
again. Changes that happen by the clock alone — a scheduled release going live, an
award's validity window opening or closing — are handled by never caching a page
past the next such moment.
"""

import hashlib
import uuid
from collections import OrderedDict
from functools import wraps

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

from .cache import on_recovery

VERSION_KEY = "newsroom:content-version"


def content_version():
    """The current content version, or None while the shared cache is unreachable."""
    shared = caches["default"]
    # Redis (core.cache) reads it on a connection of its own; other caches with get().
    version = getattr(shared, "get_small", shared.get)(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


@on_recovery  # changes made while the cache was down invalidated nothing
def start_new_version():
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def content_changed(**kwargs):
    """Signal receiver: a new version now, and again once the transaction commits.

    The second one drops any page another request rendered, and cached, from the
    data as it was before the commit.
    """
    start_new_version()
    transaction.on_commit(start_new_version)


# What tells the next moment pages change by the clock alone: each app registers its
# own (a release's scheduled publication, an award's validity window) in its ready().
CLOCKS = []


def changes_by_the_clock(next_moment):
    """Register `next_moment()`: the next such moment for one kind of content, or None."""
    CLOCKS.append(next_moment)
    return next_moment


def next_change_by_the_clock():
    """The next moment a page changes without anyone saving anything, or None."""
    moments = [next_moment() for next_moment in CLOCKS]
    return min((moment for moment in moments if moment), default=None)


def page_timeout(version):
    """Seconds a page may stay cached: until the next change by the clock, at most."""
    key = f"newsroom:next-change:{version}"
    next_change = cache.get(key, "unknown")
    if next_change == "unknown" or (next_change and next_change <= timezone.now()):
        next_change = next_change_by_the_clock()
        # Valid for this content version; recomputed above once that moment has passed.
        cache.set(key, next_change, timeout=24 * 3600)
    limit = settings.NEWSROOM_PAGE_CACHE_SECONDS
    if next_change is None:
        return limit
    seconds = (next_change - timezone.now()).total_seconds()
    return max(0, min(limit, int(seconds)))


def cached_page(view):
    """Mark a public view's GET/HEAD responses as pages PageCacheMiddleware may keep,
    for as long as `page_timeout` allows (see module docstring)."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        version = getattr(request, "content_version", None)
        if version is not None and request.method in ("GET", "HEAD"):
            response.page_cache_timeout = page_timeout(version)
        return revalidated(response)

    return cached_view


class ProcessPages:
    """The pages a worker served lately, by key, up to `capacity` bytes, least recently
    used dropped first. Keys hold the content version: a change makes them unreachable."""

    def __init__(self, capacity):
        self.capacity, self.size, self.pages = capacity, 0, OrderedDict()

    def get(self, key):
        stored = self.pages.get(key)
        if stored is not None:
            self.pages.move_to_end(key)
        return stored

    def put(self, key, stored):
        if key in self.pages or len(stored[0]) > self.capacity:
            return
        self.pages[key] = stored
        self.size += len(stored[0])
        while self.size > self.capacity:
            _key, (content, *_rest) = self.pages.popitem(last=False)
            self.size -= len(content)


PAGE_PARAMETERS = set(settings.NEWSROOM_PAGE_QUERY_PARAMETERS)
PROCESS_PAGES = ProcessPages(capacity=settings.NEWSROOM_PAGE_MEMORY_BYTES)


def query_names(request):
    """The names in the query string, as written: a cached page is served without
    building `request.GET` (7% of a hit on `?page=400`). A name written with escapes
    (`pa%67e`) is not one a page reads here: that page is rendered, not cached."""
    query = request.META.get("QUERY_STRING", "")
    return {part.partition("=")[0] for part in query.split("&") if part} if query else set()


def page_key(request, version):
    # Scheme and host too: absolute links in a page follow them, so a page asked for
    # under another name is another page.
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    # "page2": pages are stored with their policy header since it moved below; a page
    # stored before, without it, is never served.
    return f"newsroom:page2:{version}:{digest}"


class PageCacheMiddleware:
    """Serve cached pages before the middleware below it runs.

    Security headers, the policy (CSP), sessions, language, CSRF, authentication and
    messages have nothing to do for a page already rendered: the stored page holds every
    header they and the view gave it (HSTS, CSP, ETag, Content-Language, Vary,
    X-Frame-Options…), and the middleware above this one (the HTTPS redirect, the
    site's origin) run for cached and uncached pages alike. A hit costs one small round
    trip to the shared cache, for the content version; the page itself comes from this
    worker's memory when it served it lately under that version.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not settings.NEWSROOM_PAGE_CACHE_SECONDS:
            return self.get_response(request)
        # A parameter no page reads (?cb=1, ?utm_source=…) would store a page per value,
        # and pages repeat the query in their links: rendered for this visitor only.
        if not query_names(request) <= PAGE_PARAMETERS:
            return self.get_response(request)
        # None while the shared cache is unreachable: nothing is kept, nothing served.
        request.content_version = version = content_version()
        if version is None:
            return self.get_response(request)
        key = page_key(request, version)
        stored = PROCESS_PAGES.get(key)
        if stored is None:
            stored = cache.get(key)
            if stored is not None:
                PROCESS_PAGES.put(key, stored)
        # Freshness is checked here, to the second, whatever the cache backend's clock.
        if stored is not None and stored[2] > timezone.now().timestamp():
            content, headers, _fresh_until = stored
            return conditional(request, HttpResponse(content, headers=headers))
        response = self.get_response(request)
        timeout = getattr(response, "page_cache_timeout", 0)
        if response.status_code == 200 and not response.cookies and timeout > 0:
            if hasattr(response, "render"):
                response.render()
            headers = dict(response.headers)
            stored = (response.content, headers, timezone.now().timestamp() + timeout)
            cache.set(key, stored, timeout)
            PROCESS_PAGES.put(key, stored)
        return response


# What a visitor sends to ask "only if changed" (or "only if unchanged").
VALIDATORS = ("HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE", "HTTP_IF_MATCH",
              "HTTP_IF_UNMODIFIED_SINCE")  # fmt: skip


def conditional(request, response):
    """A 304 where the visitor's copy is current, as ConditionalGetMiddleware answers
    below this point for pages that are rendered."""
    if request.method != "GET" or not any(header in request.META for header in VALIDATORS):
        return response
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(
        request, etag=response.get("ETag"), last_modified=last_modified, response=response
    )


def revalidated(response):
    """Shared caches (a CDN) may keep the page but must ask again each time: the ETag
    makes that a cheap 304, and a publication shows at once."""
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response
