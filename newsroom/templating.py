"""What the newsroom's public templates call besides core.templating: sentences whose
plural depends on a number (makemessages finds plurals in Python, not in Jinja2), and
the press kit's file sizes and screen-size pictures, release cards (kept: newsroom.rendered)."""

import logging

from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.utils.formats import number_format
from django.utils.translation import gettext, ngettext

from core import renditions

from .rendered import release_card

logger = logging.getLogger(__name__)


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


def more_results(folded):
    """The summary of the key figures folded away: '3 more results'."""
    count = sum(len(edition.lines) for edition in folded)
    return ngettext("%(count)s more result", "%(count)s more results", count) % {"count": count}


def more_awards(count):
    """After a card's first awards: '+ 6 more'."""
    return ngettext("+ %(count)s more", "+ %(count)s more", count) % {"count": count}


def releases_announcing(awards):
    """The public releases announcing any of `awards` (prefetched), each once, newest first."""
    releases = {release.pk: release for award in awards for release in award.releases.all()}
    return sorted(releases.values(), key=lambda release: release.published_at, reverse=True)


def web_size(picture):
    """The address of a press kit picture at screen size (1600 px wide at most), or
    None when the stored picture cannot be read."""
    try:
        name, _width, _height = renditions.make_rendition(
            picture.name, WEB_WIDTH, renditions.fallback_format(picture.name)
        )
    except (OSError, ValueError):
        logger.warning("Cannot make the web size of %s", picture.name, exc_info=True)
        return None
    return default_storage.url(name)


def file_size(asset):
    """'2.4 MB', '2,4 Mo': the size of an asset's file, in the active language."""
    size = asset.size_bytes()
    return filesizeformat(size) if size is not None else ""


def kit_contents(kit):
    """'2 pictures, 1 document': what a press kit holds."""
    pictures = sum(asset.is_picture() for _position, asset in kit)
    documents = len(kit) - pictures
    parts = []
    if pictures:
        parts.append(
            ngettext("%(count)s picture", "%(count)s pictures", pictures) % {"count": pictures}
        )
    if documents:
        parts.append(
            ngettext("%(count)s document", "%(count)s documents", documents) % {"count": documents}
        )
    return ", ".join(parts)


WEB_WIDTH = 1600

GLOBALS = {
    "release_card": release_card,
    "kit_contents": kit_contents,
    "web_size": web_size,
    "file_size": file_size,
    "releases_announcing": releases_announcing,
    "more_awards": more_awards,
    "contacts_heading": contacts_heading,
    "search_count": search_count,
    "more_results": more_results,
}
