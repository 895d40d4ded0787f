"""Uploaded files, served so that a release's pictures stay private until it is public.

The media library's files (hero images and press kits), their renditions and pictures
uploaded in the editor answer 404 at their public address until a release using them
is public (an embargoed release's pictures appear at the moment it lifts), except to
editors and to sessions a preview link granted them (newsroom.previews). Everything
else in the media storage is public. Whether a file is public is remembered per content
version, like pages.
"""

import mimetypes
import posixpath
from contextlib import suppress

from django.core.cache import cache
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.db.models import Q
from django.http import FileResponse, HttpResponseNotFound
from django.utils.cache import patch_cache_control
from django.utils.http import http_date

from core import renditions
from core.languages import LANGUAGE_CODES
from core.models import Institution
from core.page_cache import content_version, page_timeout
from rankings.models import Ranking

from . import workflow
from .models import MediaAsset, PressRelease
from .previews import granted_releases

RELEASE_IMAGES = "releases/"
EDITOR_UPLOADS = "editor/"
RENDITIONS = "renditions/"
ASSETS = "assets/"
IMPORTED_DOCUMENTS = "imports/"


def owning_releases(name):
    """Releases showing the file `name`, or None for a file no release guards."""
    original = name.removeprefix(RENDITIONS)
    if original.startswith((ASSETS, RELEASE_IMAGES)):
        # A media library file (hero images uploaded before the library kept their
        # folder): public with a public release showing it, until its end.
        if name.startswith(RENDITIONS):  # renditions/<dir>/<stem>-<size>.<ext>
            folder, filename = posixpath.split(original)
            stem = filename.rsplit("-", 1)[0]
            assets = MediaAsset.objects.filter(picture__startswith=f"{folder}/{stem}.")
        else:
            assets = MediaAsset.objects.filter(Q(picture=original) | Q(document=original))
        usable = assets.available()
        return PressRelease.objects.filter(Q(release_assets__asset__in=usable) | Q(hero__in=usable))
    if original.startswith(EDITOR_UPLOADS):
        # A picture in the text of a ranking or of the institution is public with it.
        if (
            Ranking.objects.filter(
                Q(description_fr__contains=original) | Q(description_en__contains=original)
            ).exists()
            or Institution.objects.filter(
                Q(about_fr__contains=original) | Q(about_en__contains=original)
            ).exists()
        ):
            return None
        mentions = Q()
        for code in LANGUAGE_CODES:
            mentions |= Q(**{f"body_{code}__contains": original})
        return PressRelease.objects.filter(mentions)
    return None


def is_public(name):
    version = content_version()
    key = f"newsroom:media-public:{version}:{name}"
    public = cache.get(key)
    if public is None:
        releases = owning_releases(name)
        public = releases is None or releases.public_in_any_language().exists()
        timeout = page_timeout(version)
        if timeout:
            cache.set(key, public, timeout)
    return public


def may_preview(request, name):
    if workflow.can_view(request.user):
        return True
    granted = granted_releases(request)
    releases = owning_releases(name)
    return bool(granted) and releases.filter(uuid__in=granted).exists()


def not_found():
    """A 404 no cache keeps: the same address may answer once its release is public."""
    response = HttpResponseNotFound("Not found.", content_type="text/plain; charset=utf-8")
    patch_cache_control(response, no_store=True)
    return response


def serve(request, name):
    name = posixpath.normpath(name).lstrip("/")
    if name.startswith(IMPORTED_DOCUMENTS):  # documents waiting for an editor's review
        return not_found()
    try:
        exists = not name.startswith(".") and default_storage.exists(name)
    except (ValueError, SuspiciousFileOperation):  # a NUL byte, a path outside the storage
        exists = False
    if not exists and not (name.startswith(RENDITIONS) and renditions.remake(name)):
        return not_found()
    if is_public(name):
        # A shared cache (a CDN) may keep it but asks again each time: a withdrawn
        # picture is gone from it at once, and an unchanged one costs a 304.
        cache_control = {"public": True, "max_age": 0, "must_revalidate": True}
    elif may_preview(request, name):
        cache_control = {"private": True, "no_store": True}
    else:
        return not_found()
    try:
        file = default_storage.open(name)
    except OSError:  # a folder (it "exists" too), or a file gone meanwhile
        return not_found()
    content_type, _encoding = mimetypes.guess_type(name)
    response = FileResponse(file, content_type=content_type or "application/octet-stream")
    patch_cache_control(response, **cache_control)
    response["X-Content-Type-Options"] = "nosniff"
    with suppress(NotImplementedError, OSError):  # a storage that does not say
        response["Last-Modified"] = http_date(default_storage.get_modified_time(name).timestamp())
    return response
