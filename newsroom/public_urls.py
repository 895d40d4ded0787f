"""The newsroom's public pages, mounted under each language prefix by newsroom.urls."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import feeds, views

app_name = "newsroom"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path(_("news/"), views.ReleaseIndexView.as_view(), name="release-list"),
    path(_("news/rss/"), feeds.LatestReleasesRssFeed(), name="release-feed-rss"),
    path(_("news/atom/"), feeds.LatestReleasesAtomFeed(), name="release-feed-atom"),
    path(_("news/<int:year>/"), views.ReleaseYearView.as_view(), name="release-year"),
    path(_("news/<slug:slug>/"), views.ReleaseDetailView.as_view(), name="release-detail"),
    path(_("press-contacts/"), views.ContactListView.as_view(), name="contact-list"),
    path(_("press-contacts/<int:pk>.vcf"), views.contact_vcard, name="contact-vcard"),
    path(_("search/"), views.SearchView.as_view(), name="search"),
    path(_("rankings/"), views.RankingListView.as_view(), name="ranking-list"),
    path(_("rankings/<slug:slug>/"), views.RankingDetailView.as_view(), name="ranking-detail"),
    path(_("rankings/<slug:slug>/rss/"), feeds.RankingReleasesFeed(), name="ranking-feed"),
]
