"""Journalists' embargo tokens stay with those who manage them, and a revoked or
withdrawn link ends every grant it gave (issue 18, points 2 and 5)."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from core import renditions
from newsroom.models import EmbargoLink
from tests.workflow.test_previews import journalist_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def embargoed():
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import PressReleaseFactory

    release = PressReleaseFactory(
        embargo_until=timezone.now() + timedelta(days=2), with_image=True,
        title_en="Embargoed news",
    )  # fmt: skip
    renditions.prepare(release.hero.picture)
    return release


def test_the_view_on_site_shortcut_reveals_no_token(embargoed, django_user_model):
    """A staff account without any permission gets no redirect to a journalist's link."""
    link = journalist_link(embargoed)
    staff = django_user_model.objects.create_user("curious", password="x", is_staff=True)
    client = Client()
    client.force_login(staff)
    content_type = ContentType.objects.get_for_model(EmbargoLink)
    response = client.get(f"/admin/r/{content_type.pk}/{link.pk}/")
    assert response.status_code == 404
    assert link.token not in response.get("Location", "") + response.content.decode()
    link.refresh_from_db()
    assert link.times_opened == 0


@pytest.mark.parametrize("ending", ["revoke", "unpublish"])
def test_revoking_or_unpublishing_ends_the_pictures_at_once(client, embargoed, ending):
    link = journalist_link(embargoed)
    assert client.get(link.reading_path()).status_code == 200
    hero = embargoed.hero.picture.url
    assert client.get(hero).status_code == 200
    if ending == "revoke":
        link.revoked = True
        link.save()
    else:
        embargoed.status = embargoed.Status.DRAFT
        embargoed.save()
    assert client.get(hero).status_code == 404
