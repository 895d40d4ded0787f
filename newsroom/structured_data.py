"""schema.org data for search engines: the institution and each release (JSON-LD)."""

from django.utils import translation


def absolute(request, url):
    return request.build_absolute_uri(url)


def organization(institution, request):
    data = {
        "@type": "Organization",
        "name": institution.name,
        "url": institution.website or absolute(request, "/"),
    }
    if institution.logo:
        data["logo"] = {
            "@type": "ImageObject",
            "url": absolute(request, institution.logo.url),
            "width": institution.logo_width,
            "height": institution.logo_height,
        }
    if institution.address:
        data["address"] = " ".join(institution.address.split())
    if institution.profile_urls():
        data["sameAs"] = institution.profile_urls()
    return data


# Search engines read at most 110 characters of a headline.
HEADLINE_LENGTH = 110


def headline(title):
    """The title, or as many of its words as fit, with an ellipsis: never cut mid-word."""
    if len(title) <= HEADLINE_LENGTH:
        return title
    words = title[: HEADLINE_LENGTH - 1].rsplit(" ", 1)[0]
    return words.rstrip(" ,;:–—-") + "…"


def home_page(institution, request):
    return {"@context": "https://schema.org", **organization(institution, request)}


def kit_picture(asset, page_url, request):
    """A press kit picture with what search engines read of its terms of use."""
    terms = f"{page_url}#press-kit-heading"
    return {
        "@type": "ImageObject",
        "contentUrl": absolute(request, asset.picture.url),
        "width": asset.width,
        "height": asset.height,
        "caption": asset.caption or None,
        "creditText": asset.credit,
        "copyrightNotice": asset.credit,
        "license": asset.licence_url() or terms,
        "acquireLicensePage": terms,
    }


def news_article(release, institution, share_image, request):
    url = absolute(request, release.get_absolute_url())
    publisher = organization(institution, request)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline(release.title),
        "description": release.standfirst,
        "url": url,
        "mainEntityOfPage": url,
        "datePublished": release.published_at.isoformat(),
        "dateModified": release.modified_at().isoformat(),
        "inLanguage": translation.get_language(),
        "author": publisher,
        "publisher": publisher,
        "image": [
            absolute(request, share_image["url"]),
            *(kit_picture(asset, url, request) for asset in release.press_kit_pictures()),
        ],
    }
    if release.dateline:
        data["locationCreated"] = {"@type": "Place", "name": release.dateline}
    rankings = {award.ranking_id: award.ranking for award in release.shown_awards}
    if rankings:
        data["about"] = [
            {"@type": "Thing", "name": ranking.name, "url": ranking.website or None}
            for ranking in rankings.values()
        ]
    return data
