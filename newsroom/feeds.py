"""RSS 2.0 and Atom 1.0 feeds of the latest public releases, one pair per language.

Each item is written once per process and kept under the versions of all it shows
(the release, its awards and their rankings, its enclosed picture: `Versioned` rows,
renewed on every save), with the feed's format, language and site: an edit shows at
once in every process, as a new version. Writing the items was a third of a feed's
work (docs/architecture.md, Caches).
"""

import io
import mimetypes
import re
import uuid
from contextvars import ContextVar

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import get_script_prefix, reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.xmlutils import SimplerXMLGenerator

from core.models import Institution, KeptUnderVersions
from core.typography import sentence

from .models import PressRelease
from .models.awards import public_rankings
from .rendered import shown_versions

# Feeds are shared instances; the request they answer is kept per call, not on self,
# with the releases whose items are written for it (the others are kept).
current_request = ContextVar("current_request")
releases_to_write = ContextVar("releases_to_write")

# {(format, language, scheme, host, address prefix, the versions a card shows
# (newsroom.rendered.shown_versions), enclosed picture's id and version): the item's XML}
# An item carries its whole release, a few KB to a few tens: about 10 MB at most.
KEPT_ITEMS = KeptUnderVersions(limit=1024)


# Characters XML 1.0 cannot carry: a stray one would make the whole feed fail.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(value):
    if isinstance(value, str):
        return NOT_IN_XML.sub("", value)
    if isinstance(value, list):
        return [xml_safe(item) for item in value]
    return value


class XmlSafeItems:
    def add_item(self, title, link, description, **kwargs):
        kwargs = {name: xml_safe(value) for name, value in kwargs.items()}
        super().add_item(xml_safe(title), link, xml_safe(description), **kwargs)


class WrittenAtOnce:
    def write(self, outfile, encoding):
        """Into a string, then into the response in one piece: written straight to the
        response, every element is several small writes, each encoded on its own."""
        text = io.StringIO()
        super().write(text, encoding)
        outfile.write(text.getvalue())


class WrittenItems:
    """A feed whose items come as XML (`items_xml`), some written for this request
    (`item_xml`), the others kept from earlier ones (LatestReleasesFeed.get_feed)."""

    items_xml = ()

    def item_xml(self, item):
        text = io.StringIO()
        handler = SimplerXMLGenerator(text, "utf-8", short_empty_elements=True)
        handler.startElement(self.item_element, self.item_attributes(item))
        self.add_item_elements(handler, item)
        handler.endElement(self.item_element)
        return text.getvalue()

    def write_items(self, handler):
        for xml in self.items_xml:
            handler.ignorableWhitespace(xml)  # written as it comes: it is XML already


class RssWithContent(WrittenAtOnce, WrittenItems, XmlSafeItems, Rss201rev2Feed):
    """RSS 2.0 carrying each release's full HTML in content:encoded."""

    item_element = "item"

    def add_item(self, title, link, description, **kwargs):
        # Many RSS readers render item titles as HTML: a plain-text title is escaped
        # (as Django's default item_title does). Atom titles are text and stay as typed.
        super().add_item(escape(title), link, description, **kwargs)

    def rss_attributes(self):
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
        }

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content:encoded", item["content"])


class AtomWithContent(WrittenAtOnce, WrittenItems, XmlSafeItems, Atom1Feed):
    """Atom 1.0 with the standfirst as summary and the full HTML as content."""

    item_element = "entry"

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("content", item["content"], {"type": "html"})


class LatestReleasesFeed(Feed):
    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # Django dates a feed by its newest item, a date that moves back when that item
        # is withdrawn: a reader revalidating by date would keep it. The ETag (a hash of
        # the content) changes with any change: readers revalidate by it alone.
        del response["Last-Modified"]
        return response

    def get_feed(self, obj, request):
        """The feed with its releases' items kept, and written only for the others:
        their versions are read first, their text only for those to write."""
        where = (
            self.feed_type,
            translation.get_language(),
            request.scheme,
            request.get_host(),
            get_script_prefix(),
        )

        def key(release):
            return (*where, *shown_versions(release), self.enclosed_version(release))

        latest = self.releases(obj).for_feed_keys()[: settings.NEWSROOM_FEED_SIZE]
        keys = {release.pk: key(release) for release in latest}  # newest first
        kept = {pk: KEPT_ITEMS[its] for pk, its in keys.items() if its in KEPT_ITEMS}
        ids = [pk for pk in keys if pk not in kept]
        to_write = self.releases(obj).for_feeds().in_bulk(ids) if ids else {}
        to_write = [to_write[pk] for pk in ids if pk in to_write]  # unless withdrawn since
        tokens = (current_request.set(request), releases_to_write.set(to_write))
        try:
            feed = super().get_feed(obj, request)  # its items: `items()`, those to write
        finally:
            current_request.reset(tokens[0])
            releases_to_write.reset(tokens[1])
        written = {}
        for release, item in zip(to_write, feed.items, strict=True):
            # Under the versions of what was read: an edit since the keys were read
            # shows at once, and is not kept under the versions from before it.
            written[release.pk] = feed.item_xml(item)
            # An enclosure whose file could not be read is looked for again next time.
            if bool(item["enclosures"]) == bool(self.enclosed_picture(release)):
                KEPT_ITEMS.keep(key(release), written[release.pk])
        feed.items_xml = [kept.get(pk) or written.get(pk, "") for pk in keys]
        return feed

    def title(self):
        return sentence(_("%(institution)s — press releases"), institution=Institution.load().name)

    def description(self):
        return sentence(
            _("The latest press releases from %(institution)s."),
            institution=Institution.load().name,
        )

    def link(self):
        return reverse("newsroom:release-list")

    def author_name(self):
        return Institution.load().name

    def releases(self, obj):
        return PressRelease.objects.public()

    def items(self):
        return releases_to_write.get()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Summaries are HTML in both formats; the standfirst is plain text.
        return escape(item.standfirst)

    def item_extra_kwargs(self, item):
        return {"content": item.body}

    def item_categories(self, item):
        """Each announced award, by its label, for readers that sort by category."""
        return [award.display_label() for award in item.shown_awards]

    def item_guid(self, item):
        # Stable across edits and slug changes, distinct per language.
        return f"urn:uuid:{uuid.uuid5(item.uuid, translation.get_language())}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.modified_at()

    def enclosed_version(self, release):
        picture = self.enclosed_picture(release)
        return (picture.pk, picture.version) if picture else None

    def enclosed_picture(self, release):
        """The hero image, else the press kit's first picture, else None."""
        kit = getattr(release, "kit_pictures", [])
        picture = release.hero_picture or (kit[0].asset if kit else None)
        return picture if picture and picture.picture else None

    def item_enclosures(self, item):
        picture = self.enclosed_picture(item)
        if picture is None:
            return []
        image = picture.picture
        try:
            length = image.size
        except OSError:  # the file is gone from storage: leave the item without it
            return []
        mime_type = mimetypes.guess_type(image.name)[0] or "application/octet-stream"
        url = current_request.get().build_absolute_uri(image.url)
        return [Enclosure(url, str(length), mime_type)]


class LatestReleasesRssFeed(LatestReleasesFeed):
    feed_type = RssWithContent


class LatestReleasesAtomFeed(LatestReleasesFeed):
    feed_type = AtomWithContent
    subtitle = LatestReleasesFeed.description


class RankingReleasesFeed(LatestReleasesFeed):
    """All our news about one ranking, e.g. every release announcing a U-Multirank result."""

    feed_type = RssWithContent

    def get_object(self, request, slug):
        return get_object_or_404(public_rankings(), slug=slug)

    def title(self, ranking):
        return sentence(
            _("%(institution)s — news about %(ranking)s"),
            institution=Institution.load().name,
            ranking=ranking.name,
        )

    def description(self, ranking):
        return sentence(
            _("Press releases of %(institution)s announcing results in %(ranking)s."),
            institution=Institution.load().name,
            ranking=ranking.name,
        )

    def link(self, ranking):
        return reverse("newsroom:ranking-detail", kwargs={"slug": ranking.slug})

    def releases(self, ranking):
        return PressRelease.objects.public().mentioning(ranking)
