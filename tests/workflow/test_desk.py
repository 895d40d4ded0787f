"""The admin's home page is the press office's desk: what is waiting, what is coming,
what is missing, what ends soon, and what went out last."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.models import EmbargoLink
from tests.factories import AwardFactory, PressReleaseFactory
from tests.workflow.conftest import member_of, signed_in

pytestmark = pytest.mark.django_db


def section(html, heading_id):
    """The text of one list of the desk, tags removed."""
    found = re.search(rf'aria-labelledby="{heading_id}">(.*?)</section>', html, re.S)
    assert found, f"no section {heading_id}"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", found[1])).strip()


def fill_the_desk(copies=1):
    now = timezone.now()
    for n in range(copies):
        PressReleaseFactory(in_review=True, title_en=f"Hydrogen chair {n}", title_fr=f"Chaire {n}")
        PressReleaseFactory(scheduled=True, title_en=f"Open days {n}", title_fr=f"Portes {n}")
        embargoed = PressReleaseFactory(
            embargo_until=now + timedelta(days=3), title_en=f"Embargoed ranking {n}"
        )
        for opened in (2, 1):
            EmbargoLink.objects.create(
                release=embargoed, journalist="Alex Martin", language="en",
                expires_at=now + timedelta(days=4), times_opened=opened,
            )  # fmt: skip
        PressReleaseFactory(french_only=True, title_fr=f"Seulement en français {n}")
        AwardFactory(valid_until=timezone.localdate() + timedelta(days=10), category_en=f"Soon {n}")
        AwardFactory(
            valid_until=timezone.localdate() + timedelta(days=40), category_en=f"Later {n}"
        )


def test_the_desk_shows_what_a_press_officer_acts_on(editor):
    fill_the_desk()
    html = signed_in(editor).get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    review = section(html, "desk-review")
    assert "Hydrogen chair 0" in review
    coming = section(html, "desk-coming")
    assert "Open days 0" in coming
    assert re.search(r"embargo 2 links, opened 3 times", coming), coming
    translations = section(html, "desk-translations")
    assert re.search(r"Press releases: 1\b", translations), translations
    awards = section(html, "desk-awards")
    assert "Soon 0" in awards and "Later 0" not in awards
    latest = section(html, "desk-latest")
    assert "Seulement en français 0" in latest
    assert "Open days 0" not in latest and "Hydrogen chair 0" not in latest  # not public yet


def test_the_desk_links_each_release_to_its_form_and_its_public_pages(editor):
    release = PressReleaseFactory(slug_fr="palmares", slug_en="ranking")
    html = signed_in(editor).get("/admin/").content.decode()
    latest = re.search(r'aria-labelledby="desk-latest">(.*?)</section>', html, re.S)[1]
    assert f'href="/admin/newsroom/pressrelease/{release.pk}/change/"' in latest
    assert 'href="/fr/actualites/palmares/"' in latest
    assert 'href="/en/news/ranking/"' in latest


def test_the_desk_says_when_a_list_is_empty(editor):
    html = signed_in(editor).get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Nothing waits for review." in html
    assert "Nothing is scheduled." in html
    assert "No award stops being current in the next 30 days." in html


def test_the_desk_speaks_french(editor):
    fill_the_desk()
    client = signed_in(editor)
    client.cookies["django_language"] = "fr"
    html = client.get("/admin/").content.decode()
    assert "En attente de relecture" in html
    assert re.search(r"2 liens, 3 ouvertures", section(html, "desk-coming"))
    assert re.search(r"Communiqués de presse : 1\b", section(html, "desk-translations"))


def test_the_desk_costs_the_same_queries_whatever_the_number_of_releases(editor):
    client = signed_in(editor)
    fill_the_desk(1)
    client.get("/admin/")
    with CaptureQueriesContext(connection) as few:
        client.get("/admin/")
    fill_the_desk(12)
    with CaptureQueriesContext(connection) as many:
        assert client.get("/admin/").status_code == 200
    assert len(many) == len(few)


def test_an_account_without_releases_sees_the_plain_index(django_user_model):
    user = member_of(django_user_model, "sam", None)
    user.is_staff = True
    user.save()
    response = signed_in(user).get("/admin/")
    assert response.status_code == 200
    assert 'class="desk"' not in response.content.decode()


def test_the_desk_says_what_the_legal_pages_still_lack(publisher, editor):
    """Until the institution's settings give the director of publication, the host and
    the contacts the law asks for, the desk of whoever may fill them lists them."""
    from core.models import Institution

    institution = Institution.load()
    institution.publication_director = "Pierre Perdiguier"
    institution.save()
    html = signed_in(publisher).get("/admin/").content.decode()
    missing = section(html, "desk-legal")
    assert "Hébergeur" in missing and "Directeur de la publication" not in missing
    assert 'id="desk-legal"' not in signed_in(editor).get("/admin/").content.decode()
    institution.host = "OVH, 2 rue Kellermann, 59100 Roubaix"
    institution.accessibility_contact = "accessibilite@example.org"
    institution.privacy_contact = "dpo@example.org"
    institution.save()
    assert 'id="desk-legal"' not in signed_in(publisher).get("/admin/").content.decode()
