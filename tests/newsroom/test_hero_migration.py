"""Migrations 0015-0016 move each release's hero image into the media library, losing
none: the file (same name, so the same address and renditions), its size, its
alternative texts and its credit."""

import pytest

from tests.factories import jpeg_file
from tests.migrating import migrate

BEFORE = [("newsroom", "0014_media_library")]
AFTER = [("newsroom", "0016_remove_hero_image_columns")]
pytestmark = pytest.mark.usefixtures("latest_schema_after")


@pytest.mark.django_db(transaction=True)
def test_existing_hero_images_become_library_pictures(media_root):
    old = migrate(BEFORE)
    Release = old.get_model("newsroom", "PressRelease")
    storage = Release._meta.get_field("hero_image").storage
    stored = storage.save("releases/2021/09/campus.jpg", jpeg_file(size=(800, 450)))
    common = {"status": "published", "ready_fr": True, "dateline": "Alès",
              "body_fr": "<p>Texte.</p>"}  # fmt: skip
    with_picture = Release.objects.create(
        title_fr="Avec photo", slug_fr="avec-photo", hero_image=stored,
        hero_image_width=800, hero_image_height=450, hero_image_alt="Le campus",
        hero_image_alt_fr="Le campus", hero_image_alt_en="The campus",
        hero_image_credit="© Jean Dupont", **common,
    )  # fmt: skip
    same = Release.objects.create(
        title_fr="Même photo", slug_fr="meme-photo", hero_image=stored,
        hero_image_alt_fr="Le campus", hero_image_alt_en="The campus",
        hero_image_credit="© Jean Dupont", **common,
    )  # fmt: skip
    described_otherwise = Release.objects.create(
        title_fr="Autre légende", slug_fr="autre-legende", hero_image=stored,
        hero_image_alt_fr="La façade du campus", **common,
    )  # fmt: skip
    without = Release.objects.create(title_fr="Sans photo", slug_fr="sans-photo", **common)

    new = migrate(AFTER)
    PressRelease, MediaAsset = (
        new.get_model("newsroom", name) for name in ("PressRelease", "MediaAsset")
    )
    asset = PressRelease.objects.get(pk=with_picture.pk).hero
    assert asset.kind == "picture"
    assert asset.picture.name == stored == "releases/2021/09/campus.jpg"
    assert (asset.width, asset.height) == (800, 450)
    assert (asset.alt_text_fr, asset.alt_text_en) == ("Le campus", "The campus")
    assert asset.credit == "© Jean Dupont"
    assert PressRelease.objects.get(pk=same.pk).hero == asset  # shared: same texts
    other = PressRelease.objects.get(pk=described_otherwise.pk).hero
    assert other != asset and other.picture.name == stored
    assert (other.alt_text_fr, other.credit) == ("La façade du campus", "")
    assert MediaAsset.objects.count() == 2
    assert PressRelease.objects.get(pk=without.pk).hero is None


@pytest.mark.django_db(transaction=True)
def test_going_back_gives_each_release_its_picture_again(media_root):
    from tests.factories import PictureFactory, PressReleaseFactory

    release = PressReleaseFactory(
        hero=PictureFactory(alt_text_fr="Le campus", alt_text_en="The campus", credit="© IMT")
    )
    name = release.hero.picture.name

    old = migrate(BEFORE)
    back = old.get_model("newsroom", "PressRelease").objects.get(pk=release.pk)
    assert back.hero_image.name == name
    assert (back.hero_image_alt_fr, back.hero_image_alt_en) == ("Le campus", "The campus")
    assert back.hero_image_credit == "© IMT"
    migrate(AFTER)
