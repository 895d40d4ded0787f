"""RSS 2.0 and Atom 1.0 feeds of the latest public releases, one pair per language."""

import io
import mimetypes
import re
import uuid
from contextvars import ContextVar

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from core.models import Institution
from core.typography import sentence

from .models import PressRelease
from .models.awards import public_rankings

# Feeds are shared instances; the request they answer is kept per call, not on self.
current_request = ContextVar("current_request")


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


class RssWithContent(WrittenAtOnce, XmlSafeItems, Rss201rev2Feed):
    """RSS 2.0 carrying each release's full HTML in content:encoded."""

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


class AtomWithContent(WrittenAtOnce, XmlSafeItems, Atom1Feed):
    """Atom 1.0 with the standfirst as summary and the full HTML as content."""

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
        token = current_request.set(request)
        try:
            return super().get_feed(obj, request)
        finally:
            current_request.reset(token)

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

    def items(self):
        return PressRelease.objects.public().for_feeds()[: settings.NEWSROOM_FEED_SIZE]

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

    def item_enclosures(self, item):
        """The hero image, else the press kit's first picture."""
        kit = getattr(item, "kit_pictures", [])
        picture = item.hero_picture or (kit[0].asset if kit else None)
        image = picture.picture if picture else None
        if not image:
            return []
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

    def items(self, ranking):
        releases = PressRelease.objects.public().mentioning(ranking).for_feeds()
        return releases[: settings.NEWSROOM_FEED_SIZE]
