"""The newsroom's public pages, mounted under each language prefix by config.urls."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from core.page_cache import cached_page

from . import feeds, press_kit, views

app_name = "newsroom"

# Every public page and feed is served from the cache (core.page_cache).
urlpatterns = [
    path("", cached_page(views.HomeView.as_view()), name="home"),
    path(_("news/"), cached_page(views.ReleaseIndexView.as_view()), name="release-list"),
    path(_("news/rss/"), cached_page(feeds.LatestReleasesRssFeed()), name="release-feed-rss"),
    path(_("news/atom/"), cached_page(feeds.LatestReleasesAtomFeed()), name="release-feed-atom"),
    path(_("news/<int:year>/"), cached_page(views.ReleaseYearView.as_view()), name="release-year"),
    path(
        _("news/<slug:slug>/"),
        cached_page(views.ReleaseDetailView.as_view()),
        name="release-detail",
    ),
    # Streamed, never cached: its privacy is the release's, checked at each download.
    path(_("news/<slug:slug>/press-kit.zip"), press_kit.download, name="press-kit"),
    path(_("press-contacts/"), cached_page(views.ContactListView.as_view()), name="contact-list"),
    path(_("press-contacts/<int:pk>.vcf"), cached_page(views.contact_vcard), name="contact-vcard"),
    path(_("search/"), cached_page(views.SearchView.as_view()), name="search"),
    path(_("rankings/"), cached_page(views.RankingListView.as_view()), name="ranking-list"),
    path(
        _("rankings/<slug:slug>/"),
        cached_page(views.RankingDetailView.as_view()),
        name="ranking-detail",
    ),
    path(
        _("rankings/<slug:slug>/rss/"),
        cached_page(feeds.RankingReleasesFeed()),
        name="ranking-feed",
    ),
    # What French law asks of a public body's site, linked from every footer.
    path(
        _("legal-notice/"),
        cached_page(views.InformationPageView.as_view(template_name="pages/legal_notice.html")),
        name="legal-notice",
    ),
    path(
        _("accessibility/"),
        cached_page(views.InformationPageView.as_view(template_name="pages/accessibility.html")),
        name="accessibility",
    ),
    path(
        _("personal-data/"),
        cached_page(views.InformationPageView.as_view(template_name="pages/personal_data.html")),
        name="personal-data",
    ),
    path(_("site-map/"), cached_page(views.SitePlanView.as_view()), name="site-plan"),
]
