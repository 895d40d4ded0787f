"""The one rule of visibility: published, time passed, and that language complete."""

import datetime
from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from newsroom.models import PressRelease
from tests.factories import PressReleaseFactory

pytestmark = pytest.mark.django_db


def test_published_bilingual_release_is_public_in_both_languages(release):
    """A published, complete release is public in French and in English."""
    assert list(PressRelease.objects.public("fr")) == [release]
    assert list(PressRelease.objects.public("en")) == [release]


def test_french_only_release_is_not_public_in_english(french_only_release):
    """A release without an English version never shows on English pages."""
    assert list(PressRelease.objects.public("fr")) == [french_only_release]
    assert not PressRelease.objects.public("en").exists()


def test_release_missing_english_body_is_not_public_in_english():
    """A title alone does not make a language public: the body is needed too."""
    PressReleaseFactory(body_en="")
    assert PressRelease.objects.public("fr").count() == 1
    assert not PressRelease.objects.public("en").exists()


def test_body_of_empty_markup_counts_as_missing():
    """An editor's leftover empty paragraph is not a body."""
    release = PressReleaseFactory(body_en="<p>&nbsp;</p>\n<p> </p>")
    release.refresh_from_db()
    assert release.body_en == ""
    assert not PressRelease.objects.public("en").exists()


def test_draft_is_not_public():
    """A draft is never public, whatever its date."""
    PressReleaseFactory(draft=True)
    assert not PressRelease.objects.public("fr").exists()


def test_scheduled_release_appears_when_its_time_comes():
    """A release dated in the future appears by itself once that moment passes."""
    release = PressReleaseFactory(scheduled=True)
    assert not PressRelease.objects.public("fr").exists()
    with time_machine.travel(release.published_at + timedelta(seconds=1)):
        assert list(PressRelease.objects.public("fr")) == [release]


def test_public_uses_active_language_by_default(french_only_release):
    """Without an argument, public() follows the active language."""
    from django.utils import translation

    with translation.override("en"):
        assert not PressRelease.objects.public().exists()
    with translation.override("fr"):
        assert PressRelease.objects.public().exists()


def test_slug_is_unique_within_a_language():
    """Two releases cannot share a French slug."""
    PressReleaseFactory(slug_fr="meme-adresse")
    duplicate = PressReleaseFactory.build(slug_fr="meme-adresse")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "slug_fr" in error.value.message_dict


def test_same_slug_may_be_used_in_two_languages():
    """A slug is unique per language: French and English may share one."""
    PressReleaseFactory(slug_fr="u-multirank", slug_en="u-multirank")
    other = PressReleaseFactory.build(slug_fr="autre", slug_en="other")
    other.full_clean()


def test_many_french_only_releases_can_coexist():
    """Missing English slugs do not collide with each other."""
    PressReleaseFactory(french_only=True)
    PressReleaseFactory(french_only=True)
    assert PressRelease.objects.count() == 2


def test_missing_slug_is_made_from_the_title():
    """An editor who leaves the slug blank gets one from that language's title."""
    release = PressReleaseFactory.build(slug_fr="", title_fr="Élèves à l’honneur en 2021")
    release.full_clean()
    assert release.slug_fr == "eleves-a-lhonneur-en-2021"


def test_published_release_needs_one_complete_language():
    """Publishing an empty release is refused with a clear message."""
    release = PressReleaseFactory.build(
        title_fr="", slug_fr=None, body_fr="", title_en="", slug_en=None, body_en=""
    )
    with pytest.raises(ValidationError, match="au moins une langue"):
        release.full_clean()


def test_dateline_is_formatted_per_language():
    """The dateline reads like a French or an English press release."""
    when = timezone.make_aware(datetime.datetime(2021, 9, 22, 9, 0))
    release = PressReleaseFactory.build(dateline="Alès", published_at=when)
    assert release.formatted_dateline("fr") == "Alès, le 22 septembre 2021"
    assert release.formatted_dateline("en") == "Alès, 22 September 2021"


def test_first_of_the_month_is_an_ordinal_in_french():
    """French writes « le 1er octobre »."""
    when = timezone.make_aware(datetime.datetime(2021, 10, 1, 9, 0))
    release = PressReleaseFactory.build(dateline="Alès", published_at=when)
    assert release.formatted_dateline("fr") == "Alès, le 1er octobre 2021"
    assert release.formatted_dateline("en") == "Alès, 1 October 2021"


def test_dateline_uses_the_institution_time_zone():
    """A release published at 23:30 UTC on 21 September is dated the 22nd in Alès."""
    when = datetime.datetime(2021, 9, 21, 23, 30, tzinfo=datetime.UTC)
    release = PressReleaseFactory.build(dateline="", published_at=when)
    assert release.formatted_dateline("fr") == "22 septembre 2021"


@pytest.mark.parametrize("slug", ["2021", "rss", "atom"])
def test_slugs_that_would_hide_other_pages_are_refused(slug):
    """A slug cannot take the address of a year archive or a feed."""
    release = PressReleaseFactory.build(slug_fr=slug)
    with pytest.raises(ValidationError) as error:
        release.full_clean()
    assert "slug_fr" in error.value.message_dict


def test_the_state_of_a_release_reads_as_a_sentence():
    """ "En ligne en français et en anglais", not "En ligne en Français, Anglais"."""
    from django.utils import translation

    release = PressReleaseFactory()
    with translation.override("fr"):
        assert release.state_description() == "En ligne en français et en anglais."
    with translation.override("en"):
        assert release.state_description() == "Live in French and in English."


def test_the_first_of_the_month_is_an_ordinal_in_french():
    from datetime import date

    from core.templating import day_in_words

    assert day_in_words("fr", date(2026, 12, 1)) == "1er décembre 2026"
    assert day_in_words("fr", date(2026, 12, 11)) == "11 décembre 2026"
    assert "1er" not in day_in_words("en", date(2026, 12, 1))
