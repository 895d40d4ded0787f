"""A process keeps the release cards its lists show (newsroom.rendered), and never shows
one as it was before a change: the release, its hero picture or an award edited, in
this process or another, a revision restored, a picture out of use, a language."""

from datetime import timedelta
from unittest import mock
from uuid import uuid4

import pytest
import reversion
from django.utils import timezone
from reversion.models import Version

from core import renditions
from newsroom.models import MediaAsset, PressRelease
from newsroom.rendered import KEPT_CARDS
from tests.factories import AwardFactory, PressReleaseFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_page_cache", "media_root")]


def news(client, language="en"):
    return client.get("/en/news/" if language == "en" else "/fr/actualites/").content.decode()


def test_a_card_is_rendered_once(client):
    """The card's texts are read (`texts_in`) when it is rendered, once."""
    PressReleaseFactory(title_en="Campus news")
    texts_in = PressRelease.texts_in
    with mock.patch.object(PressRelease, "texts_in", autospec=True, side_effect=texts_in) as read:
        assert "Campus news" in news(client)
        assert "Campus news" in news(client)
    assert read.call_count == 1
    assert len(KEPT_CARDS) == 1


def test_an_edited_release_shows_at_once(client):
    release = PressReleaseFactory(title_en="Campus news")
    assert "Campus news" in news(client)
    release.title_en = "Campus news, corrected"
    release.save()
    assert "Campus news, corrected" in news(client)


def test_a_change_saved_by_another_process_shows_at_once(client):
    """Another worker's save writes the row with a new version: that is all it takes."""
    release = PressReleaseFactory(title_en="Campus news")
    assert "Campus news" in news(client)
    PressRelease.objects.filter(pk=release.pk).update(title_en="Renamed", version=uuid4())
    page = news(client)
    assert "Renamed" in page
    assert "Campus news" not in page


def test_a_restored_revision_shows_at_once(client):
    """A restored release brings back the version saved with its text (the admin's
    restore form relies on it): what a process kept under it is that very text."""
    release = PressReleaseFactory(title_en="First title")
    with reversion.create_revision():
        release.save()
    first = release.version
    release.title_en = "Second title"
    release.save()
    assert "Second title" in news(client)
    Version.objects.get_for_object(release).get().revert()
    assert PressRelease.objects.get(pk=release.pk).version == first
    page = news(client)
    assert "First title" in page
    assert "Second title" not in page


def test_an_edited_hero_picture_shows_at_once(client):
    """The picture is the media library's: editing it saves no release."""
    release = PressReleaseFactory(with_image=True)
    assert 'alt="A photo of the campus"' in news(client)
    picture = MediaAsset.objects.get(pk=release.hero_id)
    picture.alt_text_en = "The new library at night"
    picture.save()
    assert 'alt="The new library at night"' in news(client)


def test_a_hero_picture_out_of_use_leaves_the_card_at_its_time(client):
    """Its licence ends with nobody saving anything: the card loses it all the same."""
    release = PressReleaseFactory(with_image=True)
    MediaAsset.objects.filter(pk=release.hero_id).update(
        available_until=timezone.now() + timedelta(hours=1)
    )
    assert "<picture" in news(client)
    with mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(hours=2)):
        assert "<picture" not in news(client)


def test_an_edited_award_shows_on_the_card_at_once(client):
    award = AwardFactory(label_en="Best school")
    PressReleaseFactory().awards.add(award)
    assert "Best school" in news(client)
    award.label_en = "Best engineering school"
    award.save()
    assert "Best engineering school" in news(client)


def test_each_language_has_its_own_card(client):
    PressReleaseFactory(title_fr="Nouvelles du campus", title_en="Campus news")
    assert "Campus news" in news(client, "en")
    page = news(client, "fr")
    assert "Nouvelles du campus" in page
    assert "Campus news" not in page


def test_a_card_whose_picture_failed_is_not_kept(client):
    """Renditions that could not be made (a full disk) are tried again next time."""
    PressReleaseFactory(with_image=True)
    with mock.patch.object(renditions, "srcset", side_effect=OSError("No space left")):
        assert "<picture" not in news(client)
    assert not KEPT_CARDS
    assert "<picture" in news(client)
