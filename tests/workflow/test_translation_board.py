"""The translation board: what has no translation yet, or changed since it was translated."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from newsroom.models import Contact, PressRelease
from rankings.models import Award, Ranking
from tests.factories import AwardFactory, ContactFactory, RankingFactory

pytestmark = pytest.mark.django_db

BOARD = "/admin/translations/"


def later(days=1):
    return time_machine.travel(timezone.now() + timedelta(days=days))


def test_bilingual_release_is_not_on_the_board(editor_client, release):
    """Written in both languages at once: nothing to do."""
    assert release.title_fr not in editor_client.get(BOARD).content.decode()


def test_french_only_release_is_listed_as_missing(editor_client, french_only_release):
    page = editor_client.get(BOARD).content.decode()
    assert french_only_release.title_fr in page
    assert "Anglais\u00a0: manquante" in page or "English: missing" in page


def test_release_whose_french_changed_after_english_is_outdated(editor_client, release):
    """A change to the French text puts the English version on the board."""
    with later():
        release.body_fr = "<p>Un paragraphe corrigé.</p>"
        release.save()
    assert list(PressRelease.objects.needing_translation()) == [release]
    page = editor_client.get(BOARD).content.decode()
    assert release.title_fr in page
    assert release.translation_state() == {"en": "outdated"}


def test_updating_the_translation_takes_it_off_the_board(editor_client, release):
    with later(1):
        release.body_fr = "<p>Un paragraphe corrigé.</p>"
        release.save()
    with later(2):
        release.body_en = "<p>A corrected paragraph.</p>"
        release.save()
    assert not PressRelease.objects.needing_translation().exists()


def test_a_change_to_the_english_alone_needs_no_french_work(release):
    """The original is French: fixing a typo in English puts nothing on the board."""
    with later():
        release.title_en = "Fixed English title"
        release.save()
    assert not PressRelease.objects.needing_translation().exists()


def test_contacts_rankings_and_awards_are_on_the_board(editor_client):
    """Every kind of translated content has its section."""
    contact = ContactFactory(role_fr="Chargée de communication", role_en="")
    ranking = RankingFactory()
    award = AwardFactory(ranking=ranking, category_en="")
    with later():
        ranking.description_fr = "<p>Nouvelle présentation.</p>"
        ranking.save()
    assert list(Contact.objects.needing_translation()) == [contact]
    assert list(Ranking.objects.needing_translation()) == [ranking]
    assert list(Award.objects.needing_translation()) == [award]
    page = editor_client.get(BOARD).content.decode()
    assert str(contact) in page
    assert str(ranking) in page
    assert reverse("admin:rankings_award_change", args=[award.pk]) in page


def test_board_is_for_staff_only(client):
    """Visitors are sent to the sign-in page."""
    response = client.get(BOARD)
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_stored_flag_follows_the_rule(release, french_only_release):
    """The column the board reads says what the rule says, row by row, as texts change
    (the database computes it from the row)."""
    from core.translation_status import translation_needed

    def by_rule():
        rule = translation_needed(PressRelease.translation_required_fields)
        return set(PressRelease.objects.filter(rule).values_list("pk", flat=True))

    def by_column():
        return set(PressRelease.objects.needing_translation().values_list("pk", flat=True))

    assert by_column() == by_rule() == {french_only_release.pk}
    with later():
        release.title_fr = "Un titre corrigé"
        release.save()
    assert by_column() == by_rule() == {release.pk, french_only_release.pk}
    with later(2):
        release.title_en = "A corrected title"
        release.save()
        french_only_release.title_en = french_only_release.slug_en = "now-in-english"
        french_only_release.body_en = "<p>Now in English.</p>"
        french_only_release.save()
    assert by_column() == by_rule() == set()
