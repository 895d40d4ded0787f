"""The admin's language tabs and rich-text editor work in a real browser, offline."""

import pytest

from newsroom.models import PressRelease
from tests.browser.helpers import wait_for_editor
from tests.factories import PressReleaseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def show_language(page, code):
    """Click the language's tab on every group of translated fields."""
    for tab in page.locator(".ui-tabs-nav a[href]", has_text=code).all():
        if tab.is_visible():
            tab.click()


def test_language_tabs_switch_between_french_and_english(admin_page):
    """Clicking the English tab shows the English title and hides the French one."""
    release = PressReleaseFactory()
    admin_page.goto(f"/admin/newsroom/pressrelease/{release.pk}/change/")
    french, english = admin_page.locator("#id_title_fr"), admin_page.locator("#id_title_en")
    assert french.is_visible()
    assert not english.is_visible()
    admin_page.locator(".ui-tabs-nav a[href]", has_text="en").first.click()
    assert english.is_visible()
    assert not french.is_visible()
    assert english.input_value() == release.title_en


def test_admin_loads_nothing_from_outside(admin_page):
    """No script, style or font is fetched from another host; the CSP blocks nothing."""
    admin_page.goto("/admin/newsroom/pressrelease/add/")
    admin_page.wait_for_selector(".cke")  # the editor has finished loading its files
    admin_page.locator(".cke_button__table").first.click()  # a dialog, with its inline UI
    admin_page.wait_for_selector(".cke_dialog")
    assert admin_page.outside_requests == []
    assert admin_page.csp_violations == []


UPLOAD_FROM_EDITOR = """async () => {
    const editor = CKEDITOR.instances.id_body_fr;
    const canvas = document.createElement("canvas");
    canvas.width = 40;
    canvas.height = 30;
    canvas.getContext("2d").fillRect(0, 0, 40, 30);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
    const loader = editor.uploadRepository.create(blob, "square.png");
    return await new Promise((resolve) => {
        loader.on("uploaded", () => resolve(loader.url));
        loader.on("error", () => resolve("error: " + loader.message));
        loader.loadAndUpload(editor.config.uploadUrl);
    });
}"""


def test_editor_uploads_an_image_into_the_release(admin_page, client):
    """An image sent through the editor's upload is stored and shows on the release."""
    admin_page.goto("/admin/newsroom/pressrelease/add/")
    wait_for_editor(admin_page, "id_body_fr")
    url = admin_page.evaluate(UPLOAD_FROM_EDITOR)
    assert url.startswith("/media/editor/") and url.endswith(".png"), url
    admin_page.fill("#id_title_fr", "Avec une image")
    admin_page.evaluate(
        f"CKEDITOR.instances.id_body_fr.setData("
        f'\'<p>Texte</p><p><img src="{url}" alt="Un carré"></p>\')'
    )
    admin_page.select_option("#id_status", "published")
    admin_page.check("#id_ready_fr")
    admin_page.click("input[name=_save]")
    admin_page.wait_for_url("**/admin/newsroom/pressrelease/")
    release = PressRelease.objects.get()
    page = client.get(release.get_absolute_url("fr")).content.decode()
    assert f'src="{url}"' in page and 'alt="Un carré"' in page
    assert admin_page.csp_violations == []


def test_editor_writes_a_release_that_is_saved_clean(admin_page):
    """Text typed in CKEditor in both tabs is saved as the release's bodies."""
    admin_page.goto("/admin/newsroom/pressrelease/add/")
    wait_for_editor(admin_page, "id_body_fr")
    admin_page.fill("#id_title_fr", "Classement mondial")
    admin_page.fill("#id_slug_fr", "classement-mondial")
    admin_page.evaluate(
        """CKEDITOR.instances.id_body_fr.setData(
            '<h2>Résultat</h2><p>Texte <strong>gras</strong></p><ul><li>point</li></ul>')"""
    )
    show_language(admin_page, "en")
    admin_page.fill("#id_title_en", "Global ranking")
    admin_page.fill("#id_slug_en", "global-ranking")
    admin_page.evaluate("CKEDITOR.instances.id_body_en.setData('<p>English text</p>')")
    admin_page.select_option("#id_status", "published")
    admin_page.check("#id_ready_fr")
    admin_page.click("input[name=_save]")
    admin_page.wait_for_url("**/admin/newsroom/pressrelease/")
    release = PressRelease.objects.get()
    assert "<h2>Résultat</h2>" in release.body_fr
    assert "<strong>gras</strong>" in release.body_fr
    assert release.body_en == "<p>English text</p>"
    assert release.complete_languages() == ["fr", "en"]
