"""axe-core finds no WCAG 2.1 AA violation on any public page type, in either language."""

import os
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).parent / "js/node_modules/axe-core/axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

REFERENCE_FR = (
    "/fr/actualites/imt-mines-ales-1re-en-france-enseignement-apprentissage-u-multirank-2021/"
)
REFERENCE_EN = "/en/news/imt-mines-ales-first-in-france-teaching-learning-u-multirank-2021/"
PAGES = {
    "fr": ["/fr/", "/fr/actualites/", "/fr/actualites/2021/", REFERENCE_FR, "/fr/contacts-presse/",
           "/fr/classements/", "/fr/classements/u-multirank/", "/fr/recherche/?q=classement",
           "/fr/recherche/", "/fr/page-introuvable/", "/fr/accessibilite/", "/fr/plan-du-site/",
           "/fr/alertes/", "/fr/alertes/verifiez-votre-messagerie/"],
    "en": ["/en/", "/en/news/?page=2", "/en/news/2021/", REFERENCE_EN, "/en/press-contacts/",
           "/en/rankings/", "/en/rankings/the-impact/", "/en/search/?q=ranking",
           "/en/search/?q=!!!", "/en/no-such-page/", "/en/legal-notice/", "/en/personal-data/",
           "/en/alerts/", "/en/alerts/unsubscribe/not-a-signed-link/"],
}  # fmt: skip


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail("axe-core is missing: run `make browser-js`")
        pytest.skip("axe-core is not installed (make browser-js needs npm)")
    return AXE.read_text()


@pytest.fixture
def axe_page(browser, live_server, axe_source):
    # The test injects axe-core itself: let it past the page's script policy.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def violations(page, axe_source):
    page.add_script_tag(content=axe_source)
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_21_AA,
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
    ]


@pytest.mark.parametrize("width", [320, 375, 768, 1280])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("language", ["fr", "en"])
def test_public_pages_have_no_violation(axe_page, axe_source, language, scheme, width):
    """Every page type passes axe-core's WCAG 2.1 AA rules, in light and dark schemes,
    on phones, tablets and desktops (layouts and colours change with the width)."""
    call_command("load_demo", verbosity=0)
    axe_page.emulate_media(color_scheme=scheme)
    axe_page.set_viewport_size({"width": width, "height": 900})
    found = {}
    for path in PAGES[language]:
        axe_page.goto(path)
        problems = violations(axe_page, axe_source)
        if problems:
            found[path] = problems
    assert found == {}
