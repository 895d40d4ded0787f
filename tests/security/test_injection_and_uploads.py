"""Issue 18, points 7 and 8: what editors type or upload cannot inject lines, scripts,
trackers or worker-eating images."""

import io

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from core.images import MAX_FRAMES, sanitise_image
from core.models import Institution
from core.richtext import clean_html
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db

UPLOAD = "/admin/editor/upload/"


def gif_with_frames(count, size=(8, 8)):
    frames = [Image.new("RGB", size, (n % 256, n // 256, 0)) for n in range(count)]
    buffer = io.BytesIO()
    frames[0].save(buffer, format="GIF", save_all=True, append_images=frames[1:], duration=40)
    return SimpleUploadedFile("animation.gif", buffer.getvalue(), content_type="image/gif")


def mpo_photo():
    """What a phone camera with two lenses writes: a JPEG followed by a second one."""
    buffer = io.BytesIO()
    first, second = Image.new("RGB", (64, 48), (200, 40, 40)), Image.new("RGB", (64, 48))
    first.save(buffer, format="MPO", save_all=True, append_images=[second])
    return SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")


@pytest.mark.parametrize(
    "name", ["Alix\u2028EMAIL:evil@example.org", "Alix\rEMAIL:evil@example.org",
             "Alix\x85TEL:+33100000000", "Alix\u2029EMAIL:evil@example.org",
             "Alix\x0bEMAIL:evil@example.org"],
)  # fmt: skip
def test_a_vcard_has_no_line_break_from_a_name(client, name):
    contact = ContactFactory(name_fr=name, organisation_fr="IMT\u2028ORG:Autre", email="a@b.fr")
    card = client.get(f"/fr/contacts-presse/{contact.pk}.vcf").content.decode()
    lines = card.split("\r\n")
    assert [line for line in lines if line.startswith("EMAIL")] == ["EMAIL;TYPE=work:a@b.fr"]
    injected = [line for line in lines
                if line.startswith("ORG:Autre") or line.startswith("TEL:+33100000000")]  # fmt: skip
    assert injected == []
    for breaking in ("\r", "\n", "\x0b", "\x85", "\u2028", "\u2029"):
        assert breaking not in card.replace("\r\n", "")


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                "ftp://example.org/", "vbscript:msgbox(1)"],
)  # fmt: skip
def test_social_profiles_are_web_addresses_only(client, address):
    institution = Institution.load()
    institution.social_profiles = f"https://www.linkedin.com/school/x/\n{address}"
    with pytest.raises(ValidationError, match="https://"):
        institution.full_clean()
    institution.save()  # as a row saved before the rule was
    page = client.get("/fr/").content.decode()
    assert "https://www.linkedin.com/school/x/" in page
    assert address.split(":", 1)[0] + ":" not in page.replace("https:", "")


def test_rich_text_keeps_only_pictures_of_the_sites_own_media():
    html = clean_html(
        '<p>Texte<img src="https://tracker.example/pixel.gif" alt="pixel">'
        '<img src="/media/editor/2021/09/photo.jpg" alt="photo">'
        '<img src="//evil.example/x.png"></p>'
    )
    assert "tracker.example" not in html and "evil.example" not in html
    assert '<img src="/media/editor/2021/09/photo.jpg" alt="photo">' in html


def test_an_animation_with_too_many_frames_is_refused():
    with pytest.raises(ValidationError) as refused:
        sanitise_image(gif_with_frames(MAX_FRAMES + 1))
    assert refused.value.code == "too_many_frames"
    assert sanitise_image(gif_with_frames(12)).name.endswith(".gif")


def test_a_phone_cameras_mpo_jpeg_is_accepted_as_jpeg():
    stored = sanitise_image(mpo_photo())
    assert stored.name.endswith(".jpg")
    assert Image.open(io.BytesIO(stored.read())).format == "JPEG"


def test_uploading_into_the_editor_needs_the_right_to_write_text(django_user_model):
    staff = django_user_model.objects.create_user("staff-only", password="x", is_staff=True)
    client = Client()
    client.force_login(staff)
    image = SimpleUploadedFile("photo.jpg", mpo_photo().read(), content_type="image/jpeg")
    assert client.post(UPLOAD, {"upload": image}).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="change_pressrelease"))
    client.force_login(staff)
    image = SimpleUploadedFile("photo.jpg", mpo_photo().read(), content_type="image/jpeg")
    response = client.post(UPLOAD, {"upload": image})
    assert response.status_code == 200 and response.json()["uploaded"] == 1
