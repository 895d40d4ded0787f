"""Whole journeys in Chromium: an editor publishes a bilingual release, visitors read it."""

import io
import os
import re
from pathlib import Path

import feedparser
import pytest
from PIL import Image
from playwright.sync_api import expect

from newsroom.models import PressRelease
from tests.browser.helpers import wait_for_editor
from tests.factories import AwardFactory, ContactFactory, PressReleaseFactory, RankingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def screenshot(page, name):
    """Key pages at phone and desktop widths, kept as test artifacts (not committed)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, width)


def editor_frame(page, field):
    wait_for_editor(page, field)
    return page.frame_locator(f"#cke_{field} iframe.cke_wysiwyg_frame")


def toolbar(page, field, button):
    page.locator(f"#cke_{field} .cke_button__{button}").click()


def show_language(page, code):
    for tab in page.locator(".ui-tabs-nav a[href]", has_text=code).all():
        if tab.is_visible():
            tab.click()


def pick_autocomplete(page, container, text):
    """Choose an option in one of the admin's autocomplete (select2) fields."""
    container.locator(".select2-selection").click()
    page.locator(".select2-search__field").last.fill(text)
    page.locator(".select2-results__option", has_text=text).first.click()


def png_file(tmp_path):
    path = tmp_path / "campus.png"
    buffer = io.BytesIO()
    Image.new("RGB", (320, 200), (30, 120, 160)).save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def write_french_body(page, tmp_path):
    body = editor_frame(page, "id_body_fr").locator("body")
    body.click()
    # A heading, from the Format list.
    page.locator("#cke_id_body_fr .cke_combo__format .cke_combo_button").click()
    page.frame_locator(".cke_combopanel iframe").locator("h2").click()
    page.keyboard.type("Première en France")
    page.keyboard.press("Enter")
    # Formatted text.
    page.keyboard.type("L’école est ")
    page.keyboard.press("Control+b")
    page.keyboard.type("classée 1re")
    page.keyboard.press("Control+b")
    page.keyboard.type(" dans le palmarès.")
    page.keyboard.press("Enter")
    # A list.
    toolbar(page, "id_body_fr", "bulletedlist")
    page.keyboard.type("4 notes « très bien » en enseignement")
    page.keyboard.press("Enter")
    page.keyboard.type("3 en transfert technologique")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    # A link, through the link dialog.
    page.keyboard.type("Le site du classement")
    page.keyboard.press("Shift+Home")
    toolbar(page, "id_body_fr", "link")
    dialog = page.locator(".cke_dialog").last
    dialog.get_by_label(re.compile(r"^URL")).fill("https://www.umultirank.org/")
    dialog.locator(".cke_dialog_ui_button_ok").click()
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    # An image, through the editor's upload.
    toolbar(page, "id_body_fr", "image")
    dialog = page.locator(".cke_dialog").last
    dialog.locator("a.cke_dialog_tab[id^='cke_Upload_']").click()
    dialog.frame_locator("iframe.cke_dialog_ui_input_file").locator(
        "input[type=file]"
    ).set_input_files(png_file(tmp_path))
    dialog.locator("a.cke_dialog_ui_fileButton").click()
    dialog.locator("a.cke_dialog_tab[id^='cke_info_']").wait_for()
    expect(dialog.get_by_label(re.compile(r"^URL"))).to_have_value(re.compile("^/media/editor/"))
    dialog.get_by_label(re.compile("alternati", re.IGNORECASE)).fill("Le campus de l’école")
    dialog.locator(".cke_dialog_ui_button_ok").click()


def test_editor_publishes_a_bilingual_release_that_visitors_read(admin_page, client, tmp_path):
    """Written in CKEditor in both languages with a contact and an award, then read."""
    ContactFactory(name_fr="Pierre Perdiguier", name_en="Pierre Perdiguier")
    ranking = RankingFactory(name_fr="U-Multirank", name_en="U-Multirank")
    AwardFactory(ranking=ranking)

    page = admin_page
    page.goto("/admin/newsroom/pressrelease/add/")
    page.fill("#id_title_fr", "IMT Mines Alès classée 1re en France")
    page.fill("#id_dateline", "Alès")
    page.fill("#id_standfirst_fr", "Un résultat qui récompense l’accompagnement des élèves.")
    write_french_body(page, tmp_path)

    show_language(page, "en")
    page.fill("#id_title_en", "IMT Mines Alès ranked first in France")
    page.fill("#id_standfirst_en", "A result that rewards how students are supported.")
    editor_frame(page, "id_body_en").locator("body").click()
    page.keyboard.type("The school is first in France for teaching and learning.")

    pick_autocomplete(page, page.locator(".field-awards"), "U-Multirank")
    first_contact_row = page.locator("#release_contacts-group tr.form-row").first
    pick_autocomplete(page, first_contact_row, "Perdiguier")
    page.select_option("#id_status", "published")
    page.check("#id_ready_fr")
    page.check("#id_ready_en")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/newsroom/pressrelease/")
    assert page.csp_violations == []

    release = PressRelease.objects.get()
    body = release.body_fr
    assert "<h2>Première en France</h2>" in body
    assert "<strong>classée 1re</strong>" in body
    assert "<li>3 en transfert technologique</li>" in body
    assert 'href="https://www.umultirank.org/"' in body
    assert 'src="/media/editor/' in body and 'alt="Le campus de l’école"' in body
    assert release.complete_languages() == ["fr", "en"]

    # A visitor finds it on the French and English news pages, with its award.
    page.goto("/fr/actualites/")
    card = page.locator(".release-card", has_text="IMT Mines Alès classée 1re en France")
    assert card.locator(".award-chip").count() == 1
    screenshot(page, "news-list-fr")
    page.goto("/en/news/")
    page.locator("a", has_text="IMT Mines Alès ranked first in France").click()
    assert page.locator("h1").inner_text() == "IMT Mines Alès ranked first in France"
    assert page.locator(".key-figures li").count() == 1
    screenshot(page, "release-en")
    # … switches language on it …
    page.locator(".language-switcher a[hreflang=fr]").click()
    assert page.locator("h1").inner_text() == "IMT Mines Alès classée 1re en France"
    assert page.locator(".release__contacts", has_text="Pierre Perdiguier").count() == 1
    screenshot(page, "release-fr")
    # … and in both RSS feeds.
    for feed, title in [
        ("/fr/actualites/rss/", release.title_fr),
        ("/en/news/rss/", release.title_en),
    ]:
        entries = feedparser.parse(client.get(feed).content).entries
        assert [entry.title for entry in entries] == [title]


def tab_to(page, selector, text=None, limit=80):
    """Press Tab until the focused element matches, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        matches = page.evaluate(
            "([selector, text]) => { const el = document.activeElement;"
            " return el.matches(selector) && (!text || el.textContent.includes(text)); }",
            [selector, text],
        )
        if matches:
            return
    raise AssertionError(f"Tab never reached {selector} {text or ''}")


def test_visitor_gets_around_by_keyboard_only(page, settings):
    """Search, pagination, rankings and contacts, with Tab and Enter alone."""
    for n in range(settings.NEWSROOM_RELEASES_PER_PAGE + 2):
        PressReleaseFactory(title_en=f"Robotics team news {n}")
    release = PressReleaseFactory(title_en="Ranking results announced")
    release.awards.add(AwardFactory(ranking=RankingFactory(name_en="U-Multirank")))
    ContactFactory(name_en="Camille Martin")

    page.goto("/en/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"

    tab_to(page, "a", "Search")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/search/")
    tab_to(page, "input[name=q]")
    page.keyboard.type("robotics")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/search/?q=robotics*")
    assert "14 press releases found" in page.locator(".search-count").inner_text()
    screenshot(page, "search-en")

    tab_to(page, "a[rel=next]")
    page.keyboard.press("Enter")
    page.wait_for_url("**page=2*")
    assert page.locator(".search-result").count() == 2

    tab_to(page, "a", "Rankings")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/rankings/")
    tab_to(page, "a", "Ranking results announced")
    page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Ranking results announced"
    screenshot(page, "rankings-release-en")

    tab_to(page, "a", "Press contacts")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/press-contacts/")
    tab_to(page, "a.contact-card__vcard")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == "camille-martin.vcf"
    screenshot(page, "contacts-en")


def test_readme_screenshots(admin_page, browser, live_server):
    """The pictures of the README, docs/editors.md and docs/design.md, from the demo
    content."""
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    target = Path(os.environ.get("README_SCREENSHOTS_DIR", ARTIFACTS))
    target.mkdir(parents=True, exist_ok=True)
    page = admin_page
    page.set_viewport_size({"width": 1280, "height": 900})
    release = PressRelease.objects.get(slug_en__startswith="imt-mines-ales-first-in-france")
    page.goto(release.get_absolute_url("en"))
    page.screenshot(path=str(target / "release-page.png"), full_page=False)
    page.goto(f"/admin/newsroom/pressrelease/{release.pk}/change/")
    editor_frame(page, "id_body_fr")
    page.screenshot(path=str(target / "admin-editing.png"), full_page=False)
    embargoed = PressRelease.objects.get(embargo_until__isnull=False)
    page.goto(f"/admin/newsroom/pressrelease/{embargoed.pk}/change/")
    page.locator("fieldset", has=page.locator("#id_embargo_until_0")).screenshot(
        path=str(target / "admin-publication.png")
    )
    page.goto("/admin/newsroom/pressrelease/")
    page.screenshot(path=str(target / "admin-release-list.png"), full_page=False)
    page.goto(f"/preview/release/{embargoed.uuid}/fr/")
    page.screenshot(path=str(target / "preview.png"), full_page=False)
    page.goto("/admin/translations/")
    page.screenshot(path=str(target / "translation-board.png"), full_page=False)
    award = release.awards.order_by("pk").first()
    page.goto(f"/admin/rankings/award/{award.pk}/change/")
    page.screenshot(path=str(target / "admin-award.png"), full_page=False)
    page.goto("/admin/")
    page.screenshot(path=str(target / "admin-desk.png"), full_page=False)
    # docs/design.md: the public pages as a visitor sees them, whole, in French.
    visitor = browser.new_context(base_url=live_server.url, locale="fr-FR")
    public = visitor.new_page()
    public_pages = {"home": "/fr/", "release": release.get_absolute_url("fr"),
                    "rankings": "/fr/classements/"}  # fmt: skip
    for width in (375, 1280):
        public.set_viewport_size({"width": width, "height": 900})
        for name, path in public_pages.items():
            public.goto(path)
            # A whole-page picture shows the pictures lazy loading would leave blank.
            public.evaluate(
                "() => Promise.all([...document.images].map(image => {"
                " image.loading = 'eager'; return image.decode().catch(() => null); }))"
            )
            public.screenshot(path=str(target / f"public-{name}-{width}.png"), full_page=True)
    visitor.close()
    for name in ("release-page", "admin-publication", "admin-release-list", "preview",
                 "translation-board", "admin-award", "admin-desk", "public-home-375",
                 "public-release-1280", "public-rankings-375"):  # fmt: skip
        assert (target / f"{name}.png").stat().st_size > 10_000, name
