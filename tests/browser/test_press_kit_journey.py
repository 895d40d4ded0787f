"""An editor puts two pictures and a PDF in a release's press kit; a journalist
downloads the kit as one ZIP and finds the credits."""

import io
import zipfile

import pytest
from playwright.sync_api import expect

from newsroom.models import MediaAsset
from tests.browser.test_journeys import pick_autocomplete
from tests.factories import PressReleaseFactory, jpeg_file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def add_asset(page, path, caption, kind="picture", credit="", licence="press"):
    page.goto("/admin/newsroom/mediaasset/add/")
    page.select_option("#id_kind", kind)
    page.set_input_files(f"#id_{kind}", str(path))
    page.fill("#id_caption_fr", caption)
    page.fill("#id_credit", credit)
    page.select_option("#id_licence", licence)
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/newsroom/mediaasset/")


def test_an_editor_builds_a_kit_and_a_journalist_downloads_it(
    admin_page, browser, live_server, tmp_path
):
    page = admin_page
    release = PressReleaseFactory(slug_fr="nouveau-laboratoire")
    for name, colour in (("labo.jpg", (200, 40, 40)), ("equipe.jpg", (40, 160, 60))):
        (tmp_path / name).write_bytes(jpeg_file(name, size=(1200, 800), color=colour).read())
    (tmp_path / "fiche.pdf").write_bytes(PDF)
    add_asset(page, tmp_path / "labo.jpg", "Le laboratoire", credit="© Ana Lopez / IMT Mines Alès")
    add_asset(page, tmp_path / "equipe.jpg", "L’équipe", credit="© IMT Mines Alès",
              licence="cc-by-4.0")  # fmt: skip
    add_asset(page, tmp_path / "fiche.pdf", "Fiche du laboratoire", kind="document")
    assert MediaAsset.objects.count() == 3

    page.goto(f"/admin/newsroom/pressrelease/{release.pk}/change/")
    group = page.locator("#release_assets-group")
    rows = group.locator("tr.form-row:not(.empty-form)")
    for position, caption in enumerate(["Fiche du laboratoire", "L’équipe", "Le laboratoire"]):
        if position:
            group.locator(".add-row a").click()
        pick_autocomplete(page, rows.nth(position), caption)
    # The editor reorders: drags the document to the end by its handle, then moves the
    # laboratory up with the keyboard's button.
    last = rows.nth(2).bounding_box()
    rows.nth(0).get_by_role("button", name="Faire glisser pour déplacer cette ligne").drag_to(
        rows.nth(2), target_position={"x": 20, "y": last["height"] - 4}
    )
    expect(rows.nth(2)).to_contain_text("Fiche du laboratoire")
    rows.nth(1).get_by_role("button", name="Monter").click()
    expect(rows.nth(0)).to_contain_text("Le laboratoire")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/newsroom/pressrelease/")

    journalist = browser.new_context(base_url=live_server.url, accept_downloads=True)
    visitor = journalist.new_page()
    visitor.goto(release.get_absolute_url("fr"))
    expect(visitor.locator(".press-kit")).to_contain_text("© Ana Lopez / IMT Mines Alès")
    with visitor.expect_download() as download:
        visitor.get_by_role("link", name="Télécharger le kit presse (ZIP)").click()
    archive = zipfile.ZipFile(io.BytesIO(download.value.path().read_bytes()))
    names = [name.split("/", 1)[1] for name in archive.namelist()]
    assert names[:3] == [
        "01-le-laboratoire.jpg", "02-lequipe.jpg", "03-fiche-du-laboratoire.pdf",
    ]  # fmt: skip
    credits = archive.read(next(n for n in archive.namelist() if n.endswith("credits.txt")))
    assert "© Ana Lopez / IMT Mines Alès" in credits.decode()
    assert "CC BY 4.0" in credits.decode()
    journalist.close()
