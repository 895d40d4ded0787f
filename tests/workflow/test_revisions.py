"""Revisions: every save keeps who and when; editors compare two, restore one, and
recover a deleted release."""

import pytest
from django.urls import reverse
from reversion.models import Version

from newsroom.models import PressRelease
from tests.factories import AwardFactory, ContactFactory, PressReleaseFactory, RankingFactory
from tests.workflow.helpers import form_values, release_form_data

pytestmark = pytest.mark.django_db


def edit(client, release, **changes):
    release = PressRelease.objects.get(pk=release.pk)
    url = reverse("admin:newsroom_pressrelease_change", args=[release.pk])
    response = client.post(url, release_form_data(release, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    return PressRelease.objects.get(pk=release.pk)


@pytest.fixture
def edited_twice(publisher_client):
    release = PressReleaseFactory(draft=True, title_fr="Premier titre du communiqué")
    edit(publisher_client, release, title_fr="Premier titre", title_en="First title")
    edit(publisher_client, release, title_fr="Second titre corrigé", title_en="Second title")
    return release


def test_each_admin_save_keeps_a_revision_with_who(publisher_client, edited_twice, publisher):
    """Two saves, two revisions, each signed by the publisher."""
    versions = Version.objects.get_for_object(edited_twice)
    assert versions.count() == 2
    assert {version.revision.user for version in versions} == {publisher}


def test_history_lists_revisions_with_author(publisher_client, edited_twice):
    """The history page names who saved, with a choice of two revisions to compare."""
    url = reverse("admin:newsroom_pressrelease_history", args=[edited_twice.pk])
    page = publisher_client.get(url).content.decode()
    assert "Dominique" in page
    assert page.count('name="from"') == 2


def test_compare_marks_removed_and_added_words(publisher_client, edited_twice):
    """Comparing shows the field that changed, words struck out and added."""
    older, newer = Version.objects.get_for_object(edited_twice).order_by("pk")
    url = reverse("admin:newsroom_pressrelease_compare", args=[edited_twice.pk])
    response = publisher_client.get(url, {"from": older.pk, "to": newer.pk})
    page = response.content.decode()
    assert response.status_code == 200
    assert "<del>Premier</del>" in page
    assert "<ins>Second</ins>" in page
    assert "<ins>corrigé</ins>" in page
    assert "<del>First</del>" in page


def test_compare_with_another_objects_revision_is_404(publisher_client, edited_twice):
    """Revisions of another release cannot be slipped into a comparison."""
    other = PressReleaseFactory(draft=True)
    edit(publisher_client, other, title_fr="Autre")
    foreign = Version.objects.get_for_object(other).get()
    mine = Version.objects.get_for_object(edited_twice).first()
    url = reverse("admin:newsroom_pressrelease_compare", args=[edited_twice.pk])
    assert publisher_client.get(url, {"from": mine.pk, "to": foreign.pk}).status_code == 404
    assert publisher_client.get(url, {"from": "x", "to": mine.pk}).status_code == 404


def test_restoring_a_revision_brings_its_text_back(publisher_client, edited_twice):
    """Restore the first revision: the title is the first one again, everywhere."""
    first = Version.objects.get_for_object(edited_twice).order_by("pk").first()
    url = reverse("admin:newsroom_pressrelease_revision", args=[edited_twice.pk, first.pk])
    assert "Premier titre" in publisher_client.get(url).content.decode()
    old_state = first._object_version.object
    response = publisher_client.post(url, release_form_data(old_state))
    assert response.status_code == 302
    restored = PressRelease.objects.get(pk=edited_twice.pk)
    assert restored.title_fr == "Premier titre"
    assert restored.title_en == "First title"  # every language is in the revision
    assert restored.search_text_fr.startswith("premier titre")  # derived columns follow
    assert Version.objects.get_for_object(edited_twice).count() == 3


def test_deleted_release_can_be_recovered_with_its_contacts(publisher_client):
    """A release deleted in the admin comes back from the recover list, contacts too."""
    release = PressReleaseFactory(draft=True, title_fr="À retrouver")
    contact = ContactFactory()
    url = reverse("admin:newsroom_pressrelease_change", args=[release.pk])
    data = form_values(
        publisher_client.get(url),
        **{"release_contacts-0-contact": str(contact.pk), "release_contacts-0-position": "1"},
    )
    assert publisher_client.post(url, data).status_code == 302
    delete_url = reverse("admin:newsroom_pressrelease_delete", args=[release.pk])
    publisher_client.post(delete_url, {"post": "yes"})
    assert not PressRelease.objects.filter(pk=release.pk).exists()

    recover_list = publisher_client.get(reverse("admin:newsroom_pressrelease_recoverlist"))
    assert "À retrouver" in recover_list.content.decode()
    deleted = Version.objects.get_deleted(PressRelease).get()
    recover_url = reverse("admin:newsroom_pressrelease_recover", args=[deleted.pk])
    response = publisher_client.post(recover_url, form_values(publisher_client.get(recover_url)))
    assert response.status_code == 302
    recovered = PressRelease.objects.get(pk=release.pk)
    assert recovered.title_fr == "À retrouver"
    assert list(recovered.contacts.all()) == [contact]


@pytest.mark.parametrize(
    ("factory", "admin_name"),
    [
        (ContactFactory, "newsroom_contact"),
        (RankingFactory, "rankings_ranking"),
        (AwardFactory, "rankings_award"),
    ],
)
def test_contacts_rankings_and_awards_keep_revisions(superuser_client, factory, admin_name):
    """Their history page lists the revisions saved through the admin."""
    item = factory()
    change = reverse(f"admin:{admin_name}_change", args=[item.pk])
    response = superuser_client.post(change, form_values(superuser_client.get(change)))
    assert response.status_code == 302
    assert Version.objects.get_for_object(item).count() == 1
    history = reverse(f"admin:{admin_name}_history", args=[item.pk])
    assert 'name="from"' in superuser_client.get(history).content.decode()


def test_editor_cannot_restore_an_old_draft_over_a_published_release(
    editor_client, publisher_client
):
    """Restoring is changing: an editor may not take a published release back to a draft."""
    release = PressReleaseFactory(draft=True, title_fr="Brouillon initial")
    edit(publisher_client, release, title_fr="Brouillon relu")
    edit(publisher_client, release, status="published")
    draft_version = Version.objects.get_for_object(release).order_by("pk").first()
    url = reverse("admin:newsroom_pressrelease_revision", args=[release.pk, draft_version.pk])
    assert editor_client.get(url).status_code == 403
    response = editor_client.post(url, release_form_data(draft_version._object_version.object))
    assert response.status_code == 403
    current = PressRelease.objects.get(pk=release.pk)
    assert current.status == "published"
    assert current.title_fr == "Brouillon relu"
