"""An editor imports a press release from Word: reviews what was recognised, creates
the draft, then imports its English translation into the English tab."""

import pytest
from docx import Document
from playwright.sync_api import expect

from core.typography import french_spacing
from newsroom.models import PressRelease
from tests.newsroom import word

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def english_translation():
    document = Document()
    document.add_paragraph("Alès, 22 September 2021")
    document.add_paragraph("IMT Mines Alès ranked 1st in France for teaching", style="Title")
    document.add_paragraph().add_run("U-Multirank published its 2021 ranking.").bold = True
    document.add_paragraph("The school is in the ranking for the second year.")
    return word.saved(document)


def test_import_review_create_then_import_the_translation(admin_page, tmp_path):
    page = admin_page
    french, english = tmp_path / "communique.docx", tmp_path / "press-release.docx"
    french.write_bytes(word.seed())
    english.write_bytes(english_translation())

    page.goto("/admin/newsroom/pressrelease/")
    page.get_by_role("link", name="Importer depuis un document").click()
    page.set_input_files("#id_document", str(french))
    page.get_by_role("button", name="Lire le document").click()
    expect(page.locator(".document-import__fields")).to_contain_text(word.SEED_TEXT["title"])
    expect(page.locator(".document-import__body li").first).to_contain_text("4 fois")
    assert not PressRelease.objects.exists()  # nothing before "create the draft"
    page.get_by_role("button", name="Créer le brouillon").click()
    page.wait_for_url("**/change/")
    # Saved with French spacing, as everything an editor writes (core.typography).
    expect(page.locator("#id_title_fr")).to_have_value(french_spacing(word.SEED_TEXT["title"]))
    expect(page.locator("#id_standfirst_fr")).to_have_value(
        french_spacing(word.SEED_TEXT["standfirst"])
    )
    expect(page.locator("#id_dateline")).to_have_value("Alès")

    for tab in page.locator(".ui-tabs-nav a[href]", has_text="en").all():
        if tab.is_visible():
            tab.click()
    page.get_by_role("link", name="Importer la version anglaise depuis un document").click()
    page.set_input_files("#id_document", str(english))
    page.get_by_role("button", name="Lire le document").click()
    expect(page.locator(".document-import__fields")).to_contain_text("ranked 1st in France")
    page.get_by_role("button", name="Remplacer cette langue").click()
    page.wait_for_url("**/change/")
    expect(page.locator("#id_title_en")).to_have_value(
        "IMT Mines Alès ranked 1st in France for teaching"
    )
    release = PressRelease.objects.get()
    assert release.title_fr == french_spacing(word.SEED_TEXT["title"])  # the French version kept
    assert release.body_en == "<p>The school is in the ranking for the second year.</p>"
    assert release.slug_en == "imt-mines-ales-ranked-1st-in-france-for-teaching"
    assert page.csp_violations == []
