"""The release app's models, one module per concern."""

from .archive import ArchiveYear
from .contacts import Contact, ReleaseContact
from .embargo import EmbargoLink
from .preview_links import PreviewLink
from .releases import PressRelease

__all__ = ["ArchiveYear", "Contact", "EmbargoLink", "PressRelease", "PreviewLink", "ReleaseContact"]
