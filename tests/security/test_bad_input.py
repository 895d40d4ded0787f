"""Ordinary bad input gets a clear answer, never a 500: folders asked for as files, and
hostile values in every query parameter of the public pages and the admin lists."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse

from tests.factories import PressReleaseFactory

pytestmark = pytest.mark.django_db

HOSTILE_VALUES = ["", "0", "-1", "99999999999999999999", "²", "١٢", "1e9", "\x00", "%00",
                  "x" * 600, "'\"<>", "2021-01-01", "[]", "NaN"]  # fmt: skip


@pytest.mark.parametrize("folder", ["releases/", "releases", "editor", "renditions/", "editor/"])
def test_a_media_folder_is_not_found(client, folder):
    for name in ("releases/2021/09/note.txt", "editor/2021/note.txt", "renditions/note.txt"):
        default_storage.save(name, ContentFile(b"note"))
    assert client.get(f"/media/{folder}").status_code == 404


@pytest.mark.parametrize("value", ["99999999999999999999", "²", "0", "0999", "20211"])
def test_an_impossible_year_filter_lists_nothing(staff_client, value):
    PressReleaseFactory(title_fr="Un communiqué de 2021")
    changelist = reverse("admin:newsroom_pressrelease_changelist")
    response = staff_client.get(changelist, {"year": value})
    assert response.status_code == 200
    assert "Un communiqué de 2021" not in response.content.decode()


PUBLIC = {
    "/fr/actualites/": ["page"],
    "/fr/actualites/2021/": ["page"],
    "/en/search/": ["q", "page", "year", "ranking"],
    "/fr/classements/": ["page"],
}
ADMIN = {
    "admin:newsroom_pressrelease_changelist": [
        "q", "p", "o", "year", "state", "missing", "status__exact", "all"],
    "admin:newsroom_contact_changelist": ["q", "p", "o", "is_active__exact"],
    "admin:rankings_award_changelist": ["q", "p", "o"],
    "admin:rankings_ranking_changelist": ["q", "p", "o"],
}  # fmt: skip


def test_hostile_query_values_never_break_a_public_page(client, release):
    for path, parameters in PUBLIC.items():
        for parameter in parameters:
            for value in HOSTILE_VALUES:
                response = client.get(path, {parameter: value})
                assert response.status_code in (200, 302, 400, 404), (path, parameter, value)


def test_hostile_query_values_never_break_an_admin_list(superuser_client, release):
    for name, parameters in ADMIN.items():
        for parameter in parameters:
            for value in HOSTILE_VALUES:
                response = superuser_client.get(reverse(name), {parameter: value})
                assert response.status_code in (200, 302, 400), (name, parameter, value)


NUL_IN_QUERY = ["/fr/actualites/?page=%00", "/en/search/?q=a%00b",
                "/admin/newsroom/pressrelease/?status__exact=%00",
                "/admin/newsroom/pressrelease/?q=%00"]  # fmt: skip


@pytest.mark.parametrize("path", NUL_IN_QUERY)
def test_a_nul_character_in_the_query_is_a_bad_request(superuser_client, path):
    """PostgreSQL cannot compare a NUL: refused up front, on every database alike."""
    assert superuser_client.get(path).status_code == 400
