"""A full disk loses nothing and leaves nothing broken: an upload with no room gets a
form error and leaves no file; a write that fails half-way leaves nothing; a
rendition cut short or missing is made again before anyone is served it."""

import errno
import io
from collections import namedtuple
from pathlib import Path

import pytest
from django.core.files.base import File
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from core import images, renditions
from core.storage import AtomicFileSystemStorage
from newsroom.models import MediaAsset
from tests.factories import PressReleaseFactory, jpeg_file
from tests.newsroom.test_press_kit import asset_form

pytestmark = pytest.mark.django_db

DiskUsage = namedtuple("DiskUsage", "total used free")


def stored_files(root):
    return sorted(str(path.relative_to(root)) for path in Path(root).rglob("*") if path.is_file())


def test_an_image_the_disk_has_no_room_for_gets_a_form_error(staff_client, media_root, monkeypatch):
    """No room for the picture: the form says so, nothing is saved, no file is left."""
    monkeypatch.setattr(images.shutil, "disk_usage", lambda path: DiskUsage(10**9, 10**9, 1024))
    photo = SimpleUploadedFile("photo.jpg", jpeg_file().read(), content_type="image/jpeg")
    response = staff_client.post(
        reverse("admin:newsroom_mediaasset_add"), asset_form(picture=photo)
    )
    assert response.status_code == 200
    assert "picture" in response.context["adminform"].form.errors
    assert "plus de place pour enregistrer cette image" in response.content.decode()
    assert not MediaAsset.objects.exists()
    assert stored_files(media_root) == []


class FailingHalfWay(File):
    """Content whose write stops with a full disk after its first chunk."""

    def chunks(self, chunk_size=None):
        yield b"\xff\xd8" + b"x" * 1000
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_write_that_fails_half_way_leaves_nothing(tmp_path):
    """The storage writes beside the file then links it: a failure leaves no trace."""
    storage = AtomicFileSystemStorage(location=tmp_path)
    with pytest.raises(OSError, match="No space left"):
        storage.save("releases/photo.jpg", FailingHalfWay(io.BytesIO(), name="photo.jpg"))
    assert stored_files(tmp_path) == []


def rendition_files(release):
    data = renditions.picture_data(release.hero.picture, "card")
    return [name.split(" ")[0].removeprefix("/media/") for name in data["webp"].split(", ")]


def test_a_rendition_cut_short_is_made_again(client, media_root):
    """A truncated rendition is found unreadable and made again, whole."""
    release = PressReleaseFactory(with_image=True)
    name = rendition_files(release)[0]
    path = Path(media_root) / name
    path.write_bytes(path.read_bytes()[:200])
    renditions.cache.clear()
    rendition_files(release)
    with Image.open(path) as image:
        image.load()  # whole again


def test_a_missing_rendition_is_made_again_when_asked_for(client, media_root):
    """A rendition deleted from the storage answers 200, made again from its original."""
    release = PressReleaseFactory(with_image=True)
    name = rendition_files(release)[0]
    (Path(media_root) / name).unlink()
    response = client.get(f"/media/{name}")
    assert response.status_code == 200
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as image:
        image.load()


def test_only_the_sizes_pages_use_are_made_on_request(client, media_root):
    """Asking for an odd size makes nothing: the disk cannot be filled from outside."""
    release = PressReleaseFactory(with_image=True)
    name = rendition_files(release)[0].replace("-400w.", "-401w.")
    assert client.get(f"/media/{name}").status_code == 404
    assert not (Path(media_root) / name).exists()
