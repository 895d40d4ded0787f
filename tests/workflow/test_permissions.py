"""The permission matrix: anonymous, editor, publisher, superuser × each action on a
release, enforced by the server whatever the page offers, on a frozen clock."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from newsroom.models import PressRelease
from tests.factories import PressReleaseFactory
from tests.workflow.helpers import release_form_data

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "editor", "publisher", "superuser"]
NOW = datetime.datetime(2026, 11, 25, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def change_url(release):
    return reverse("admin:newsroom_pressrelease_change", args=[release.pk])


def status_of(release):
    return PressRelease.objects.get(pk=release.pk).status


def run_action(client, action, *releases):
    return client.post(
        reverse("admin:newsroom_pressrelease_changelist"),
        {"action": action, "_selected_action": [release.pk for release in releases]},
    )


# What each role may do; anything else is refused by the server.
MATRIX = {
    "open the release list": {"editor", "publisher", "superuser"},
    "write a draft": {"editor", "publisher", "superuser"},
    "send a draft to review": {"editor", "publisher", "superuser"},
    "publish from the form": {"publisher", "superuser"},
    "publish with the action": {"publisher", "superuser"},
    "unpublish with the action": {"publisher", "superuser"},
    "edit a published release": {"publisher", "superuser"},
    "delete a draft": {"editor", "publisher", "superuser"},
    "delete a published release": {"publisher", "superuser"},
    "bulk-delete a published release": {"publisher", "superuser"},
    "preview a draft": {"editor", "publisher", "superuser"},
}


def attempt(action, client):
    """Try `action`; True when it took effect."""
    draft = PressReleaseFactory(draft=True, published_at=NOW - datetime.timedelta(hours=1))
    live = PressReleaseFactory(published_at=NOW - datetime.timedelta(days=1))
    if action == "open the release list":
        return client.get(reverse("admin:newsroom_pressrelease_changelist")).status_code == 200
    if action == "write a draft":
        new = PressReleaseFactory.build(draft=True, slug_fr="nouveau", slug_en="new")
        client.post(reverse("admin:newsroom_pressrelease_add"), release_form_data(new))
        return PressRelease.objects.filter(slug_fr="nouveau").exists()
    if action == "send a draft to review":
        client.post(change_url(draft), release_form_data(draft, status="review"))
        return status_of(draft) == "review"
    if action == "publish from the form":
        client.post(change_url(draft), release_form_data(draft, status="published"))
        return status_of(draft) == "published"
    if action == "publish with the action":
        run_action(client, "publish", draft)
        return status_of(draft) == "published"
    if action == "unpublish with the action":
        run_action(client, "unpublish", live)
        return status_of(live) == "draft"
    if action == "edit a published release":
        client.post(change_url(live), release_form_data(live, title_fr="Titre changé"))
        return PressRelease.objects.get(pk=live.pk).title_fr == "Titre changé"
    if action == "delete a draft":
        url = reverse("admin:newsroom_pressrelease_delete", args=[draft.pk])
        client.post(url, {"post": "yes"})
        return not PressRelease.objects.filter(pk=draft.pk).exists()
    if action == "delete a published release":
        url = reverse("admin:newsroom_pressrelease_delete", args=[live.pk])
        client.post(url, {"post": "yes"})
        return not PressRelease.objects.filter(pk=live.pk).exists()
    if action == "bulk-delete a published release":
        client.post(
            reverse("admin:newsroom_pressrelease_changelist"),
            {"action": "delete_selected", "_selected_action": [live.pk], "post": "yes"},
        )
        return not PressRelease.objects.filter(pk=live.pk).exists()
    if action == "preview a draft":
        url = reverse("preview-release", kwargs={"uuid": draft.uuid, "language": "fr"})
        response = client.get(url)
        return response.status_code == 200 and draft.title_fr in response.content.decode()
    raise AssertionError(action)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", MATRIX)
def test_permission_matrix(clients, role, action):
    """Each role can do exactly what the matrix allows, and nothing else."""
    assert attempt(action, clients[role]) == (role in MATRIX[action])


def test_editor_is_offered_only_draft_and_review(editor_client):
    """The editor's status list has no "published" choice."""
    draft = PressReleaseFactory(draft=True)
    page = editor_client.get(change_url(draft)).content.decode()
    assert 'value="review"' in page
    assert 'value="published"' not in page


def test_editor_sees_a_published_release_read_only(editor_client):
    """A published release opens for an editor without any save button."""
    live = PressReleaseFactory()
    response = editor_client.get(change_url(live))
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()


def test_editor_forged_publication_is_refused_with_a_message(editor_client):
    """A forged "published" status gets a form error and saves nothing."""
    draft = PressReleaseFactory(draft=True, title_fr="Brouillon")
    response = editor_client.post(
        change_url(draft), release_form_data(draft, status="published", title_fr="Modifié")
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["status"]
    assert PressRelease.objects.get(pk=draft.pk).title_fr == "Brouillon"


def test_editor_cannot_post_to_a_published_release(editor_client):
    """Posting the form of a published release is forbidden outright."""
    live = PressReleaseFactory()
    response = editor_client.post(change_url(live), release_form_data(live, status="draft"))
    assert response.status_code == 403
    assert status_of(live) == "published"


def test_publish_action_refuses_a_release_with_no_ready_language(publisher_client):
    """Publishing needs a complete language marked ready; the publisher is told why."""
    draft = PressReleaseFactory(draft=True, ready_fr=False, ready_en=False)
    run_action(publisher_client, "publish", draft)
    assert status_of(draft) == "draft"
    page = publisher_client.get(reverse("admin:newsroom_pressrelease_changelist"))
    assert "aucune langue complète n’est marquée prête" in page.content.decode() or (
        "no complete language is marked ready" in page.content.decode()
    )


def test_publish_action_dates_a_stale_draft_now(publisher_client):
    """A draft written last week and published today is dated today, not last week."""
    draft = PressReleaseFactory(draft=True, published_at=NOW - datetime.timedelta(days=7))
    run_action(publisher_client, "publish", draft)
    assert PressRelease.objects.get(pk=draft.pk).published_at == NOW


def test_publish_action_keeps_a_future_date(publisher_client):
    """Publishing a release dated next week schedules it for next week."""
    future = NOW + datetime.timedelta(days=7)
    draft = PressReleaseFactory(draft=True, published_at=future)
    run_action(publisher_client, "publish", draft)
    release = PressRelease.objects.get(pk=draft.pk)
    assert release.status == "published"
    assert release.published_at == future
    assert not PressRelease.objects.public("fr").filter(pk=draft.pk).exists()
    with time_machine.travel(future + datetime.timedelta(seconds=1)):
        assert PressRelease.objects.public("fr").filter(pk=draft.pk).exists()


def test_roles_are_groups_made_by_the_data_migration():
    """Editor and Publisher exist as groups; only Publisher may publish."""
    from django.contrib.auth.models import Group

    editor = Group.objects.get(name="Editor").permissions.values_list("codename", flat=True)
    publisher = Group.objects.get(name="Publisher").permissions.values_list("codename", flat=True)
    assert "publish_pressrelease" not in editor
    assert "publish_pressrelease" in publisher
    assert "change_pressrelease" in editor


def test_scheduled_moment_is_shown_with_its_time_zone(publisher_client):
    """The editor sees when a scheduled release goes live, with the zone named."""
    release = PressReleaseFactory(published_at=NOW + datetime.timedelta(days=2))
    page = publisher_client.get(change_url(release)).content.decode()
    local = timezone.localtime(release.published_at)
    assert "Europe/Paris" in page
    assert f"{local:%H:%M}" in page


def test_local_accounts_cover_each_role(django_user_model):
    """`ensure_local_admin` makes an admin, an editor and a publisher, once."""
    from io import StringIO

    from django.core.management import call_command

    output = StringIO()
    call_command("ensure_local_admin", stdout=output)
    assert output.getvalue().count("password: ") == 3
    editor = django_user_model.objects.get(username="editor")
    assert editor.has_perm("newsroom.change_pressrelease")
    assert not editor.has_perm("newsroom.publish_pressrelease")
    assert django_user_model.objects.get(username="publisher").has_perm(
        "newsroom.publish_pressrelease"
    )
    call_command("ensure_local_admin", stdout=output)
    assert django_user_model.objects.count() == 3


def test_release_list_filters_by_where_releases_stand(publisher_client):
    """The list's "publication" filter finds live, scheduled and embargoed releases."""
    live = PressReleaseFactory(title_fr="Release Alpha")
    scheduled = PressReleaseFactory(
        title_fr="Release Bravo", published_at=NOW + datetime.timedelta(days=3)
    )
    embargoed = PressReleaseFactory(
        title_fr="Release Charlie", embargo_until=NOW + datetime.timedelta(days=1)
    )
    waiting = PressReleaseFactory(title_fr="Release Delta", ready_fr=False, ready_en=False)
    url = reverse("admin:newsroom_pressrelease_changelist")
    expected = {"live": live, "scheduled": scheduled, "embargoed": embargoed, "waiting": waiting}
    for state, release in expected.items():
        page = publisher_client.get(url, {"state": state}).content.decode()
        shown = {other.title_fr for other in expected.values() if other.title_fr in page}
        assert shown == {release.title_fr}, state


def test_a_refused_action_explains_itself_in_the_admin(editor_client):
    """An editor deleting a ranking (a publisher's right) reads why, in French, in the
    admin's page, not a bare "403 Forbidden"."""
    from tests.factories import RankingFactory

    ranking = RankingFactory()
    response = editor_client.get(f"/admin/rankings/ranking/{ranking.pk}/delete/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "Action non permise à votre rôle" in page
    assert "le rôle Publisher, en plus, publie, dépublie et supprime" in page
    assert 'id="header"' in page  # the admin's own look


def test_a_second_ranking_of_the_same_name_is_flagged(publisher_client):
    """Two "THE Impact Rankings" would show twice in the award picker: the second save
    says so."""
    from tests.factories import RankingFactory

    RankingFactory(name_fr="THE Impact Rankings", name_en="THE Impact Rankings")
    data = {"name_fr": "the impact rankings", "name_en": "", "slug": "the-impact-2",
            "publisher_fr": "", "publisher_en": "", "website": "", "methodology_url": "",
            "description_fr": "", "description_en": "",
            "awards-TOTAL_FORMS": "0", "awards-INITIAL_FORMS": "0",
            "awards-MIN_NUM_FORMS": "0", "awards-MAX_NUM_FORMS": "1000"}  # fmt: skip
    response = publisher_client.post("/admin/rankings/ranking/add/", data, follow=True)
    assert response.status_code == 200
    assert "Un autre classement s’appelle" in response.content.decode()
