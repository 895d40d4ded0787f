"""Image renditions: each picture is sent at the sizes a page shows it, never larger.

Renditions are made with Pillow the first time a page needs them (and right after an
upload), stored in the media storage next to the original under `renditions/`, and
remembered in the cache. Each comes as WebP and as JPEG (PNG for pictures that may
be transparent) for browsers without WebP.
"""

import io
import logging
import re
from pathlib import PurePosixPath

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

# Widths (px) each use is made at; a rendition is never wider than its original.
WIDTHS = {"card": (400, 800), "detail": (640, 960, 1280, 1600)}
SHARE_SIZE = (1200, 630)  # what social networks crop to


def fallback_format(name):
    return "PNG" if name.lower().endswith((".png", ".gif")) else "JPEG"


def rendition_name(original, width, image_format, crop=None):
    path = PurePosixPath(original)
    suffix = {"WEBP": "webp", "JPEG": "jpg", "PNG": "png"}[image_format]
    size = f"{crop[0]}x{crop[1]}" if crop else f"{width}w"
    return f"renditions/{path.parent}/{path.stem}-{size}.{suffix}"


def make_rendition(original, width, image_format, crop=None):
    """Store one rendition of `original` (a storage name); return (name, width, height)."""
    name = rendition_name(original, width, image_format, crop)
    key = f"newsroom:rendition:{name}"
    known = cache.get(key)
    if known:
        return known
    result = stored_size(name)
    if result is None:
        with default_storage.open(original) as source, Image.open(source) as image:
            image = ImageOps.exif_transpose(image)
            if crop:
                image = ImageOps.fit(image, crop, Image.Resampling.LANCZOS)
            elif image.width > width:
                height = round(image.height * width / image.width)
                image = image.resize((width, height), Image.Resampling.LANCZOS)
            if image_format == "JPEG" and image.mode not in ("RGB", "L"):
                image = image.convert("RGB")
            elif image.mode not in ("RGB", "RGBA", "L", "LA"):
                image = image.convert("RGBA")
            buffer = io.BytesIO()
            image.save(buffer, format=image_format, quality=82, optimize=True)
            result = (default_storage.save(name, ContentFile(buffer.getvalue())), *image.size)
    cache.set(key, result, timeout=None)
    return result


# renditions/<folder>/<stem>-<width>w.<suffix>, or -<width>x<height> for the share crop.
RENDITION_NAME = re.compile(r"renditions/(.+)/([^/]+)-(?:(\d+)w|(\d+x\d+))\.(webp|jpg|png)")
FORMATS = {"webp": "WEBP", "jpg": "JPEG", "png": "PNG"}


def remake(name):
    """Make again the rendition `name` when it is missing (deleted, lost with a disk,
    or never made on this storage): True when it now exists. Only the sizes pages use
    are made, from an original still stored."""
    match = RENDITION_NAME.fullmatch(name)
    if match is None:
        return False
    folder, stem, width, size, suffix = match.groups()
    crop = tuple(map(int, size.split("x"))) if size else None
    width = int(width) if width else SHARE_SIZE[0]
    if crop != (SHARE_SIZE if size else None):
        return False
    if not crop and width not in {w for widths in WIDTHS.values() for w in widths}:
        return False
    try:
        _folders, files = default_storage.listdir(folder)
    except (OSError, NotImplementedError):
        return False
    originals = [file for file in files if file.rsplit(".", 1)[0] == stem]
    if not originals:
        return False
    cache.delete(f"newsroom:rendition:{name}")
    try:
        made, _width, _height = make_rendition(
            f"{folder}/{originals[0]}", width, FORMATS[suffix], crop
        )
    except (OSError, ValueError):
        logger.warning("Cannot make rendition %s again", name, exc_info=True)
        return False
    return made == name


def stored_size(name):
    """(name, width, height) of a rendition already stored and whole, else None: one
    that cannot be read (cut short by a full disk, say) is removed, to be made again."""
    if not default_storage.exists(name):
        return None
    try:
        with default_storage.open(name) as stored, Image.open(stored) as image:
            image.load()
            return (name, *image.size)
    except (OSError, ValueError, SyntaxError):
        logger.warning("Rendition %s cannot be read: made again", name)
        default_storage.delete(name)
        return None


def srcset(original, use):
    """Renditions for `use` ("card", "detail"): WebP and fallback srcsets, default size."""
    try:
        with default_storage.open(original) as source, Image.open(source) as image:
            original_width = image.width
    except (OSError, ValueError):
        logger.warning("Cannot read image %s for renditions", original)
        return None
    widths = sorted({min(width, original_width) for width in WIDTHS[use]})
    fallback = fallback_format(original)
    webp = [make_rendition(original, width, "WEBP") for width in widths]
    other = [make_rendition(original, width, fallback) for width in widths]
    return {
        "webp": ", ".join(f"{default_storage.url(n)} {w}w" for n, w, _h in webp),
        "fallback": ", ".join(f"{default_storage.url(n)} {w}w" for n, w, _h in other),
        "src": default_storage.url(other[-1][0]),
        "width": other[-1][1],
        "height": other[-1][2],
        "mime": "image/png" if fallback == "PNG" else "image/jpeg",
    }


def picture_data(image_field, use):
    """srcset data for a template, cached per image and use."""
    if not image_field:
        return None
    key = f"newsroom:picture:{use}:{image_field.name}"
    data = cache.get(key)
    if data is None:
        try:
            data = srcset(image_field.name, use)
        except (OSError, ValueError):
            logger.warning("Cannot make renditions of %s", image_field.name, exc_info=True)
            data = None
        if data:
            cache.set(key, data, timeout=None)
    return data


def share_image(image_field):
    """The 1200×630 JPEG social networks show, cropped from the picture."""
    try:
        name, width, height = make_rendition(image_field.name, SHARE_SIZE[0], "JPEG", SHARE_SIZE)
    except (OSError, ValueError):
        logger.warning("Cannot make the share image of %s", image_field.name, exc_info=True)
        return None
    return {"url": default_storage.url(name), "width": width, "height": height}


def prepare(image_field):
    """Make every rendition of a new upload now, so the first visitor waits for none."""
    if image_field:
        for use in WIDTHS:
            picture_data(image_field, use)
        share_image(image_field)
