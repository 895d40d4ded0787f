"""Editors write bilingual releases and contacts in the admin."""

import re
from datetime import datetime

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from newsroom.models import MediaAsset, PressRelease, ReleaseContact
from tests.factories import ContactFactory, PictureFactory, PressReleaseFactory, jpeg_file

pytestmark = pytest.mark.django_db


def release_form(**overrides):
    data = {
        "title_fr": "IMT Mines Alès classée 1re en France",
        "title_en": "IMT Mines Alès ranked first in France",
        "slug_fr": "imt-mines-ales-1re-en-france",
        "slug_en": "imt-mines-ales-first-in-france",
        "dateline": "Alès",
        "standfirst_fr": "Le chapô.",
        "standfirst_en": "The standfirst.",
        "body_fr": "<p>Le corps.</p><ul><li>4 fois</li></ul>",
        "body_en": "<p>The body.</p><ul><li>4 times</li></ul>",
        "status": "published",
        "ready_fr": "on",
        "ready_en": "on",
        "published_at_0": "22/09/2021",
        "published_at_1": "09:00:00",
        "release_contacts-TOTAL_FORMS": "0",
        "release_contacts-INITIAL_FORMS": "0",
        "release_contacts-MIN_NUM_FORMS": "0",
        "release_contacts-MAX_NUM_FORMS": "1000",
        "release_assets-TOTAL_FORMS": "0",
        "release_assets-INITIAL_FORMS": "0",
        "release_assets-MIN_NUM_FORMS": "0",
        "release_assets-MAX_NUM_FORMS": "1000",
        "preview_links-TOTAL_FORMS": "0",
        "preview_links-INITIAL_FORMS": "0",
        "preview_links-MIN_NUM_FORMS": "0",
        "preview_links-MAX_NUM_FORMS": "1000",
        "embargo_links-TOTAL_FORMS": "0",
        "embargo_links-INITIAL_FORMS": "0",
        "embargo_links-MIN_NUM_FORMS": "0",
        "embargo_links-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_changelist_shows_titles_status_and_languages(staff_client, release, french_only_release):
    """The list shows each release with the languages that are complete."""
    page = staff_client.get(reverse("admin:newsroom_pressrelease_changelist")).content.decode()
    assert release.title_fr in page
    assert french_only_release.title_fr in page
    assert "EN ✓" in page and "EN —" in page


@pytest.mark.parametrize(
    "query",
    [
        "?status__exact=draft",
        "?year=2021",
        "?missing=en",
        "?q=Communiqué",
        "?published_at__year=2021",
    ],
)
def test_changelist_filters_and_search_answer(staff_client, release, query):
    """Every filter, the search box and the date hierarchy work."""
    response = staff_client.get(reverse("admin:newsroom_pressrelease_changelist") + query)
    assert response.status_code == 200


def test_missing_translation_filter_finds_untranslated_releases(
    staff_client, release, french_only_release
):
    """Filtering on missing English lists only the release without English."""
    url = reverse("admin:newsroom_pressrelease_changelist") + "?missing=en"
    page = staff_client.get(url).content.decode()
    assert french_only_release.title_fr in page
    assert release.title_fr not in page


def test_add_page_has_language_tabs_served_locally(staff_client):
    """The tabbed translation fields load jQuery UI from our own static files."""
    page = staff_client.get(reverse("admin:newsroom_pressrelease_add")).content.decode()
    assert "/static/jquery-ui/jquery-ui.min.js" in page
    assert "ajax.googleapis.com" not in page
    assert "tabbed_translation_fields.js" in page
    assert 'name="title_fr"' in page and 'name="title_en"' in page


def test_editor_toolbar_has_no_source_mode_for_editors(staff_client, superuser_client):
    """Editors get the press-release toolbar; only superusers get Source."""
    add = reverse("admin:newsroom_pressrelease_add")
    editor_page = staff_client.get(add).content.decode()
    assert "Blockquote" in editor_page and "Table" in editor_page
    assert "&quot;Source&quot;" not in editor_page
    superuser_page = superuser_client.get(add).content.decode()
    assert "&quot;Source&quot;" in superuser_page


def test_admin_speaks_french_by_default(staff_client):
    """Without a language preference, the admin is in French."""
    page = staff_client.get(reverse("admin:newsroom_pressrelease_add")).content.decode()
    assert "Ajout de communiqué de presse" in page


def test_admin_can_switch_to_english(staff_client):
    """An editor who picks English sees the admin in English."""
    staff_client.post(reverse("set_language"), {"language": "en", "next": "/admin/"})
    page = staff_client.get(reverse("admin:newsroom_pressrelease_add")).content.decode()
    assert "Add press release" in page


def test_saving_a_bilingual_release_with_ordered_contacts(staff_client):
    """A release saved in the admin keeps both languages and its contacts in order."""
    second, first = ContactFactory(), ContactFactory()
    data = release_form(
        **{
            "release_contacts-TOTAL_FORMS": "2",
            "release_contacts-0-contact": str(second.pk),
            "release_contacts-0-position": "2",
            "release_contacts-1-contact": str(first.pk),
            "release_contacts-1-position": "1",
        }
    )
    response = staff_client.post(reverse("admin:newsroom_pressrelease_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    release = PressRelease.objects.get()
    assert release.title_en == "IMT Mines Alès ranked first in France"
    assert release.body_fr == "<p>Le corps.</p><ul><li>4 fois</li></ul>"
    assert release.complete_languages() == ["fr", "en"]
    assert [c.contact for c in release.release_contacts.all()] == [first, second]


def test_saving_sanitises_the_body(staff_client):
    """Script and event handlers typed into the body are removed before saving."""
    data = release_form(body_fr='<p onclick="x()">Texte<script>alert(1)</script></p>')
    staff_client.post(reverse("admin:newsroom_pressrelease_add"), data)
    assert PressRelease.objects.get().body_fr == "<p>Texte</p>"


def test_saving_with_an_image(staff_client):
    """A picture of the media library becomes the hero image, with its alt text and
    dimensions; a document cannot."""
    picture = PictureFactory(picture=jpeg_file(size=(800, 450)), alt_text_fr="Le campus")
    response = staff_client.post(
        reverse("admin:newsroom_pressrelease_add"), release_form(hero=picture.pk)
    )
    assert response.status_code == 302
    release = PressRelease.objects.get()
    assert release.hero == picture
    assert (release.hero.width, release.hero.height) == (800, 450)
    page = staff_client.get(release.get_absolute_url("fr")).content.decode()
    assert 'alt="Le campus"' in page


def test_a_document_cannot_be_the_hero_image(staff_client):
    document = MediaAsset.objects.create(kind="document", document="assets/fiche.pdf")
    response = staff_client.post(
        reverse("admin:newsroom_pressrelease_add"), release_form(hero=document.pk)
    )
    assert response.status_code == 200
    assert "hero" in response.context["adminform"].form.errors
    assert not PressRelease.objects.exists()


def test_duplicate_slug_is_a_form_error(staff_client, release):
    """A slug already used in that language is refused with a message, nothing saved."""
    data = release_form(slug_fr=release.slug_fr)
    response = staff_client.post(reverse("admin:newsroom_pressrelease_add"), data)
    assert response.status_code == 200
    assert "slug_fr" in response.context["adminform"].form.errors
    assert PressRelease.objects.count() == 1


def test_publishing_an_empty_release_is_a_form_error(staff_client):
    """Publishing without any complete language is refused; nothing is saved."""
    data = release_form(title_fr="", slug_fr="", body_fr="", title_en="", slug_en="", body_en="")
    response = staff_client.post(reverse("admin:newsroom_pressrelease_add"), data)
    assert response.status_code == 200
    assert "au moins une langue" in response.content.decode()
    assert not PressRelease.objects.exists()


def test_bad_date_is_a_form_error_and_nothing_is_saved(staff_client):
    """A malformed publication date gets a form error, never a 500."""
    data = release_form(published_at_0="31/02/2021")
    response = staff_client.post(reverse("admin:newsroom_pressrelease_add"), data)
    assert response.status_code == 200
    assert "published_at" in response.context["adminform"].form.errors
    assert not PressRelease.objects.exists()


def test_bad_contact_in_inline_saves_nothing(staff_client):
    """An unknown contact in the inline is a form error, and no half-saved release remains."""
    data = release_form(
        **{"release_contacts-TOTAL_FORMS": "1", "release_contacts-0-contact": "999999"}
    )
    response = staff_client.post(reverse("admin:newsroom_pressrelease_add"), data)
    assert response.status_code == 200
    assert not PressRelease.objects.exists()
    assert not ReleaseContact.objects.exists()


def test_change_page_renders_with_view_on_site_links(staff_client, release):
    """The change page links to the public page in each language."""
    page = staff_client.get(
        reverse("admin:newsroom_pressrelease_change", args=[release.pk])
    ).content.decode()
    assert f'href="/fr/actualites/{release.slug_fr}/"' in page
    assert f'href="/en/news/{release.slug_en}/"' in page


def test_view_on_site_of_a_french_only_release_is_the_french_page(
    staff_client, french_only_release
):
    """The view-on-site button never points to a language the release lacks."""
    staff_client.post(reverse("set_language"), {"language": "en", "next": "/admin/"})
    page = staff_client.get(
        reverse("admin:newsroom_pressrelease_change", args=[french_only_release.pk])
    ).content.decode()
    assert f"/fr/actualites/{french_only_release.slug_fr}/" in page


def test_contact_autocomplete_finds_contacts(staff_client):
    """Contacts are picked with autocomplete, searching by name."""
    ContactFactory(name_fr="Pierre Perdiguier")
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "Perdig",
            "app_label": "newsroom",
            "model_name": "releasecontact",
            "field_name": "contact",
        },
    )
    assert response.status_code == 200
    assert "Pierre Perdiguier" in response.json()["results"][0]["text"]


def test_contact_admin_saves_both_languages(staff_client):
    """A contact's role and organisation are saved in French and English."""
    response = staff_client.post(
        reverse("admin:newsroom_contact_add"),
        {
            "name_fr": "Pierre Perdiguier",
            "name_en": "Pierre Perdiguier",
            "role_fr": "Directeur",
            "role_en": "Director",
            "organisation_fr": "IMT Mines Alès",
            "organisation_en": "IMT Mines Alès",
            "email": "pierre.perdiguier@mines-ales.fr",
            "phone": "",
            "is_active": "on",
            "position": "0",
        },
    )
    assert response.status_code == 302
    from newsroom.models import Contact

    contact = Contact.objects.get()
    assert (contact.role_fr, contact.role_en) == ("Directeur", "Director")


def test_deleting_a_contact_in_use_is_refused(superuser_client):
    """A contact still named on a release cannot be deleted; the release keeps it."""
    release = PressReleaseFactory()
    contact = ContactFactory()
    ReleaseContact.objects.create(release=release, contact=contact)
    page = superuser_client.get(reverse("admin:newsroom_contact_delete", args=[contact.pk]))
    assert page.status_code == 200
    assert "protégés" in page.content.decode() or "protected" in page.content.decode()


def test_year_filter_lists_the_years_holding_releases(staff_client):
    """Drafts included, newest first, and filtering by one lists that year only."""
    for year, title in ((2019, "Texte de 2019"), (2021, "Texte de 2021"), (2015, "Texte de 2015")):
        PressReleaseFactory(
            title_fr=title,
            published_at=timezone.make_aware(datetime(year, 3, 1, 12)),
            draft=year == 2015,
        )
    changelist = reverse("admin:newsroom_pressrelease_changelist")
    page = staff_client.get(changelist).content.decode()
    assert re.findall(r'href="\?year=(\d{4})"', page) == ["2021", "2019", "2015"]
    page = staff_client.get(changelist, {"year": "2019"}).content.decode()
    assert "Texte de 2019" in page
    assert "Texte de 2021" not in page and "Texte de 2015" not in page


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes: PostgreSQL")
def test_admin_search_can_use_the_trigram_index(rf, admin_user):
    """The search box's query matches the trigram index's expressions, so a large table
    is not read in full (the planner picks the index once the table is big enough)."""
    from django.contrib.admin.sites import site

    model_admin = site._registry[PressRelease]
    request = rf.get("/", {"q": "classée"})
    request.user = admin_user
    queryset, _duplicates = model_admin.get_search_results(
        request, PressRelease.objects.all(), "classée"
    )
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
        plan = queryset.explain()
    assert "release_admin_search_trgm" in plan


def test_search_counts_up_to_a_bound_and_says_so(staff_client, monkeypatch):
    """Past its bound, a search says "more than" and lists the newest matches; below
    it, the exact count."""
    from newsroom.admin import PressReleaseAdmin, SearchPaginator

    monkeypatch.setattr(SearchPaginator, "bound", 3)
    monkeypatch.setattr(PressReleaseAdmin, "list_per_page", 2)  # the bound is always more
    for day, word in enumerate(["alpha", "bravo", "charlie", "delta", "echo"], start=1):
        PressReleaseFactory(
            title_fr=f"Classement {word}",
            published_at=timezone.make_aware(datetime(2021, 3, day, 12)),
        )
    changelist = reverse("admin:newsroom_pressrelease_changelist")
    page = staff_client.get(changelist, {"q": "classement"}).content.decode()
    assert "Plus de 3 résultats\u00a0: les 3 plus récents sont listés." in page
    assert "Plus de 3 communiqués de presse" in page
    listed = re.findall(r"Classement ([a-z]+)", page)
    assert list(dict.fromkeys(listed)) == ["echo", "delta"]
    page = staff_client.get(changelist, {"q": "classement", "p": 2}).content.decode()
    listed = re.findall(r"Classement ([a-z]+)", page)
    assert list(dict.fromkeys(listed)) == ["charlie"]
    page = staff_client.get(changelist, {"q": "bravo"}).content.decode()
    assert "1 résultat" in page and "Plus de" not in page


def test_the_search_bound_is_written_as_each_language_writes_numbers():
    from django.utils import translation

    from newsroom.admin import SearchPaginator

    with translation.override("fr"):
        assert SearchPaginator([], 100).written_bound == "1\xa0000"
    with translation.override("en"):
        assert SearchPaginator([], 100).written_bound == "1,000"
