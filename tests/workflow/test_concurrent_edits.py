"""Two editors on one release: the second save is refused, clearly, keeping their text;
saving again then is a choice, and the first version stays in the history."""

import pytest
from django.urls import reverse
from reversion.models import Version

from newsroom.models import PressRelease
from tests.factories import PressReleaseFactory
from tests.workflow.helpers import form_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def release():
    return PressReleaseFactory(draft=True, title_fr="Titre d’origine")


def change_url(release):
    return reverse("admin:newsroom_pressrelease_change", args=[release.pk])


def test_second_save_is_refused_and_keeps_the_text(editor_client, publisher_client, release):
    """Both open the form; the first saves; the second is refused and keeps their text."""
    url = change_url(release)
    first_form = editor_client.get(url)
    second_form = publisher_client.get(url)
    saved = editor_client.post(url, form_values(first_form, title_fr="Version de Camille"))
    assert saved.status_code == 302

    refused = publisher_client.post(
        url, form_values(second_form, title_fr="Version de Dominique", body_fr="<p>Mon texte.</p>")
    )
    page = refused.content.decode()
    assert refused.status_code == 200
    assert "Camille" in page  # who saved in between
    assert "Nothing was saved" in page or "Rien n’a été enregistré" in page
    assert 'value="Version de Dominique"' in page  # their text, still in the form
    assert "Mon texte." in page
    assert PressRelease.objects.get(pk=release.pk).title_fr == "Version de Camille"


def test_saving_again_after_the_warning_replaces_knowingly(
    editor_client, publisher_client, release
):
    """After the refusal, a second save goes through; the first one stays in the history."""
    url = change_url(release)
    first_form, second_form = editor_client.get(url), publisher_client.get(url)
    editor_client.post(url, form_values(first_form, title_fr="Version de Camille"))
    refused = publisher_client.post(url, form_values(second_form, title_fr="Version de Dominique"))
    assert refused.status_code == 200

    accepted = publisher_client.post(url, form_values(refused))
    assert accepted.status_code == 302
    assert PressRelease.objects.get(pk=release.pk).title_fr == "Version de Dominique"
    titles = [version.field_dict["title_fr"] for version in Version.objects.get_for_object(release)]
    assert "Version de Camille" in titles


def test_save_without_the_form_state_is_refused(superuser_client, release):
    """A post that does not say which state it edits cannot overwrite anything."""
    data = form_values(superuser_client.get(change_url(release)), title_fr="Sans jeton")
    data.pop("editing_from")
    assert superuser_client.post(change_url(release), data).status_code == 200
    assert PressRelease.objects.get(pk=release.pk).title_fr == "Titre d’origine"


def test_saving_a_release_deleted_meanwhile_is_refused(superuser_client, release):
    """If the release was deleted while open, saving creates nothing and says so."""
    form = superuser_client.get(change_url(release))
    PressRelease.objects.filter(pk=release.pk).delete()
    response = superuser_client.post(change_url(release), form_values(form))
    assert response.status_code in (200, 302)
    assert not PressRelease.objects.filter(pk=release.pk).exists()


def test_an_unchanged_reopened_form_saves(superuser_client, release):
    """No conflict when nobody else saved: the usual save."""
    url = change_url(release)
    response = superuser_client.post(url, form_values(superuser_client.get(url), title_fr="Neuf"))
    assert response.status_code == 302
    assert PressRelease.objects.get(pk=release.pk).title_fr == "Neuf"
