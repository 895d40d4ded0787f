"""Uploaded images: accepted only as real JPEG, PNG, WebP or GIF, and stored re-encoded.

Every image an editor uploads (hero images, badges, logos, images inserted in the
editor) goes through `sanitise_image`: Pillow opens it with an explicit list of
formats, size and pixel caps stop oversized files and decompression bombs before
decoding, and the picture is re-encoded from its pixels. What is stored is a new
file with a random name and the extension of the detected format: no EXIF (GPS
included), no comments, nothing appended after the image data.
"""

import io
import shutil
import uuid
import warnings

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
# An animated GIF: at most this many frames, and pixels of all its frames together
# (20,000 tiny frames within the other caps took 22 s and 1.1 GB to re-encode).
MAX_FRAMES = 300
MAX_ANIMATION_PIXELS = 50_000_000

TOO_MANY_PIXELS = _("This image has too many pixels; the limit is %(limit)s megapixels.")
NO_ROOM = _(
    "The server has no room left to store this image. Nothing was saved: ask the site's "
    "administrator to free some space, then try again."
)
NOT_AN_IMAGE = _("Upload a JPEG, PNG, WebP or GIF image. This file is not one, or it is damaged.")


def sanitise_image(upload):
    """Return the upload re-encoded as a new file, or raise ValidationError."""
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("This image is too large (%(size)s); the limit is %(limit)s."),
            code="image_too_large",
            params={
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(MAX_UPLOAD_BYTES),
            },
        )
    upload.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(upload, formats=list(EXTENSIONS))
            check_dimensions(image)
            # A phone camera's JPEG may carry a second picture (MPO): the first is kept.
            image_format = "JPEG" if image.format == "MPO" else image.format
            encoded = reencode(image, image_format)
        except ValidationError:
            raise
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ValidationError(
                TOO_MANY_PIXELS,
                code="image_too_many_pixels",
                params={"limit": MAX_PIXELS // 1_000_000},
            ) from error
        except (
            UnidentifiedImageError,
            OSError,
            SyntaxError,
            ValueError,
            EOFError,
        ) as error:
            raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from error
    return ContentFile(encoded, name=f"{uuid.uuid4().hex}{EXTENSIONS[image_format]}")


# Beyond the picture itself: its renditions, and room for the rest of the site.
ROOM_TO_SPARE = 20 * 1024 * 1024


def check_room(size):
    """Refuse a picture the media disk has no room for (with its renditions), rather
    than fail half-way through writing it."""
    try:
        free = shutil.disk_usage(default_storage.location).free
    except (AttributeError, OSError):  # not a local disk (object storage): no measure
        return
    if free < 2 * size + ROOM_TO_SPARE:
        raise ValidationError(NO_ROOM, code="no_room")


def check_dimensions(image):
    width, height = image.size
    frames = getattr(image, "n_frames", 1) if image.format == "GIF" else 1
    if frames > MAX_FRAMES:
        raise ValidationError(
            _("This animation has %(frames)s frames; the limit is %(limit)s."),
            code="too_many_frames",
            params={"frames": frames, "limit": MAX_FRAMES},
        )
    if width * height > MAX_PIXELS:
        raise ValidationError(
            _("This image is %(width)s × %(height)s pixels; the limit is %(limit)s megapixels."),
            code="image_too_many_pixels",
            params={"width": width, "height": height, "limit": MAX_PIXELS // 1_000_000},
        )
    if width * height * frames > MAX_ANIMATION_PIXELS:
        raise ValidationError(
            _("This animation's %(frames)s frames of %(width)s × %(height)s pixels make too"
              " many pixels together; the limit is %(limit)s megapixels."),
            code="animation_too_many_pixels",
            params={"frames": frames, "width": width, "height": height,
                    "limit": MAX_ANIMATION_PIXELS // 1_000_000},
        )  # fmt: skip


def reencode(image, image_format):
    """Encode the image's pixels afresh, leaving every metadata chunk behind."""
    buffer = io.BytesIO()
    if image_format == "GIF" and getattr(image, "is_animated", False):
        frames = [strip_metadata(frame.copy()) for frame in ImageSequence.Iterator(image)]
        frames[0].save(
            buffer,
            format="GIF",
            save_all=True,
            append_images=frames[1:],
            loop=image.info.get("loop", 0),
            duration=image.info.get("duration", 100),
        )
        return buffer.getvalue()
    # Turn the picture upright before its orientation tag is dropped with the EXIF.
    image = strip_metadata(ImageOps.exif_transpose(image))
    if image_format == "JPEG":
        if image.mode not in ("RGB", "L"):
            image = image.convert("RGB")
        image.save(buffer, format="JPEG", quality=88, optimize=True, exif=b"")
    elif image_format == "WEBP":
        image.save(buffer, format="WEBP", quality=85, exif=b"")
    else:
        image.save(buffer, format=image_format, optimize=True)
    return buffer.getvalue()


def strip_metadata(image):
    """Drop EXIF, comments, text chunks and profiles; keep only transparency."""
    transparency = image.info.get("transparency")
    image.info.clear()
    if transparency is not None:
        image.info["transparency"] = transparency
    return image


class SafeImageFormField(forms.ImageField):
    """An image upload cleaned by `sanitise_image` instead of being stored as sent."""

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        clean = sanitise_image(upload)
        check_room(clean.size)
        clean.content_type = "image/" + clean.name.rsplit(".", 1)[1].replace("jpg", "jpeg")
        return clean


class SafeImageField(models.ImageField):
    """An ImageField whose uploads are checked and re-encoded (see `sanitise_image`)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})
