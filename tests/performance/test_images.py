"""Pictures are sent as renditions sized for where they show, never as originals."""

import re

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from tests.factories import PictureFactory, PressReleaseFactory, jpeg_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def big_photo_release():
    return PressReleaseFactory(
        hero=PictureFactory(
            picture=jpeg_file("campus.jpg", size=(2400, 1350)),
            alt_text_fr="Le campus",
            alt_text_en="The campus",
        )
    )


def pictures(page):
    return re.findall(r"<picture.*?</picture>", page, re.S)


def test_release_page_sends_renditions_with_srcset(client, big_photo_release):
    """The hero image comes as WebP and JPEG at several widths, with its size, not lazy."""
    page = client.get(big_photo_release.get_absolute_url("fr")).content.decode()
    picture = pictures(page)[0]  # then again, small, in the press kit
    assert 'type="image/webp"' in picture
    for width in (640, 960, 1280, 1600):
        assert f"-{width}w.webp {width}w" in picture and f"-{width}w.jpg {width}w" in picture
    assert 'sizes="(min-width: 48rem) 45rem, 100vw"' in picture
    assert 'width="1600" height="900"' in picture
    assert 'loading="lazy"' not in picture
    # The original is a download (the kit's print size), never a picture to show.
    assert big_photo_release.hero.picture.url not in "".join(pictures(page))


def test_cards_are_small_and_lazy(client, big_photo_release):
    """List cards get small renditions, loaded lazily below the fold."""
    page = client.get("/fr/actualites/").content.decode()
    (picture,) = pictures(page)
    assert "-400w.webp 400w" in picture and "-800w.webp 800w" in picture
    assert "-1600w" not in picture
    assert 'loading="lazy"' in picture


def test_renditions_are_real_images_of_the_stated_size(client, big_photo_release):
    """Each rendition file exists, in its format, at its width."""
    page = client.get(big_photo_release.get_absolute_url("en")).content.decode()
    for url, width in re.findall(r"/media/(\S+?-(\d+)w\.webp) \d+w", page):
        with default_storage.open(url) as stored, Image.open(stored) as image:
            assert image.format == "WEBP"
            assert image.width == int(width)


def test_small_originals_are_never_enlarged(client):
    """An image narrower than a rendition width is sent at its own width."""
    release = PressReleaseFactory(
        hero=PictureFactory(picture=jpeg_file("small.jpg", size=(500, 300)))
    )
    page = client.get(release.get_absolute_url("fr")).content.decode()
    assert "-500w.webp 500w" in page
    assert "-640w" not in page


def test_png_keeps_a_png_fallback(client):
    """Transparent-capable pictures fall back to PNG, not JPEG."""
    import io

    from django.core.files.base import ContentFile

    buffer = io.BytesIO()
    Image.new("RGBA", (300, 200), (0, 0, 0, 0)).save(buffer, format="PNG")
    release = PressReleaseFactory(
        hero=PictureFactory(picture=ContentFile(buffer.getvalue(), name="logo.png"))
    )
    page = client.get(release.get_absolute_url("fr")).content.decode()
    assert "-300w.png 300w" in page


def test_a_damaged_original_does_not_break_the_page(client, big_photo_release):
    """If the stored picture is unreadable, the page still answers, without it."""
    path = big_photo_release.hero.picture.path
    with open(path, "wb") as damaged:
        damaged.write(b"not an image any more")
    response = client.get(big_photo_release.get_absolute_url("fr"))
    assert response.status_code == 200
    assert pictures(response.content.decode()) == []
