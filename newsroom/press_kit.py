"""A release's press kit as one ZIP: every usable asset in the editor's order, the
release's text (HTML and plain text) and a credits.txt — streamed as it is written, a
chunk at a time, never the whole archive in memory."""

import html
import re
import zipfile

from django.core.files.storage import default_storage
from django.http import Http404, StreamingHttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.utils.html import strip_tags

from core.languages import localized

from . import workflow
from .models import PressRelease
from .previews import granted_releases

CHUNK_BYTES = 256 * 1024


class Pipe:
    """A write-only file: what zipfile writes waits here until the response takes it
    (zipfile writes to a stream it cannot seek, adding each entry's sizes after it)."""

    def __init__(self):
        self.chunks = []

    def write(self, data):
        self.chunks.append(bytes(data))
        return len(data)

    def flush(self):
        pass

    def take(self):
        data = b"".join(self.chunks)
        self.chunks.clear()
        return data


def archive_name(release, language):
    slug = getattr(release, f"slug_{language}") or str(release.uuid)
    return f"{slug}-{timezone.localtime(release.published_at):%Y-%m-%d}"


def plain_text(rich):
    """The release's HTML as plain text: a line per paragraph, heading and list item."""
    text = re.sub(r"</(p|h[1-6]|li|blockquote|tr)>|<br\s*/?>", "\n", rich)
    text = html.unescape(strip_tags(text))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def texts(release, kit, language):
    """The release as an HTML page and as plain text, and the kit's credits."""
    with translation.override(language):
        context = {"release": release, "kit": kit, "language": language,
                   "dateline": release.formatted_dateline(language)}  # fmt: skip
        page = render_to_string("newsroom/press_kit/release.html", context, using="jinja2")
        credits = render_to_string("newsroom/press_kit/credits.txt", context, using="jinja2")
    return page, plain_text(page), credits


def stream(release, kit, language):
    """The ZIP's bytes, chunk after chunk."""
    pipe = Pipe()
    stem = archive_name(release, language)
    with zipfile.ZipFile(pipe, "w", compression=zipfile.ZIP_STORED) as archive:
        for position, asset in kit:
            info = zipfile.ZipInfo(f"{stem}/{asset.file_name(position)}")
            info.date_time = timezone.localtime(asset.created_at).timetuple()[:6]
            info.file_size = asset.stored.size
            with (
                default_storage.open(asset.stored.name) as source,
                archive.open(info, "w") as target,
            ):
                while chunk := source.read(CHUNK_BYTES):
                    target.write(chunk)
                    yield pipe.take()
        page, text, credits = texts(release, kit, language)
        archive.writestr(f"{stem}/{stem}.html", page, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(f"{stem}/{stem}.txt", text, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(f"{stem}/credits.txt", credits, compress_type=zipfile.ZIP_DEFLATED)
        yield pipe.take()
    yield pipe.take()


def download(request, slug):
    """A release's press kit as one ZIP, streamed: for a public release, or for one an
    editor or a preview or journalist link lets this visitor read."""
    language = translation.get_language()
    release = PressRelease.objects.filter(**{localized("slug", language): slug}).first()
    if release is None or not may_read(request, release, language):
        raise Http404
    kit = release.press_kit
    if not kit:
        raise Http404
    response = StreamingHttpResponse(stream(release, kit, language), content_type="application/zip")
    name = archive_name(release, language)
    response["Content-Disposition"] = f'attachment; filename="{name}-press-kit.zip"'
    response["X-Robots-Tag"] = "noindex"
    patch_cache_control(response, private=True, no_store=True)
    return response


def may_read(request, release, language):
    """The release is public in `language`, or this visitor may preview it."""
    if PressRelease.objects.public(language).filter(pk=release.pk).exists():
        return True
    return workflow.can_view(request.user) or str(release.uuid) in granted_releases(request)
