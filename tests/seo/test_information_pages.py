"""What French law asks of a public body's site (issue 20, point 5): an accessibility
statement, a legal notice, a personal data page and a site map, in both languages,
written from the institution's settings and linked from every footer."""

import re

import pytest
from django.urls import reverse

from core.colours import PAPER, contrast
from core.models import Institution
from tests.factories import PressReleaseFactory, RankingFactory

pytestmark = pytest.mark.django_db

PAGES = {
    "fr": ["/fr/plan-du-site/", "/fr/accessibilite/", "/fr/mentions-legales/",
           "/fr/donnees-personnelles/"],
    "en": ["/en/site-map/", "/en/accessibility/", "/en/legal-notice/", "/en/personal-data/"],
}  # fmt: skip


def text(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("\u00a0", " ")


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_footer_links_the_four_pages(client, language):
    release = PressReleaseFactory()
    for path in (f"/{language}/", release.get_absolute_url(language)):
        footer = client.get(path).content.decode().split('<footer class="site-footer">')[1]
        for page in PAGES[language]:
            assert f'href="{page}"' in footer, (path, page)
    for page in PAGES[language]:
        assert client.get(page).status_code == 200, page


def test_the_accessibility_statement_follows_the_settings(client):
    html = text(client.get("/fr/accessibilite/").content.decode())
    assert "L’espace presse est non conforme avec le référentiel général" in html
    assert "n’a pas encore fait l’objet d’un audit" in html
    assert "Défenseur des droits" in html and "Libre réponse 71120" in html
    institution = Institution.load()
    institution.accessibility_conformity = Institution.Conformity.PARTIAL
    institution.accessibility_audit = "12 mars 2026, par Access42"
    institution.accessibility_contact = "accessibilite@example.org"
    institution.accessibility_issues_fr = "<p>Les PDF anciens ne sont pas balisés.</p>"
    institution.save()
    page = client.get("/fr/accessibilite/").content.decode()
    assert "L’espace presse est partiellement conforme" in text(page)
    assert "Audit : 12 mars 2026, par Access42." in text(page)
    assert "<p>Les PDF anciens ne sont pas balisés.</p>" in page
    assert 'href="mailto:accessibilite@example.org"' in page
    footer = client.get("/en/").content.decode()
    assert "Accessibility: partially compliant" in footer


def test_the_legal_notice_names_publisher_director_and_host(client):
    institution = Institution.load()
    institution.name = "IMT Mines Alès"
    institution.publication_director = "Jean Dupont"
    institution.host = "Hébergeur SAS\n1 rue du Serveur, 75000 Paris"
    institution.save()
    html = text(client.get("/fr/mentions-legales/").content.decode())
    assert "Éditeur IMT Mines Alès" in html
    assert "Directeur de la publication Jean Dupont" in html
    assert "Hébergeur Hébergeur SAS 1 rue du Serveur, 75000 Paris" in html
    assert "en mentionnant IMT Mines Alès" in html


def test_the_personal_data_page_says_what_the_site_stores(client, settings):
    html = text(client.get("/en/personal-data/").content.decode())
    assert "Public pages set no cookie" in html
    assert f"for at most {settings.SESSION_COOKIE_AGE // 3600} hours" in html
    assert "CNIL" in html
    assert client.get("/en/").cookies == {}  # and indeed none


def test_the_site_map_lists_years_and_rankings(client):
    PressReleaseFactory()
    ranking = RankingFactory(name_en="U-Multirank")
    html = client.get("/en/site-map/").content.decode()
    assert f'href="/en/rankings/{ranking.slug}/">U-Multirank</a>' in html
    assert re.search(r'href="/en/news/\d{4}/"', html)


def test_the_sitemap_lists_them(client):
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    for page in PAGES["fr"]:
        assert f"http://testserver{page}" in sitemap


def test_the_institutions_colour_reaches_every_page_in_both_schemes(client, superuser_client):
    assert "brand.css" not in client.get("/fr/").content.decode()  # the newsroom's blue
    assert client.get("/brand.css").status_code == 404
    superuser_client.get(reverse("admin:core_institution_changelist"))  # creates it
    form = {"name": "IMT Mines Alès", "accent_colour": "#ffcc00", "social_profiles": "",
            "accessibility_conformity": "none"}  # fmt: skip
    url = reverse("admin:core_institution_change", args=[1])
    refused = superuser_client.post(url, form)
    assert refused.status_code == 200
    assert "difficiles à lire sur du blanc" in refused.content.decode()  # the admin in French
    assert Institution.load().accent_colour == ""  # nothing saved
    assert superuser_client.post(url, {**form, "accent_colour": "#8a1538"}).status_code == 302
    page = client.get("/fr/").content.decode()
    link = re.search(r'<link rel="stylesheet" href="(/brand\.css\?v=\d+)">', page)
    css = client.get(link[1])
    assert css["Content-Type"].startswith("text/css")
    light, dark = re.findall(r"--accent: (#[0-9a-f]{6});", css.content.decode())
    assert light == "#8a1538"
    assert contrast(dark, PAPER["dark"]) >= 7
