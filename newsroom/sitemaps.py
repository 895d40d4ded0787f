"""Sitemaps: every public page and release, per language, with hreflang alternates."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from core.languages import LANGUAGE_CODES
from rankings.models import Ranking

from .models import PressRelease


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


class ReleaseSitemap(AlternatesSitemap):
    changefreq = "weekly"

    def items(self):
        return (
            PressRelease.objects.public_in_any_language()
            .defer("body", *(f"body_{code}" for code in LANGUAGE_CODES))
            .order_by("-published_at", "pk")
        )

    def get_languages_for_item(self, release):
        return [code for code in LANGUAGE_CODES if release.is_public_in(code)]

    def lastmod(self, release):
        return release.modified_at()


class RankingSitemap(AlternatesSitemap):
    changefreq = "monthly"

    def items(self):
        return Ranking.objects.order_by("slug")

    def location(self, ranking):
        return reverse("newsroom:ranking-detail", kwargs={"slug": ranking.slug})


SITEMAPS = {"pages": PageSitemap, "releases": ReleaseSitemap, "rankings": RankingSitemap}
