from typing import NamedTuple

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.translation import get_language_info
from django.views.generic import ArchiveIndexView, DetailView, ListView, YearArchiveView

from rankings.models import Award, Ranking

from .models import Contact, PressRelease, localized


def language_names():
    """Each language named in itself (Français, English), as a switcher shows them."""
    return [(code, get_language_info(code)["name_local"]) for code, _name in settings.LANGUAGES]


class LanguageLink(NamedTuple):
    code: str
    name: str
    url: str
    is_translation: bool  # False when the page falls back to another page of that language


class LanguageLinksMixin:
    """Gives a page its address in each language, for the switcher and hreflang."""

    def get_language_links(self):
        return [
            LanguageLink(code, name, translate_url(self.request.path, code), True)
            for code, name in language_names()
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(language_links=self.get_language_links(), **kwargs)


class PublicReleaseMixin(LanguageLinksMixin):
    """Every public release page starts from the one visibility gate."""

    model = PressRelease
    date_field = "published_at"

    def get_queryset(self):
        return PressRelease.objects.public().for_listing()


class HomeView(PublicReleaseMixin, ListView):
    template_name = "newsroom/home.html"

    def get_queryset(self):
        return super().get_queryset()[:7]

    def get_context_data(self, **kwargs):
        latest_awards = Award.objects.current().with_ranking().order_by("-year", "-pk")[:6]
        return super().get_context_data(latest_awards=latest_awards, **kwargs)


class ReleaseIndexView(PublicReleaseMixin, ArchiveIndexView):
    template_name = "newsroom/pressrelease_list.html"
    paginate_by = settings.NEWSROOM_RELEASES_PER_PAGE
    allow_empty = True


class ReleaseYearView(PublicReleaseMixin, YearArchiveView):
    template_name = "newsroom/pressrelease_archive_year.html"
    paginate_by = settings.NEWSROOM_RELEASES_PER_PAGE
    make_object_list = True

    def get_context_data(self, **kwargs):
        years = PressRelease.objects.public().dates(self.date_field, "year", order="DESC")
        return super().get_context_data(year_list=years, **kwargs)


class ReleaseDetailView(LanguageLinksMixin, DetailView):
    model = PressRelease

    def get_object(self, queryset=None):
        language = translation.get_language()
        releases = PressRelease.objects.public(language).for_detail()
        try:
            return releases.get(**{localized("slug", language): self.kwargs["slug"]})
        except PressRelease.DoesNotExist:
            raise Http404("No public press release has this address.") from None

    def get_language_links(self):
        """The same release in the other language, or that language's news list."""
        links = []
        for code, name in language_names():
            if self.object.is_public_in(code):
                links.append(LanguageLink(code, name, self.object.get_absolute_url(code), True))
            else:
                with translation.override(code):
                    url = reverse("newsroom:release-list")
                links.append(LanguageLink(code, name, url, False))
        return links


class ContactListView(LanguageLinksMixin, ListView):
    template_name = "newsroom/contact_list.html"

    def get_queryset(self):
        return Contact.objects.filter(is_active=True)


class RankingMixin(LanguageLinksMixin):
    """Rankings with their awards by edition, newest first, each with its public releases."""

    def get_queryset(self):
        releases = PressRelease.objects.public().for_listing()
        awards = (
            Award.objects.with_supersession()
            .order_by("-year", "pk")
            .prefetch_related(Prefetch("releases", queryset=releases))
        )
        return Ranking.objects.prefetch_related(Prefetch("awards", queryset=awards))


class RankingListView(RankingMixin, ListView):
    template_name = "newsroom/ranking_list.html"


class RankingDetailView(RankingMixin, DetailView):
    template_name = "newsroom/ranking_detail.html"

    def get_context_data(self, **kwargs):
        releases = PressRelease.objects.public().for_listing().mentioning(self.object)
        return super().get_context_data(releases=releases, **kwargs)
