"""Uploaded files on this machine's disk, written so that nothing is ever half there."""

import os
import tempfile

from django.core.files.storage import FileSystemStorage


class AtomicFileSystemStorage(FileSystemStorage):
    """A file is written under a temporary name beside its place, then linked to its
    name: a reader never sees it half-written, and a write that fails (a full disk)
    leaves nothing behind, not even the temporary file."""

    def _save(self, name, content):
        directory = os.path.dirname(self.path(name))
        os.makedirs(directory, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=".partial-")
        try:
            with os.fdopen(descriptor, "wb") as file:
                for chunk in content.chunks():
                    file.write(chunk.encode() if isinstance(chunk, str) else chunk)
                file.flush()
                os.fsync(file.fileno())
            os.chmod(temporary, self.file_permissions_mode or 0o644)
            while True:
                try:
                    os.link(temporary, self.path(name))  # never replaces another file
                    break
                except FileExistsError:
                    name = self.get_available_name(name)
        finally:
            os.unlink(temporary)
        return os.path.relpath(self.path(name), self.location).replace("\\", "/")
