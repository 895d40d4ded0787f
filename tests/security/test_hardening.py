"""Issue 18, point 9: the cache keeps only pages of the parameters pages read, release
media are revalidated, sessions last hours, and no bundled HTML page is served."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import renditions
from tests.factories import PressReleaseFactory

pytestmark = pytest.mark.django_db


def test_a_parameter_no_page_reads_is_never_kept(client, release):
    """?cb=1 renders each time instead of storing a page per value, and a page showing
    such a parameter in its links is never the one others get."""
    cache.clear()
    for _visit in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/fr/actualites/", {"cb": "1"}).status_code == 200
        assert len(queries) > 0
    client.get("/fr/actualites/", {"utm_source": "lettre"})
    client.get("/fr/actualites/")
    with CaptureQueriesContext(connection) as queries:
        page = client.get("/fr/actualites/").content.decode()
    assert len(queries) == 0 and "utm_source" not in page


@pytest.mark.parametrize("query", ["pa%67e=1", "page=1&cb=2", "page=1&&cb", "=1"])
def test_a_query_naming_another_parameter_however_written_is_never_kept(client, query):
    """The page cache reads the names as written: `pa%67e` (which Django reads as
    `page`) or a blank name is rendered every time, never stored."""
    PressReleaseFactory(title_fr="Un communiqué")
    cache.clear()
    for _visit in range(2):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/fr/actualites/?{query}")
        assert response.status_code == 200
        assert "Un communiqué" in response.content.decode()
        assert len(queries) > 0


def test_the_parameters_pages_read_are_kept(client, release):
    cache.clear()
    client.get("/fr/actualites/?page=1")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/fr/actualites/?page=1").status_code == 200
    assert len(queries) == 0


def test_public_release_media_are_revalidated(client):
    release = PressReleaseFactory(with_image=True)
    renditions.prepare(release.hero.picture)
    response = client.get(release.hero.picture.url)
    assert response.status_code == 200
    assert "max-age=0" in response["Cache-Control"]
    assert "must-revalidate" in response["Cache-Control"]
    again = client.get(
        release.hero.picture.url, headers={"if-modified-since": response["Last-Modified"]}
    )
    assert again.status_code == 304


def test_a_sign_in_lasts_hours_not_weeks():
    assert settings.SESSION_COOKIE_AGE <= 24 * 3600


def test_no_bundled_html_page_is_collected(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path / "static"
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}  # fmt: skip
    call_command("collectstatic", interactive=False, verbosity=0)
    collected = [path.relative_to(tmp_path / "static").as_posix()
                 for path in (tmp_path / "static").rglob("*") if path.is_file()]  # fmt: skip
    assert "ckeditor/ckeditor/ckeditor.js" in collected
    assert not [name for name in collected if name.endswith((".html", ".md"))]
