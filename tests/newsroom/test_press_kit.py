"""A release's press kit: pictures and documents with credits and terms, one streamed
ZIP, withdrawn the minute their licence or consent ends, private as the release is."""

import io
import re
import zipfile
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from newsroom.models import MediaAsset, PressRelease, ReleaseAsset
from tests.factories import PressReleaseFactory, jpeg_file

pytestmark = pytest.mark.django_db

REFERENCE = "imt-mines-ales-1re-en-france-enseignement-apprentissage-u-multirank-2021"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def picture_asset(**fields):
    fields = {"caption_fr": "Le campus vu du ciel", "caption_en": "The campus from above",
              "alt_text_fr": "Vue aérienne du campus", "credit": "© Jean Dupont / IMT Mines Alès",
              "licence": "cc-by-4.0", **fields}  # fmt: skip
    return MediaAsset.objects.create(
        kind="picture", picture=jpeg_file("campus.jpg", size=(1600, 1000)), **fields
    )


def document_asset(**fields):
    asset = MediaAsset(kind="document", caption_fr="Fiche U-Multirank", **fields)
    asset.document.save("fiche.pdf", ContentFile(PDF), save=False)
    asset.save()
    return asset


def asset_form(**overrides):
    """What the media library's add form posts for a picture."""
    return {"kind": "picture", "caption_fr": "Le campus", "caption_en": "The campus",
            "alt_text_fr": "Vue du campus", "alt_text_en": "The campus", "credit": "© IMT",
            "licence": "press", "available_until_0": "", "available_until_1": "",
            **overrides}  # fmt: skip


def kit(release, *assets):
    for position, asset in enumerate(assets, start=1):
        ReleaseAsset.objects.create(release=release, asset=asset, position=position)
    return release


def zip_of(response):
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def test_a_picture_needs_its_credit_and_a_document_is_a_pdf():
    with pytest.raises(ValidationError, match="credit"):
        MediaAsset(kind="picture", picture=jpeg_file()).full_clean()
    asset = MediaAsset(kind="document")
    asset.document.save("fake.pdf", ContentFile(b"MZ\x90\x00not a pdf"), save=False)
    with pytest.raises(ValidationError, match="PDF"):
        asset.full_clean()


def test_the_release_page_shows_its_kit_in_each_language(client):
    release = kit(PressReleaseFactory(), picture_asset(), document_asset())
    french = client.get(release.get_absolute_url("fr")).content.decode()
    assert "Kit presse" in french and "Le campus vu du ciel" in french
    assert "© Jean Dupont / IMT Mines Alès" in french
    assert "1600 × 1000 px" in french
    assert 'rel="license"' in french and "creativecommons.org/licenses/by/4.0/" in french
    assert "Fiche U-Multirank" in french and "(PDF," in french
    english = client.get(release.get_absolute_url("en")).content.decode()
    assert "Press kit" in english and "The campus from above" in english
    assert "Download the press kit (ZIP)" in english


def test_the_zip_holds_every_file_the_text_and_the_credits(client):
    picture, document = picture_asset(), document_asset()
    release = kit(PressReleaseFactory(slug_fr="un-communique"), picture, document)
    response = client.get("/fr/actualites/un-communique/kit-presse.zip")
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    day = timezone.localtime(release.published_at).strftime("%Y-%m-%d")
    stem = f"un-communique-{day}"
    assert response["Content-Disposition"] == f'attachment; filename="{stem}-press-kit.zip"'
    archive = zip_of(response)
    names = archive.namelist()
    assert names[:2] == [f"{stem}/01-le-campus-vu-du-ciel.jpg", f"{stem}/02-fiche-u-multirank.pdf"]
    assert {f"{stem}/{stem}.html", f"{stem}/{stem}.txt", f"{stem}/credits.txt"} <= set(names)
    assert archive.read(names[0]) == picture.picture.open().read()
    credits = archive.read(f"{stem}/credits.txt").decode()
    assert "© Jean Dupont / IMT Mines Alès" in credits and "CC BY 4.0" in credits
    assert release.title_fr in archive.read(f"{stem}/{stem}.txt").decode()


def test_an_asset_is_withdrawn_the_minute_its_licence_ends(client):
    ending = timezone.now() + timedelta(minutes=5)
    withdrawn = picture_asset(caption_fr="Photo à retirer", available_until=ending)
    release = kit(PressReleaseFactory(), withdrawn, document_asset())
    url = release.get_absolute_url("fr")
    assert "Photo à retirer" in client.get(url).content.decode()
    assert client.get(withdrawn.picture.url).status_code == 200
    with time_machine.travel(ending + timedelta(seconds=1)):
        assert "Photo à retirer" not in client.get(url).content.decode()
        assert client.get(withdrawn.picture.url).status_code == 404
        archive = zip_of(client.get(f"{url}kit-presse.zip"))
        assert not any("retirer" in name for name in archive.namelist())


def test_the_hero_image_is_a_kit_picture_withdrawn_like_the_others(client):
    """The hero image is an asset: it opens the kit (journalists get it in print size),
    and past its end it leaves the page, the cards, the feeds and its address at once."""
    ending = timezone.now() + timedelta(minutes=5)
    hero = picture_asset(caption_fr="Le campus au printemps", available_until=ending)
    release = kit(PressReleaseFactory(hero=hero), document_asset())
    url = release.get_absolute_url("fr")
    page = client.get(url).content.decode()
    assert 'class="release__hero"' in page and "Le campus au printemps" in page
    assert [asset for _position, asset in release.press_kit][0] == hero
    assert "<enclosure" in client.get("/fr/actualites/rss/").content.decode()
    assert "<picture" in client.get("/fr/actualites/").content.decode()
    with time_machine.travel(ending + timedelta(seconds=1)):
        page = client.get(url).content.decode()
        assert 'class="release__hero"' not in page and "Le campus au printemps" not in page
        assert "<picture" not in client.get("/fr/actualites/").content.decode()
        assert "<enclosure" not in client.get("/fr/actualites/rss/").content.decode()
        assert client.get(hero.picture.url).status_code == 404


def test_a_hero_image_stays_private_with_its_draft(client, staff_client):
    hero = picture_asset()
    PressReleaseFactory(draft=True, hero=hero)
    assert client.get(hero.picture.url).status_code == 404
    assert staff_client.get(hero.picture.url).status_code == 200


def test_an_unpublished_releases_kit_stays_private(client, staff_client):
    release = kit(PressReleaseFactory(draft=True, slug_fr="brouillon"), picture_asset())
    asset = release.press_kit[0][1]
    assert client.get("/fr/actualites/brouillon/kit-presse.zip").status_code == 404
    assert client.get(asset.picture.url).status_code == 404
    assert staff_client.get("/fr/actualites/brouillon/kit-presse.zip").status_code == 200
    release.status = PressRelease.Status.PUBLISHED
    release.save()
    assert client.get("/fr/actualites/brouillon/kit-presse.zip").status_code == 200


def test_deleting_an_asset_a_release_uses_is_refused_with_the_list(superuser_client):
    release = kit(PressReleaseFactory(), picture_asset())
    asset = MediaAsset.objects.get()
    page = superuser_client.get(f"/admin/newsroom/mediaasset/{asset.pk}/delete/").content.decode()
    assert str(release) in page
    superuser_client.post(f"/admin/newsroom/mediaasset/{asset.pk}/delete/", {"post": "yes"})
    assert MediaAsset.objects.filter(pk=asset.pk).exists()


def test_deleting_a_hero_image_is_refused_with_its_release(superuser_client):
    release = PressReleaseFactory(hero=picture_asset())
    delete = f"/admin/newsroom/mediaasset/{release.hero_id}/delete/"
    assert str(release) in superuser_client.get(delete).content.decode()
    superuser_client.post(delete, {"post": "yes"})
    assert MediaAsset.objects.filter(pk=release.hero_id).exists()


def test_the_library_lists_what_ends_within_30_days(superuser_client):
    picture_asset(caption_fr="Bientôt fini", available_until=timezone.now() + timedelta(days=10))
    picture_asset(caption_fr="Sans fin")
    page = superuser_client.get("/admin/newsroom/mediaasset/?availability=expiring")
    text = page.content.decode()
    assert "Bientôt fini" in text and "Sans fin" not in text


def test_the_demo_gives_the_reference_release_its_kit(client):
    call_command("load_demo", verbosity=0)
    release = PressRelease.objects.get(slug_fr=REFERENCE)
    assert [(asset.kind, asset.licence) for _position, asset in release.press_kit] == [
        ("picture", "press"), ("picture", "cc-by-4.0"), ("document", "press"),
    ]  # fmt: skip
    archive = zip_of(client.get(f"/fr/actualites/{REFERENCE}/kit-presse.zip"))
    pdf = next(name for name in archive.namelist() if name.endswith(".pdf"))
    assert archive.read(pdf).startswith(b"%PDF-")
    credits = next(name for name in archive.namelist() if name.endswith("credits.txt"))
    assert "© IMT Mines Alès, CC BY 4.0" in archive.read(credits).decode()


@pytest.mark.slow
def test_the_zip_benchmark_runs_at_a_small_scale(tmp_path):
    """make bench-press-kit's command, with two pictures, on a database of its own."""
    from tests.reliability.server import manage, own_database, server_environment

    with own_database(tmp_path) as database_url:
        environment = server_environment(database_url, tmp_path / "media")
        manage(environment, "migrate", "--no-input", "-v", "0")
        printed = manage(environment, "benchmark_press_kit", "--pictures", "2")
    assert "2 pictures (" in printed and "downloading process peak memory" in printed


def test_search_engines_read_each_pictures_credit_and_licence(client):
    import json
    import re

    release = kit(PressReleaseFactory(), picture_asset(), document_asset())
    page = client.get(release.get_absolute_url("fr")).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1]
    )
    [picture] = [image for image in data["image"] if isinstance(image, dict)]
    assert picture["creditText"] == "© Jean Dupont / IMT Mines Alès"
    assert picture["license"] == "https://creativecommons.org/licenses/by/4.0/"
    assert picture["acquireLicensePage"].endswith("#press-kit-heading")
    assert picture["contentUrl"].startswith("http://testserver/media/assets/")
    # With no hero image, social networks show the kit's first picture.
    assert re.search(r'<meta property="og:image" content="[^"]*renditions/assets/', page)


def test_feeds_enclose_the_kits_first_picture_when_there_is_no_hero_image(client):
    import feedparser

    release = kit(PressReleaseFactory(), document_asset(), picture_asset())
    [entry] = feedparser.parse(client.get("/fr/actualites/rss/").content).entries
    [enclosure] = entry.enclosures
    assert enclosure.href == f"http://testserver{release.press_kit[1][1].picture.url}"
    assert enclosure.type == "image/jpeg"


def test_the_desk_lists_assets_ending_within_30_days(superuser_client):
    picture_asset(
        caption_fr="Photo bientôt retirée", available_until=timezone.now() + timedelta(days=3)
    )
    picture_asset(caption_fr="Photo sans fin")
    desk = superuser_client.get("/admin/").content.decode()
    assert "Images et documents à retirer dans les 30 jours" in desk
    assert "Photo bientôt retirée" in desk and "Photo sans fin" not in desk


def test_the_release_offers_sharing_and_following_beside_its_text(client):
    from urllib.parse import quote

    release = kit(PressReleaseFactory(slug_fr="partage"), picture_asset())
    page = client.get("/fr/actualites/partage/").content.decode()
    address = quote("http://testserver/fr/actualites/partage/", safe="/")
    assert f"https://www.linkedin.com/sharing/share-offsite/?url={address}" in page
    assert f"mailto:?subject={quote(release.title_fr)}" in page
    assert 'href="/fr/alertes/">Recevoir nos communiqués par e-mail' in page
    assert "1 image · " in page  # the kit's contents beside its download


def test_the_library_counts_each_release_showing_an_asset_once(superuser_client):
    """In its kit, as its hero image, or both: a release counts once."""
    shared = picture_asset(caption_fr="Partagée")
    kit(PressReleaseFactory(hero=shared), shared)
    PressReleaseFactory(hero=shared)
    page = superuser_client.get("/admin/newsroom/mediaasset/").content.decode()
    assert re.search(r'<td class="field-used_by">2</td>', page)
