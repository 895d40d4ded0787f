"""Editors record rankings and awards in the admin; bad input gets form errors."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from rankings.models import Award, Ranking
from tests.factories import AwardFactory, PressReleaseFactory, RankingFactory, jpeg_file

pytestmark = pytest.mark.django_db


def award_form(ranking, **overrides):
    data = {
        "ranking": str(ranking.pk),
        "year": "2021",
        "category_fr": "Enseignement et apprentissage",
        "category_en": "Teaching and learning",
        "scope": "national",
        "result_kind": "rank",
        "rank": "1",
        "is_tied": "on",
        "band_from": "",
        "band_to": "",
        "grade": "",
        "count": "",
        "label_fr": "",
        "label_en": "",
        "source_url": "",
        "valid_from": "",
        "valid_until": "",
        # The (read-only) inline of releases announcing the award.
        "PressRelease_awards-TOTAL_FORMS": "0",
        "PressRelease_awards-INITIAL_FORMS": "0",
        "PressRelease_awards-MIN_NUM_FORMS": "0",
        "PressRelease_awards-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def post_award(client, data):
    return client.post(reverse("admin:rankings_award_add"), data)


@pytest.fixture
def editor(superuser_client):
    return superuser_client


def test_valid_award_is_saved(editor):
    """A complete rank award saves."""
    ranking = RankingFactory()
    response = post_award(editor, award_form(ranking))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Award.objects.get().generated_label("en").startswith("Joint 1st in France")


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"rank": ""}, "rank"),
        ({"rank": "0"}, "rank"),
        ({"grade": "A"}, "result_kind"),
        ({"result_kind": "band", "rank": "", "is_tied": ""}, "band_to"),
        ({"result_kind": "band", "rank": "", "is_tied": "", "band_from": "600", "band_to": "401"},
         "band_from"),
        ({"result_kind": "grade", "rank": "", "is_tied": "", "grade": ""}, "grade"),
        ({"result_kind": "grade", "rank": "", "is_tied": "on", "grade": "A"}, "is_tied"),
        ({"year": "1850"}, "year"),
        ({"year": "2999"}, "year"),
        ({"valid_from": "2022-01-01", "valid_until": "2021-01-01"}, "valid_until"),
        ({"source_url": "not a url"}, "source_url"),
    ],
)  # fmt: skip
def test_bad_awards_get_form_errors_and_save_nothing(editor, overrides, field):
    """Mismatched results, bad ranks, years and windows are refused with a form error."""
    response = post_award(editor, award_form(RankingFactory(), **overrides))
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert not Award.objects.exists()


def test_non_image_badge_is_refused(editor):
    """A badge upload that is not an image gets a form error."""
    data = award_form(RankingFactory())
    data["badge_image"] = SimpleUploadedFile("badge.png", b"<html>not an image</html>")
    response = post_award(editor, data)
    assert response.status_code == 200
    assert "badge_image" in response.context["adminform"].form.errors
    assert not Award.objects.exists()


def test_award_admin_lists_linked_releases(editor):
    """The award's page lists the releases announcing it."""
    award = AwardFactory()
    release = PressReleaseFactory(title_fr="Annonce du classement")
    release.awards.add(award)
    page = editor.get(reverse("admin:rankings_award_change", args=[award.pk])).content.decode()
    assert "Annonce du classement" in page


def test_ranking_admin_edits_awards_inline(editor):
    """The ranking's page lists its awards, newest edition first, for inline editing."""
    ranking = RankingFactory()
    AwardFactory(ranking=ranking, year=2019)
    AwardFactory(ranking=ranking, year=2022)
    page = editor.get(reverse("admin:rankings_ranking_change", args=[ranking.pk]))
    formset = page.context["inline_admin_formsets"][0].formset
    assert [form.instance.year for form in formset.forms if form.instance.pk] == [2022, 2019]


def test_release_admin_picks_awards_with_autocomplete(editor):
    """Awards are chosen on the release with an autocomplete search."""
    AwardFactory(ranking=RankingFactory(name_fr="U-Multirank"))
    page = editor.get(reverse("admin:newsroom_pressrelease_add")).content.decode()
    assert 'name="awards"' in page and "admin-autocomplete" in page
    response = editor.get(
        reverse("admin:autocomplete"),
        {"term": "Multirank", "app_label": "newsroom", "model_name": "pressrelease",
         "field_name": "awards"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "U-Multirank 2021" in response.json()["results"][0]["text"]


def test_deleting_a_ranking_with_awards_is_refused(editor):
    """A ranking that still has awards cannot be deleted; the admin says why."""
    ranking = RankingFactory()
    AwardFactory(ranking=ranking)
    url = reverse("admin:rankings_ranking_delete", args=[ranking.pk])
    page = editor.get(url)
    assert page.status_code == 200
    assert "protected" in page.content.decode() or "protégés" in page.content.decode()
    editor.post(url, {"post": "yes"})
    assert Ranking.objects.filter(pk=ranking.pk).exists()


def test_deleting_an_award_that_releases_announce_is_refused(editor):
    """An award a release announces cannot be deleted: the admin names the release."""
    award = AwardFactory()
    release = PressReleaseFactory(title_fr="Le communiqué qui l’annonce")
    release.awards.add(award)
    url = reverse("admin:rankings_award_delete", args=[award.pk])
    page = editor.get(url).content.decode()
    assert "protégés" in page and "Le communiqué qui l’annonce" in page
    assert "PressRelease_awards object" not in page
    editor.post(url, {"post": "yes"})
    assert Award.objects.filter(pk=award.pk).exists()
    assert list(release.awards.all()) == [award]


def test_deleting_awards_in_bulk_spares_those_releases_announce(editor):
    """The list's delete action is refused too while a selected award is announced."""
    announced, unused = AwardFactory(), AwardFactory()
    PressReleaseFactory().awards.add(announced)
    url = reverse("admin:rankings_award_changelist")
    data = {"action": "delete_selected", "_selected_action": [announced.pk, unused.pk],
            "post": "yes"}  # fmt: skip
    editor.post(url, data)
    assert Award.objects.count() == 2
    editor.post(url, {**data, "_selected_action": [unused.pk]})
    assert list(Award.objects.all()) == [announced]


def test_ranking_with_logo_saves(editor):
    """A ranking saves with its logo and bilingual description."""
    response = editor.post(
        reverse("admin:rankings_ranking_add"),
        {
            "name_fr": "U-Multirank", "name_en": "U-Multirank", "slug": "u-multirank",
            "publisher_fr": "Commission européenne", "publisher_en": "European Commission",
            "website": "https://www.umultirank.org/", "methodology_url": "",
            "logo": jpeg_file("logo.jpg"),
            "description_fr": "<p>À propos</p>", "description_en": "<p>About</p>",
            "awards-TOTAL_FORMS": "0", "awards-INITIAL_FORMS": "0",
            "awards-MIN_NUM_FORMS": "0", "awards-MAX_NUM_FORMS": "1000",
        },
    )  # fmt: skip
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Ranking.objects.get().description_en == "<p>About</p>"
