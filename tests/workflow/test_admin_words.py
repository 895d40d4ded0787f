"""The admin's words (issue 19, point 6): every header, label and date reads as written
in the admin's language, and no label points at a hidden field."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.factories import AwardFactory, PressReleaseFactory
from tests.workflow.conftest import signed_in

pytestmark = pytest.mark.django_db


def in_french(client):
    client.cookies["django_language"] = "fr"
    return client


def test_an_award_lists_its_releases_under_a_readable_header(superuser):
    award = AwardFactory()
    release = PressReleaseFactory(title_fr="Premier en France")
    release.awards.add(award)
    html = (
        in_french(signed_in(superuser))
        .get(f"/admin/rankings/award/{award.pk}/change/")
        .content.decode()
    )
    assert re.search(r'<th class="column-release[^"]*">\s*Communiqué de presse', html)
    assert (
        f'<a href="/admin/newsroom/pressrelease/{release.pk}/change/">Premier en France</a>' in html
    )


def test_generated_labels_name_each_language_in_itself(superuser):
    award = AwardFactory()
    html = (
        in_french(signed_in(superuser))
        .get(f"/admin/rankings/award/{award.pk}/change/")
        .content.decode()
    )
    assert re.search(r'<p class="generated-label" lang="fr"><span[^>]*>Français</span> — ', html)
    assert re.search(r'<p class="generated-label" lang="en"><span[^>]*>English</span> — ', html)
    assert "FR :" not in html and "EN:" not in html


def test_the_search_button_reads_rechercher_in_french(superuser):
    html = in_french(signed_in(superuser)).get("/admin/newsroom/pressrelease/").content.decode()
    assert 'value="Rechercher"' in html


def test_english_admin_dates_put_the_day_first(superuser):
    moment = timezone.make_aware(datetime.datetime(2026, 2, 10, 9, 0))
    PressReleaseFactory(published_at=moment, title_en="Winter school")
    html = signed_in(superuser).get("/admin/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "10 February 2026, 09:00" in html
    assert "Feb. 10, 2026" not in html


def test_the_hidden_editing_state_has_no_label(superuser):
    release = PressReleaseFactory()
    html = (
        signed_in(superuser)
        .get(f"/admin/newsroom/pressrelease/{release.pk}/change/")
        .content.decode()
    )
    assert 'for="id_editing_from"' not in html
    assert re.search(r'<input type="hidden" name="editing_from" value="[0-9a-f-]{36}"', html)
