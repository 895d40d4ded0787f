"""Sitemaps: every public page and release, per language, with hreflang alternates.

/sitemap.xml is an index of sections (pages, each language's releases and archive
years, rankings); a
section past 10,000 URLs has further pages (?p=2…), each rendered from its own rows."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone, translation

from core.languages import LANGUAGE_CODES, localized, per_language

from .models import ArchiveYear, PressRelease
from .models.awards import public_rankings
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
                "newsroom:contact-list", "newsroom:site-plan", "newsroom:accessibility",
                "newsroom:legal-notice", "newsroom:personal-data"]  # fmt: skip

    def location(self, item):
        return reverse(item)

    def is_home(self, item):
        return item == "newsroom:home"


class ReleaseSitemap(Sitemap):
    """The releases public in one language, newest first, in pages of at most 10,000
    URLs (the sitemap index lists them): each page reads only its own releases, and
    each URL names the release's other public languages as alternates.

    A page is written from plain rows, not releases: building 10,000 model instances
    cost more than the rest of the page (0.77 s for a section at 100,000 releases on
    PostgreSQL before, see docs/performance.md)."""

    changefreq = "weekly"
    limit = 10_000

    def __init__(self, language):
        self.language = language

    def items(self):
        return (
            PressRelease.objects.public(self.language)
            .rewrite(False)
            .order_by("-published_at", "-pk")
            .values(*per_language("slug"), *per_language("is_publishable"),
                    "published_at", "updated_at")
        )  # fmt: skip

    def get_latest_lastmod(self):
        """For the index: the newest publication and the newest correction, each the
        first entry of an index, rather than Django's reading of every release."""
        public = self.items()
        latest = [
            public.aggregate(latest=Max("published_at"))["latest"],
            public.order_by("-updated_at").values_list("updated_at", flat=True).first(),
        ]
        return max(filter(None, latest), default=None)

    def get_urls(self, page=1, site=None, protocol=None):
        origin = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        frame = get_urlconf(), get_script_prefix()
        # Slugs need no escaping (the slug field's validation): no reverse() per URL.
        around_slug = {code: release_url_around_slug(code, *frame) for code in LANGUAGE_CODES}

        def address(row, language):
            prefix, suffix = around_slug[language]
            return f"{origin}{prefix}{row[localized('slug', language)]}{suffix}"

        zone = timezone.get_current_timezone()
        urls, latest = [], None
        for row in self.paginator.page(page).object_list:
            # Public in this language, so published and its time come: the others
            # are public where they may go public.
            alternates = [{"lang_code": code, "location": address(row, code)}
                          for code in LANGUAGE_CODES if row[f"is_publishable_{code}"]]  # fmt: skip
            if alternates[0]["lang_code"] == LANGUAGE_CODES[0]:
                alternates.append({"lang_code": "x-default", "location": alternates[0]["location"]})
            # When readers last saw a change (PressRelease.modified_at), as its day.
            modified = max(row["published_at"], row["updated_at"])
            latest = modified if latest is None else max(latest, modified)
            urls.append({
                "location": address(row, self.language),
                "lastmod": modified.astimezone(zone).date(),
                "changefreq": self.changefreq,
                "alternates": alternates,
            })  # fmt: skip
        self.latest_lastmod = latest  # the response's Last-Modified (Django's sitemap view)
        return urls


class RankingSitemap(AlternatesSitemap):
    changefreq = "monthly"

    def items(self):
        return public_rankings().order_by("slug")

    def location(self, ranking):
        return reverse("newsroom:ranking-detail", kwargs={"slug": ranking.slug})


class YearSitemap(Sitemap):
    """The archive's years holding public releases in one language, newest first."""

    changefreq = "monthly"

    def __init__(self, language):
        self.language = language

    def items(self):
        return list(ArchiveYear.objects.public_counts(self.language))

    def location(self, year):
        with translation.override(self.language):
            return reverse("newsroom:release-year", kwargs={"year": year})


SITEMAPS = {
    "pages": PageSitemap,
    **{f"releases-{code}": ReleaseSitemap(code) for code in LANGUAGE_CODES},
    **{f"years-{code}": YearSitemap(code) for code in LANGUAGE_CODES},
    "rankings": RankingSitemap,
}
