from django.contrib.staticfiles.finders import AppDirectoriesFinder
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's hashed, compressed storage, tolerant of dead links in vendored CSS.

    XStatic-jQuery-UI's theme stylesheets point at icon files the package does not
    ship; those references are left as written instead of failing collectstatic.
    """

    def url_converter(self, name, hashed_files, template=None):
        convert = super().url_converter(name, hashed_files, template)

        def tolerant(match):
            try:
                return convert(match)
            except ValueError:  # MissingFileError
                return match.group(0)

        return tolerant


class AppFilesFinder(AppDirectoriesFinder):
    """The apps' static files without what no page loads: CKEditor's bundled HTML pages
    (preview, spell-check frames, manual tests), which would be served without the
    site's headers, and its notes. `collectstatic` leaves them out."""

    left_out = ["*.html", "*.md", "*/tests/*"]

    def list(self, ignore_patterns):
        return super().list([*(ignore_patterns or []), *self.left_out])
