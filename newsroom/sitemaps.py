"""Sitemaps: every public page and release, per language, with hreflang alternates.

/sitemap.xml is an index of sections (pages, each language's releases, rankings); a
section past 10,000 URLs has further pages (?p=2…), each rendered from its own rows."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import get_script_prefix, get_urlconf, reverse

from core.languages import LANGUAGE_CODES, localized, per_language
from rankings.models import Ranking

from .models import PressRelease
from .models.releases import release_url_around_slug


class AlternatesSitemap(Sitemap):
    """i18n sitemap whose x-default is the default-language page.

    Django's own x-default strips the language prefix from the URL, an address that
    only exists for the home page here (`/` redirects by Accept-Language).
    """

    i18n = True
    alternates = True
    x_default = True

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            by_language = {alt["lang_code"]: alt for alt in url["alternates"]}
            default = by_language.get(LANGUAGE_CODES[0])
            if "x-default" in by_language and default and not self.is_home(url["item"][0]):
                by_language["x-default"]["location"] = default["location"]
        return urls

    def is_home(self, item):
        return False


class PageSitemap(AlternatesSitemap):
    changefreq = "daily"

    def items(self):
        return ["newsroom:home", "newsroom:release-list", "newsroom:ranking-list",
                "newsroom:contact-list"]  # fmt: skip

    def location(self, item):
        return reverse(item)

    def is_home(self, item):
        return item == "newsroom:home"


class ReleaseSitemap(Sitemap):
    """The releases public in one language, newest first, in pages of at most 10,000
    URLs (the sitemap index lists them): each page reads only its own releases, and
    each URL names the release's other public languages as alternates."""

    changefreq = "weekly"
    limit = 10_000

    def __init__(self, language):
        self.language = language

    def items(self):
        return (
            PressRelease.objects.public(self.language)
            .only("published_at", "updated_at", *per_language("slug"),
                  *per_language("is_publishable"))
            .order_by("-published_at", "-pk")
        )  # fmt: skip

    def location(self, release):
        return self.address(release, self.language)

    def address(self, release, language):
        # Slugs need no escaping (the slug field's validation): no reverse() per URL.
        prefix, suffix = self.around_slug[language]
        return f"{prefix}{getattr(release, localized('slug', language))}{suffix}"

    def lastmod(self, release):
        return release.modified_at()

    def get_latest_lastmod(self):
        """For the index: one query, rather than Django's reading of every release."""
        latest = self.items().aggregate(Max("published_at"), Max("updated_at")).values()
        return max(filter(None, latest), default=None)

    def get_urls(self, page=1, site=None, protocol=None):
        frame = get_urlconf(), get_script_prefix()
        self.around_slug = {code: release_url_around_slug(code, *frame) for code in LANGUAGE_CODES}
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            release = url["item"]
            origin = url["location"].removesuffix(self.location(release))
            # Public in this language, so published and its time come: the others
            # are public where they may go public.
            languages = [code for code in LANGUAGE_CODES
                         if getattr(release, f"is_publishable_{code}")]  # fmt: skip
            url["alternates"] = [
                {"lang_code": code, "location": origin + self.address(release, code)}
                for code in languages
            ]
            if LANGUAGE_CODES[0] in languages:
                default = origin + self.address(release, LANGUAGE_CODES[0])
                url["alternates"].append({"lang_code": "x-default", "location": default})
        return urls


class RankingSitemap(AlternatesSitemap):
    changefreq = "monthly"

    def items(self):
        return Ranking.objects.order_by("slug")

    def location(self, ranking):
        return reverse("newsroom:ranking-detail", kwargs={"slug": ranking.slug})


SITEMAPS = {
    "pages": PageSitemap,
    **{f"releases-{code}": ReleaseSitemap(code) for code in LANGUAGE_CODES},
    "rankings": RankingSitemap,
}
