"""Uploaded images are accepted only as real images and stored re-encoded."""

import io
import struct
import zlib
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from PIL import Image

from core.images import sanitise_image
from newsroom.models import MediaAsset
from tests.newsroom.test_press_kit import asset_form

pytestmark = pytest.mark.django_db

UPLOAD = "/admin/editor/upload/"


def image_bytes(fmt="PNG", size=(64, 48), exif=None, **options):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, (200, 40, 40))
    if exif is not None:
        options["exif"] = exif
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def gps_exif():
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {1: "N", 2: (43.0, 7.0, 53.0), 3: "E", 4: (4.0, 4.0, 52.0)}  # GPS
    return exif


def png_bomb(width=30_000, height=30_000):
    """A tiny PNG whose header claims a huge picture."""

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'
EPS = b"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 10 10\nnewpath 0 0 moveto showpage\n%%EOF\n"
HTML = b"<html><body><script>alert(document.cookie)</script></body></html>"
GIF_HTML_POLYGLOT = image_bytes("GIF") + b"<script>alert(1)</script>"

REFUSED = [
    ("page.png", HTML),
    ("drawing.svg", SVG),
    ("drawing.png", SVG),
    ("figure.eps", EPS),
    ("empty.jpg", b""),
    ("truncated.jpg", image_bytes("JPEG")[:200]),
    ("bomb.png", png_bomb()),
    ("huge.jpg", image_bytes("JPEG") + b"\0" * (11 * 1024 * 1024)),
]


@pytest.fixture
def staff(django_user_model):
    """An editor: staff, allowed to change releases (and so to put images in them)."""
    client = Client(enforce_csrf_checks=False)
    editor = django_user_model.objects.create_user("ed", password="x", is_staff=True)
    editor.user_permissions.add(Permission.objects.get(codename="change_pressrelease"))
    client.force_login(editor)
    return client


def upload(client, name, content, **params):
    query = f"?{urlencode(params)}" if params else ""
    return client.post(UPLOAD + query, {"upload": SimpleUploadedFile(name, content)})


@pytest.mark.parametrize(("name", "content"), REFUSED, ids=[name for name, _ in REFUSED])
def test_bad_files_are_refused_with_a_clear_message(staff, name, content):
    """HTML, SVG, EPS, broken, bomb and oversized files get a 400 with a message."""
    response = upload(staff, name, content)
    assert response.status_code == 400
    assert response.json()["uploaded"] == 0
    assert response.json()["error"]["message"]


def test_polyglot_is_stored_without_its_trailing_script(staff):
    """A GIF with HTML appended is stored as the picture alone."""
    response = upload(staff, "trick.gif", GIF_HTML_POLYGLOT)
    assert response.status_code == 200
    stored = default_storage.open(response.json()["url"].removeprefix("/media/")).read()
    assert b"<script" not in stored
    assert Image.open(io.BytesIO(stored)).format == "GIF"


def test_gps_exif_is_stripped(staff):
    """A photo's EXIF, GPS position included, is gone from the stored file."""
    response = upload(staff, "holiday.jpg", image_bytes("JPEG", exif=gps_exif()))
    stored = default_storage.open(response.json()["url"].removeprefix("/media/")).read()
    image = Image.open(io.BytesIO(stored))
    assert dict(image.getexif()) == {}
    assert b"PhoneMaker" not in stored


def test_stored_name_is_random_with_the_detected_extension(staff):
    """A PNG named .jpg is stored as .png under a random name."""
    first = upload(staff, "photo.jpg", image_bytes("PNG")).json()["url"]
    second = upload(staff, "photo.jpg", image_bytes("PNG")).json()["url"]
    assert first.endswith(".png") and second.endswith(".png")
    assert "photo" not in first and first != second


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "GIF"])
def test_supported_formats_are_accepted(staff, fmt):
    """JPEG, PNG, WebP and GIF images upload."""
    response = upload(staff, f"picture.{fmt.lower()}", image_bytes(fmt))
    assert response.status_code == 200
    assert response.json()["uploaded"] == 1


def test_anonymous_and_non_staff_are_refused(client, django_user_model):
    """Only signed-in staff may upload."""
    assert upload(client, "a.png", image_bytes()).status_code == 403
    reader = Client()
    reader.force_login(django_user_model.objects.create_user("reader", password="x"))
    assert upload(reader, "a.png", image_bytes()).status_code == 403


def test_upload_is_post_only(staff):
    """GET on the upload endpoint is refused."""
    assert staff.get(UPLOAD).status_code == 405


def test_upload_requires_the_csrf_token(django_user_model):
    """A cross-site POST without the CSRF token is refused."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_user("ed", password="x", is_staff=True))
    assert upload(client, "a.png", image_bytes()).status_code == 403


def test_callback_must_be_numeric(staff):
    """The editor's callback number is accepted only as digits."""
    assert upload(staff, "a.png", image_bytes(), CKEditorFuncNum="1").status_code == 200
    bad = upload(staff, "a.png", image_bytes(), CKEditorFuncNum="alert(1)")
    assert bad.status_code == 400


def test_media_library_form_refuses_html_named_png(staff_client):
    """In the media library's form, a fake image is a form error and nothing is saved."""
    data = asset_form(picture=SimpleUploadedFile("fake.png", HTML))
    response = staff_client.post(reverse("admin:newsroom_mediaasset_add"), data)
    assert response.status_code == 200
    assert "picture" in response.context["adminform"].form.errors
    assert not MediaAsset.objects.exists()


def test_a_library_picture_is_reencoded_without_exif(staff_client):
    """A picture (a hero image, a press kit's) is stored re-encoded, EXIF stripped, under
    a random name, at its full size."""
    photo = SimpleUploadedFile("my-holiday.jpg", image_bytes("JPEG", exif=gps_exif()))
    response = staff_client.post(
        reverse("admin:newsroom_mediaasset_add"), asset_form(picture=photo)
    )
    assert response.status_code == 302
    asset = MediaAsset.objects.get()
    assert "my-holiday" not in asset.picture.name
    assert dict(Image.open(asset.picture).getexif()) == {}


def test_bomb_is_refused_before_decoding():
    """A decompression bomb is refused from its header, without decoding its pixels."""
    with pytest.raises(ValidationError, match="megapixels|mégapixels"):
        sanitise_image(SimpleUploadedFile("bomb.png", png_bomb()))


def test_media_and_pages_are_served_nosniff(client):
    """Responses tell browsers not to guess content types."""
    assert client.get("/fr/")["X-Content-Type-Options"] == "nosniff"
