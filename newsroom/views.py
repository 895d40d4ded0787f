from datetime import datetime
from typing import NamedTuple

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse, translate_url
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.views.generic import DetailView, ListView, TemplateView, YearArchiveView

from core import colours, renditions
from core.languages import LANGUAGE_CODES, language_names, localized
from core.models import Institution
from core.typography import sentence
from rankings.key_figures import key_figures

from . import search as fulltext
from . import structured_data, vcard
from .forms import SearchForm
from .models import ArchiveYear, Contact, PressRelease
from .models.awards import public_awards, public_rankings

DEFAULT_SHARE_IMAGE = "newsroom/share-default.png"
HOME_CONTACTS = 2  # the press office's first contacts, on the home page


class LanguageLink(NamedTuple):
    code: str
    name: str
    url: str
    is_translation: bool  # False when the page falls back to another page of that language


def share_image(release=None):
    """The picture social networks show: the release's (its hero image, else its press
    kit's first picture), the institution's, or ours."""
    institution = Institution.load()
    picture = release.shared_picture() if release is not None else None
    if picture is not None:
        image, alt = picture.picture, picture.alt_text
    elif institution.default_share_image:
        image, alt = institution.default_share_image, institution.name
    else:
        image, alt = None, institution.name
    shared = renditions.share_image(image) if image else None
    if shared is None:
        shared = {"url": static(DEFAULT_SHARE_IMAGE), "width": 1200, "height": 630}
    return {**shared, "alt": alt}


class LanguageLinksMixin:
    """Gives a public page its address in each language (switcher, hreflang) and the
    metadata social networks and search engines read."""

    def get_page_meta(self):
        institution = Institution.load()
        return {
            "title": institution.name,
            "description": sentence(
                gettext("Press releases, rankings and press contacts of %(name)s."),
                name=institution.name,
            ),
            "type": "website",
            "image": share_image(),
        }

    def get_structured_data(self, page_meta):
        return None

    def get_language_links(self):
        suffix = self.address_suffix()
        return [
            LanguageLink(code, name, translate_url(self.request.path, code) + suffix, True)
            for code, name in language_names()
        ]

    def address_suffix(self):
        """What the page's address keeps after its path, in every language and in its
        canonical address: nothing, but a list's page number."""
        return ""

    def x_default_url(self, language_links):
        """The address for readers of no listed language: the default language's page."""
        default = language_links[0]  # French first: the site's default language
        return default.url if default.is_translation else None

    def get_context_data(self, **kwargs):
        page_meta = self.get_page_meta()
        language_links = self.get_language_links()
        return super().get_context_data(
            language_links=language_links,
            x_default_url=self.x_default_url(language_links),
            address_suffix=self.address_suffix(),
            page_meta=page_meta,
            structured_data=self.get_structured_data(page_meta),
            **kwargs,
        )


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
        latest_awards = public_awards().current().with_ranking().order_by("-year", "-pk")[:6]
        press_contacts = Contact.objects.listed().order_by("position", "pk")[:HOME_CONTACTS]
        return super().get_context_data(
            latest_awards=latest_awards, press_contacts=list(press_contacts), **kwargs
        )

    def get_structured_data(self, page_meta):
        return structured_data.home_page(Institution.load(), self.request)

    def x_default_url(self, language_links):
        return "/"  # which answers in the reader's language, as in the sitemap


class CountedPaginator(Paginator):
    """A paginator told how many objects each year holds, rather than counting them.

    A page's query picks the ids of its releases first, in a subquery the language's
    public index alone answers, then reads those releases. The years wholly before the
    page are skipped by their counts (`ArchiveYear`), and the index is walked from the
    start of the page's year: page 400 of an archive of a few hundred releases a year
    reads at most a year of index entries, never 4,788 releases."""

    def __init__(self, object_list, per_page, *, year_counts, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.year_counts = year_counts  # newest year first
        self.count = sum(year_counts.values())

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        releases, skipped = self.object_list, 0
        for year, count in self.year_counts.items():
            if skipped + count > bottom:
                if skipped:
                    start_of_next_year = timezone.make_aware(datetime(year + 1, 1, 1))
                    releases = releases.filter(published_at__lt=start_of_next_year)
                break
            skipped += count
        # "id", not "pk": ordered by the column's name, which SQLite matches to the index
        # (by position, as Django writes an ordering on "pk", it sorts every row).
        ids = releases.rewrite(False).values_list("id", flat=True)[bottom - skipped : top - skipped]
        return self._get_page(self.object_list.filter(pk__in=ids), number, self)


class ArchiveMixin(PublicReleaseMixin):
    """Lists of releases with the archive's years, both from the per-year counts."""

    paginate_by = settings.NEWSROOM_RELEASES_PER_PAGE

    def get(self, request, *args, **kwargs):
        self.year_counts = ArchiveYear.objects.public_counts()
        return super().get(request, *args, **kwargs)

    def counts_listed(self):
        """{year: public releases} of the years the list holds, newest first."""
        return self.year_counts

    def count_listed(self):
        return sum(self.counts_listed().values())

    def get_paginator(self, queryset, per_page, **kwargs):
        return CountedPaginator(queryset, per_page, year_counts=self.counts_listed(), **kwargs)

    def address_suffix(self):
        try:
            number = int(self.request.GET.get("page", ""))
        except ValueError:
            return ""  # not a page number: the paginator answers 404
        return f"?page={number}" if number > 1 else ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(year_list=list(self.year_counts), **kwargs)


class ReleaseIndexView(ArchiveMixin, ListView):
    template_name = "newsroom/pressrelease_list.html"


class ReleaseYearView(ArchiveMixin, YearArchiveView):
    template_name = "newsroom/pressrelease_archive_year.html"
    make_object_list = True
    # A year without public releases is a 404 from the counts, not from a query.
    allow_empty = True

    def get_dated_items(self):
        if not self.count_listed():
            raise Http404("No public press release in this year.")
        return super().get_dated_items()

    def counts_listed(self):
        year = int(self.get_year())
        return {year: self.year_counts.get(year, 0)}

    def get_date_list(self, queryset, date_type=None, ordering="ASC"):
        return None  # the page shows no list of months


class ReleaseDetailView(LanguageLinksMixin, DetailView):
    model = PressRelease

    def get_object(self, queryset=None):
        language = translation.get_language()
        releases = PressRelease.objects.public(language).for_detail()
        try:
            return releases.get(**{localized("slug", language): self.kwargs["slug"]})
        except PressRelease.DoesNotExist:
            raise Http404("No public press release has this address.") from None

    def get_page_meta(self):
        return {
            "title": self.object.title,
            "description": self.object.standfirst,
            "type": "article",
            "image": share_image(self.object),
            "published": self.object.published_at,
            "modified": self.object.modified_at(),
        }

    def get_context_data(self, **kwargs):
        shown, folded = key_figures(self.object.shown_awards)
        return super().get_context_data(key_figures=shown, folded_figures=folded, **kwargs)

    def get_structured_data(self, page_meta):
        return structured_data.news_article(
            self.object, Institution.load(), page_meta["image"], self.request
        )

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


class InformationPageView(LanguageLinksMixin, TemplateView):
    """The pages French law asks of a public body's site — legal notice, accessibility
    statement, personal data — written from the institution's settings."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            session_hours=settings.SESSION_COOKIE_AGE // 3600,
            alert_confirmation_days=settings.ALERTS_CONFIRMATION_DAYS,
            **kwargs,
        )


class SitePlanView(InformationPageView):
    """Every kind of page, for readers who find their way by a map rather than the menu
    or the search (RGAA asks for two of the three)."""

    template_name = "pages/site_plan.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            years=list(ArchiveYear.objects.public_counts()),
            rankings=public_rankings().values_list("slug", "name").order_by("name"),
            **kwargs,
        )


class ContactListView(LanguageLinksMixin, ListView):
    template_name = "newsroom/contact_list.html"

    def get_queryset(self):
        return Contact.objects.listed().order_by("organisation", "position", "name")


def contact_vcard(request, pk):
    """A press contact's card (vCard 4.0) in the page's language."""
    contact = get_object_or_404(Contact.objects.listed(), pk=pk)
    response = HttpResponse(
        vcard.vcard(contact, translation.get_language()), content_type="text/vcard; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{vcard.filename(contact)}"'
    return response


class RankingMixin(LanguageLinksMixin):
    """Rankings with their awards by edition, newest first, each with its public releases."""

    def get_queryset(self):
        releases = PressRelease.objects.public().for_links()
        awards = (
            public_awards()
            .order_by("-year", "pk")
            .prefetch_related(Prefetch("releases", queryset=releases))
        )
        return public_rankings().prefetch_related(Prefetch("awards", queryset=awards))


class RankingListView(RankingMixin, ListView):
    template_name = "newsroom/ranking_list.html"


class RankingDetailView(RankingMixin, DetailView):
    template_name = "newsroom/ranking_detail.html"

    def get_context_data(self, **kwargs):
        releases = PressRelease.objects.public().for_listing().mentioning(self.object)
        return super().get_context_data(releases=releases, **kwargs)


class SearchView(LanguageLinksMixin, ListView):
    """Public releases of the page's language matching ?q=, filtered by year and ranking."""

    template_name = "newsroom/search.html"
    paginate_by = settings.NEWSROOM_RELEASES_PER_PAGE

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(
            request.GET or None,
            years=ArchiveYear.objects.public_counts(),
            rankings=public_rankings().values_list("slug", "name").order_by("name"),
        )
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        releases = PressRelease.objects.public().for_links()
        if not self.form.is_valid() or not self.form.cleaned_data["q"]:
            return fulltext.SearchResults(releases.none(), releases)
        filters = self.form.cleaned_data
        if filters["year"]:
            releases = releases.filter(published_at__year=filters["year"])
        if filters["ranking"]:
            releases = releases.filter(awards__ranking__slug=filters["ranking"]).distinct()
        return releases.search(filters["q"])

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, **kwargs)
        query = self.form.cleaned_data.get("q", "") if self.form.is_bound else ""
        language = translation.get_language()
        context["results"] = [
            (release, fulltext.snippet(release, query, language))
            for release in context["page_obj"] or []
        ]
        context["query"] = query
        context["more_than_counted"] = self.object_list.more_than_counted
        context["filters"] = self.request.GET.copy()
        context["filters"].pop("page", None)
        return context


def brand_css(request):
    """The institution's colour over the newsroom's own, in both schemes; linked with
    its version (?v=), so that browsers keep it until it changes."""
    institution = Institution.load()
    if not institution.accent_colour:
        raise Http404("No colour of the institution's own.")
    colour = institution.accent_colour.lower()
    dark = colours.for_dark_scheme(colour)
    context = {
        "light": {"accent": colour, "ink": colours.ink_on(colour)},
        "dark": {"accent": dark, "ink": colours.ink_on(dark)},
    }
    response = render(request, "brand.css", context, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


def favicon(request):
    return redirect(static("newsroom/favicon.png"), permanent=True)


def robots_txt(request):
    """Crawlers: everything public, not the admin, previews or search results."""
    search_pages = []
    for code in LANGUAGE_CODES:
        with translation.override(code):
            search_pages.append(reverse("newsroom:search"))
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /preview/",
        *(f"Disallow: {path}" for path in search_pages),
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
