"""Sitemap, robots.txt, social cards, structured data, vCards, print and institution settings."""

import json
import re
import xml.etree.ElementTree as ElementTree

import pytest
from django.conf import settings
from django.urls import reverse

from core.models import Institution
from tests.factories import AwardFactory, ContactFactory, PressReleaseFactory, jpeg_file

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap_pages(client):
    """The addresses of every page of every section the sitemap index lists."""
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return [loc.text.removeprefix("http://testserver") for loc in index.iter(f"{SITEMAP}loc")]


def sitemap_entries(client):
    entries = {}
    urls = (url for page in sitemap_pages(client)
            for url in ElementTree.fromstring(client.get(page).content).iter(f"{SITEMAP}url"))  # noqa: E501  # fmt: skip
    for url in urls:
        loc = url.find(f"{SITEMAP}loc").text
        lastmod = url.find(f"{SITEMAP}lastmod")
        alternates = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        entries[loc] = (lastmod.text if lastmod is not None else None, alternates)
    return entries


def test_sitemap_lists_releases_in_each_public_language(client, release, french_only_release):
    """Bilingual releases appear twice with alternates; French-only ones once, in French."""
    entries = sitemap_entries(client)
    fr = f"http://testserver/fr/actualites/{release.slug_fr}/"
    en = f"http://testserver/en/news/{release.slug_en}/"
    assert fr in entries and en in entries
    lastmod, alternates = entries[en]
    assert lastmod is not None
    assert alternates == {"fr": fr, "en": en, "x-default": fr}
    only = f"http://testserver/fr/actualites/{french_only_release.slug_fr}/"
    assert entries[only][1] == {"fr": only, "x-default": only}
    assert not any(french_only_release.slug_fr in loc for loc in entries if "/en/" in loc)


def test_sitemap_is_an_index_of_sections_of_at_most_10000_urls(client, monkeypatch):
    """A section past its limit has further pages, each listed by the index; past the
    last page, 404."""
    from newsroom.sitemaps import ReleaseSitemap

    releases = PressReleaseFactory.create_batch(5)
    assert ReleaseSitemap.limit == 10_000
    monkeypatch.setattr(ReleaseSitemap, "limit", 2)
    pages = sitemap_pages(client)
    assert [page for page in pages if "releases-fr" in page] == [
        "/sitemap-releases-fr.xml", "/sitemap-releases-fr.xml?p=2", "/sitemap-releases-fr.xml?p=3"
    ]  # fmt: skip
    for page in pages:
        urls = ElementTree.fromstring(client.get(page).content).findall(f"{SITEMAP}url")
        assert (1 <= len(urls) <= 2) if "releases" in page else len(urls) <= 16
    entries = sitemap_entries(client)
    for release in releases:  # each once per language, over the pages
        assert f"http://testserver/fr/actualites/{release.slug_fr}/" in entries
        assert f"http://testserver/en/news/{release.slug_en}/" in entries
    assert client.get("/sitemap-releases-fr.xml?p=4").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


def test_sitemap_lists_pages_and_leaves_out_unpublished(client):
    """Home, news, rankings and contacts in both languages; no draft, no scheduled release."""
    draft = PressReleaseFactory(draft=True)
    scheduled = PressReleaseFactory(scheduled=True)
    entries = sitemap_entries(client)
    for path in ["/fr/", "/en/", "/fr/actualites/", "/en/news/", "/fr/classements/",
                 "/en/press-contacts/"]:  # fmt: skip
        assert f"http://testserver{path}" in entries
    assert entries["http://testserver/en/"][1]["x-default"] == "http://testserver/"
    assert not any(draft.slug_fr in loc or scheduled.slug_fr in loc for loc in entries)


def test_robots_txt_points_to_the_sitemap(client):
    """robots.txt names the sitemap and keeps the admin and previews out."""
    response = client.get("/robots.txt")
    text = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text and "Disallow: /preview/" in text


def meta(page, key):
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', page)
    return match.group(1) if match else None


def test_release_has_social_cards(client, release_with_contacts):
    """Title, description, canonical, Open Graph with image size, locales, Twitter card."""
    release = release_with_contacts
    page = client.get(release.get_absolute_url("fr")).content.decode()
    url = f"http://testserver{release.get_absolute_url('fr')}"
    assert f'<link rel="canonical" href="{url}">' in page
    assert meta(page, "description") == release.standfirst_fr
    assert meta(page, "og:title") == release.title_fr
    assert meta(page, "og:url") == url
    assert meta(page, "og:type") == "article"
    stem = release.hero.picture.name.rsplit(".", 1)[0]
    assert meta(page, "og:image") == f"http://testserver/media/renditions/{stem}-1200x630.jpg"
    assert meta(page, "og:image:width") == "1200" and meta(page, "og:image:height") == "630"
    assert meta(page, "og:locale") == "fr_FR"
    assert meta(page, "og:locale:alternate") == "en_GB"
    assert meta(page, "twitter:card") == "summary_large_image"


def test_release_without_image_shares_the_default_image(client, release):
    """Without a hero image, pages share the default image, with its size."""
    page = client.get(release.get_absolute_url("en")).content.decode()
    assert meta(page, "og:image").endswith("share-default.png")
    assert meta(page, "og:image:width") == "1200"


def test_institution_share_image_replaces_ours(client, release):
    """The institution's default share image, set in the admin, is used instead."""
    institution = Institution.load()
    institution.default_share_image.save("share.jpg", jpeg_file(size=(1200, 630)))
    page = client.get(release.get_absolute_url("fr")).content.decode()
    assert "/media/renditions/institution/" in meta(page, "og:image")


def json_ld(page):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return [json.loads(block) for block in blocks]


def test_release_has_news_article_structured_data(client, release):
    """NewsArticle with the required properties, publisher and author the institution."""
    award = AwardFactory()
    release.awards.add(award)
    for language in ("fr", "en"):
        page = client.get(release.get_absolute_url(language)).content.decode()
        (data,) = json_ld(page)
        assert data["@type"] == "NewsArticle"
        for key in ("headline", "description", "datePublished", "dateModified", "image"):
            assert data[key], key
        assert data["inLanguage"] == language
        assert data["publisher"]["@type"] == "Organization"
        assert data["author"]["name"] == Institution.load().name
        assert data["about"][0]["name"] == award.ranking.name


def test_a_long_headline_is_cut_between_words_and_images_are_absolute(client):
    """The reference release's title (117 characters) is cut to at most 110 at a word's
    end; the picture's address is absolute, as search engines require."""
    title = ("IMT Mines Alès classée 1re en France pour l’enseignement et l’apprentissage "
             "dans le palmarès mondial U-Multirank 2021")  # fmt: skip
    release = PressReleaseFactory(title_fr=title)
    (data,) = json_ld(client.get(release.get_absolute_url("fr")).content.decode())
    assert len(data["headline"]) <= 110
    assert data["headline"].endswith("…")
    assert title.startswith(data["headline"][:-1])
    assert title[len(data["headline"]) - 1] == " "  # the next character ends a word
    assert data["image"][0].startswith("http://testserver/")


def test_home_has_organization_structured_data(client):
    """The home page describes the institution as an Organization."""
    institution = Institution.load()
    institution.social_profiles = "https://www.linkedin.com/school/example\nhttps://x.com/example"
    institution.save()
    (data,) = json_ld(client.get("/fr/").content.decode())
    assert data["@type"] == "Organization"
    assert data["sameAs"] == ["https://www.linkedin.com/school/example", "https://x.com/example"]


def test_structured_data_cannot_be_broken_out_of(client):
    """A title closing the script element stays inside the JSON."""
    release = PressReleaseFactory(title_fr="</script><script>alert(1)</script>")
    page = client.get(release.get_absolute_url("fr")).content.decode()
    (data,) = json_ld(page)
    assert data["headline"] == "</script><script>alert(1)</script>"
    assert "<script>alert(1)" not in page


def test_vcard_download(client):
    """Each contact downloads as a vCard 4.0 in the page's language."""
    contact = ContactFactory(
        name_fr="Pierre Perdiguier", role_fr="Directeur, par intérim", role_en="Interim Director",
        email="pierre.perdiguier@mines-ales.fr", phone="+33 4 66 78 50 00",
    )  # fmt: skip
    french = client.get(reverse("newsroom:contact-vcard", kwargs={"pk": contact.pk}))
    assert french["Content-Type"] == "text/vcard; charset=utf-8"
    assert 'filename="pierre-perdiguier.vcf"' in french["Content-Disposition"]
    card = french.content.decode()
    assert card.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\n") and card.endswith("END:VCARD\r\n")
    assert "FN:Pierre Perdiguier\r\n" in card
    assert "TITLE:Directeur\\, par intérim\r\n" in card
    assert "EMAIL;TYPE=work:pierre.perdiguier@mines-ales.fr" in card
    assert 'TEL;VALUE=uri;TYPE="work,voice":tel:+33466785000' in card
    english = client.get(f"/en/press-contacts/{contact.pk}.vcf").content.decode()
    assert "TITLE:Interim Director" in english


def test_vcard_lines_are_folded(client):
    """Long lines are folded at 75 octets, as RFC 6350 asks."""
    contact = ContactFactory(organisation_fr="École nationale supérieure " * 5)
    card = client.get(f"/fr/contacts-presse/{contact.pk}.vcf").content
    assert all(len(line) <= 75 for line in card.split(b"\r\n"))


def test_unknown_or_inactive_contact_vcard_is_404(client):
    """Only listed contacts have a public card."""
    inactive = ContactFactory(is_active=False)
    assert client.get(f"/fr/contacts-presse/{inactive.pk}.vcf").status_code == 404
    assert client.get("/fr/contacts-presse/999999.vcf").status_code == 404


def test_contacts_page_groups_contacts_and_offers_vcards(client):
    """Contacts are grouped by organisation, each with its vCard link."""
    ContactFactory(name_fr="A", organisation_fr="IMT Mines Alès")
    ContactFactory(name_fr="B", organisation_fr="Fondation")
    page = client.get("/fr/contacts-presse/").content.decode()
    assert "<h2" in page and "Fondation" in page and "IMT Mines Alès" in page
    assert page.count(".vcf") == 2


def test_print_stylesheet_prints_a_release_like_paper(client, release):
    """The stylesheet has print rules, and the release carries its address for paper."""
    css = (settings.BASE_DIR / "static/css/site.css").read_text(encoding="utf-8")
    assert "@media print" in css
    assert ".site-nav, .language-switcher, .site-footer" in css
    page = client.get(release.get_absolute_url("fr")).content.decode()
    assert (
        f'class="print-only release__address">http://testserver{release.get_absolute_url("fr")}'
        in page
    )


def test_institution_settings_show_on_pages_and_feeds(client, release, superuser_client):
    """Name, address and "about" text edited in the admin appear on pages and in feeds."""
    superuser_client.get(reverse("admin:core_institution_changelist"))  # creates it
    response = superuser_client.post(
        reverse("admin:core_institution_change", args=[1]),
        {
            "name": "École des mines d’Alès", "address": "6 avenue de Clavières\n30100 Alès",
            "website": "https://www.imt-mines-ales.fr/", "social_profiles": "",
            "about_fr": "<p>Une grande école d’ingénieurs.</p>",
            "about_en": "<p>A leading engineering school.</p>",
            "accessibility_conformity": "partial",
        },
    )  # fmt: skip
    assert response.status_code == 302
    page = client.get(release.get_absolute_url("en")).content.decode()
    assert "École des mines d’Alès" in page
    assert "6 avenue de Clavières<br>30100 Alès" in page
    assert "A leading engineering school." in page
    assert "École des mines d’Alès" in client.get("/en/news/rss/").content.decode()


def test_institution_admin_is_a_single_form(superuser_client):
    """The institution list goes straight to its one form; no add, no delete."""
    response = superuser_client.get(reverse("admin:core_institution_changelist"))
    assert response.status_code == 302
    assert response["Location"].endswith("/admin/core/institution/1/change/")
    assert superuser_client.get(reverse("admin:core_institution_add")).status_code == 403
