"""The release app's models, one module per concern."""

from .archive import ArchiveYear
from .assets import MediaAsset, ReleaseAsset
from .contacts import Contact, ReleaseContact
from .embargo import EmbargoLink
from .preview_links import PreviewLink
from .releases import PressRelease

__all__ = [
    "ArchiveYear",
    "Contact",
    "EmbargoLink",
    "MediaAsset",
    "PressRelease",
    "PreviewLink",
    "ReleaseAsset",
    "ReleaseContact",
]
