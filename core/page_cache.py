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
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from .cache import on_recovery

VERSION_KEY = "newsroom:content-version"
HEADERS_KEPT = ("Content-Type", "Last-Modified", "Content-Language", "Content-Disposition")


def content_version():
    version = cache.get(VERSION_KEY)
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
    """Serve GET/HEAD responses of a public view from the cache (see module docstring)."""

    @wraps(view)
    def cached_view(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        if not settings.NEWSROOM_PAGE_CACHE_SECONDS:
            return revalidated(view(request, *args, **kwargs))
        version = content_version()
        path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        key = f"newsroom:page:{version}:{path}"
        stored = cache.get(key)
        # Freshness is checked here, to the second, whatever the cache backend's clock.
        if stored is not None and stored[2] > timezone.now().timestamp():
            content, headers, _fresh_until = stored
            response = HttpResponse(content, headers=headers)
        else:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            timeout = page_timeout(version)
            if response.status_code == 200 and not response.cookies and timeout > 0:
                headers = {name: response[name] for name in HEADERS_KEPT if name in response}
                fresh_until = timezone.now().timestamp() + timeout
                cache.set(key, (response.content, headers, fresh_until), timeout)
        return revalidated(response)

    return cached_view


def revalidated(response):
    """Shared caches (a CDN) may keep the page but must ask again each time: the ETag
    makes that a cheap 304, and a publication shows at once."""
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response
