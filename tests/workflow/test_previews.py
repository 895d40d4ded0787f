"""Previews and embargo links: the public page before it is public, for the right
people only, marked, never indexed, refused once expired, revoked or gone."""

import datetime
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from core import renditions
from newsroom import previews
from newsroom.models import EmbargoLink
from newsroom.models.releases import in_zone
from tests.factories import PressReleaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft():
    release = PressReleaseFactory(draft=True, with_image=True, title_fr="Brouillon secret",
                                  title_en="Secret draft")  # fmt: skip
    renditions.prepare(release.hero.picture)
    return release


def editor_preview_url(release, language):
    return reverse("preview-release", kwargs={"uuid": release.uuid, "language": language})


def assert_not_indexed(response):
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


@pytest.mark.parametrize(
    ("language", "title"), [("fr", "Brouillon secret"), ("en", "Secret draft")]
)
def test_editor_previews_a_draft_in_either_language(staff_client, draft, language, title):
    """The public page's template, in the chosen language, under a preview banner."""
    response = staff_client.get(editor_preview_url(draft, language))
    page = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in page
    assert 'class="access-banner"' in page
    assert f'<html lang="{language}">' in page
    assert_not_indexed(response)


def test_editor_preview_asks_anonymous_visitors_to_sign_in(client, draft):
    """Without an account, the editor's preview sends to the sign-in page."""
    response = client.get(editor_preview_url(draft, "fr"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_editor_preview_of_a_missing_language_is_404(staff_client):
    """A French-only release has no English preview."""
    release = PressReleaseFactory(french_only=True, draft=True)
    assert staff_client.get(editor_preview_url(release, "en")).status_code == 404


def test_preview_shows_the_pictures_that_stay_private(staff_client, client, draft):
    """The preview's picture loads for the reader; the same address is 404 to others."""
    response = staff_client.get(editor_preview_url(draft, "fr"))
    assert draft.hero.picture.url.rsplit(".", 1)[0].rsplit("/", 1)[1] in response.content.decode()
    assert staff_client.get(draft.hero.picture.url).status_code == 200
    assert client.get(draft.hero.picture.url).status_code == 404


def test_shared_link_opens_for_someone_without_an_account(client, draft):
    """A signed link shows the draft, marked as a preview, pictures included."""
    response = client.get(previews.preview_link(draft, "en"))
    assert response.status_code == 200
    assert "<h1>Secret draft</h1>" in response.content.decode()
    assert_not_indexed(response)
    assert client.get(draft.hero.picture.url).status_code == 200  # granted to this reader
    card = renditions.picture_data(draft.hero.picture, "card")["src"]
    assert client.get(card).status_code == 200


def test_shared_link_is_refused_once_expired(client, draft):
    """After its validity the link answers 410 with an explanation, and no content."""
    link = previews.preview_link(draft, "fr", days=1)
    with time_machine.travel(timezone.now() + timedelta(days=1, seconds=1)):
        response = client.get(link)
    assert response.status_code == 410
    assert "Brouillon secret" not in response.content.decode()
    assert_not_indexed(response)


def test_pictures_granted_by_a_link_expire_with_it(client, draft):
    """The pictures a shared link showed are private again once the link expires."""
    client.get(previews.preview_link(draft, "fr", days=1))
    with time_machine.travel(timezone.now() + timedelta(days=1, seconds=1)):
        assert client.get(draft.hero.picture.url).status_code == 404


def test_tampered_link_is_refused(client, draft):
    """Changing a character of the token (its language, say) breaks the signature."""
    link = previews.preview_link(draft, "fr")
    token = link.rstrip("/").rsplit("/", 1)[1]
    forged = link.replace(token, token[:-2] + ("AA" if not token.endswith("AA") else "BB"))
    response = client.get(forged)
    assert response.status_code == 404
    assert "Brouillon secret" not in response.content.decode()


def test_shared_link_is_refused_once_the_language_is_gone(client, draft):
    """An English link stops working when the release no longer has English."""
    link = previews.preview_link(draft, "en")
    draft.title_en, draft.body_en, draft.slug_en = "", "", None
    draft.save()
    assert client.get(link).status_code == 410


def test_shared_link_is_refused_once_the_release_is_deleted(client, draft):
    """A deleted release's link answers 404."""
    link = previews.preview_link(draft, "fr")
    draft.delete()
    assert client.get(link).status_code == 404


@pytest.fixture
def embargoed():
    lift = timezone.now() + timedelta(days=2)
    release = PressReleaseFactory(embargo_until=lift, with_image=True, title_en="Embargoed news")
    renditions.prepare(release.hero.picture)
    return release


def journalist_link(release, **fields):
    fields = {"journalist": "Alex Martin", "outlet": "Midi Libre", "language": "en",
              "expires_at": release.embargo_until + timedelta(days=1), **fields}  # fmt: skip
    return EmbargoLink.objects.create(release=release, **fields)


def test_embargo_moves_the_publication_to_the_end_of_the_embargo(embargoed):
    """An embargoed release is dated, and goes live, when the embargo ends."""
    assert embargoed.published_at == embargoed.embargo_until


def test_journalist_reads_an_embargoed_release_early(client, embargoed):
    """The personal link shows the release under an "EMBARGOED until …" banner."""
    link = journalist_link(embargoed)
    response = client.get(link.reading_path())
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Embargoed news</h1>" in page
    assert "EMBARGOED until" in page
    assert "Europe/Paris" in page
    assert_not_indexed(response)
    assert client.get(embargoed.hero.picture.url).status_code == 200
    link.refresh_from_db()
    assert link.times_opened == 1 and link.last_opened_at is not None


def test_revoked_embargo_link_opens_nothing(client, embargoed):
    """Revoking a link closes it at once."""
    link = journalist_link(embargoed)
    link.revoked = True
    link.save()
    response = client.get(link.reading_path())
    assert response.status_code == 410
    assert "Embargoed news" not in response.content.decode()
    assert link.revoked_at is not None


def test_expired_embargo_link_opens_nothing(client, embargoed):
    """After its expiry the link opens nothing."""
    link = journalist_link(embargoed, expires_at=timezone.now() + timedelta(hours=1))
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert client.get(link.reading_path()).status_code == 410


def test_unknown_embargo_link_is_404(client):
    assert client.get(reverse("preview-embargo", kwargs={"token": "nope"})).status_code == 404


def test_embargo_link_stops_when_the_release_is_unpublished(client, embargoed):
    """Withdrawn from publication, the release is no longer readable through links."""
    link = journalist_link(embargoed)
    embargoed.status = "draft"
    embargoed.save()
    response = client.get(link.reading_path())
    assert response.status_code == 403
    assert "Embargoed news" not in response.content.decode()


def test_a_link_made_before_publication_says_so(client, publisher_client, embargoed):
    """A journalist whose link is made before the release is published reads that it
    will open once published (not "expired"), and the editor sees it on the form."""
    embargoed.status = "review"
    embargoed.save()
    link = journalist_link(embargoed, language="fr")
    page = client.get(link.reading_path()).content.decode()
    assert "pas encore publié" in page and "expiré" not in page
    form = publisher_client.get(reverse("admin:newsroom_pressrelease_change", args=[embargoed.pk]))
    assert "Ouvre le communiqué une fois publié" in form.content.decode()


def test_embargo_link_leads_to_the_public_page_once_lifted(client, embargoed):
    """After the embargo the journalist's link goes to the public page."""
    link = journalist_link(embargoed)
    with time_machine.travel(embargoed.embargo_until + timedelta(minutes=1)):
        response = client.get(link.reading_path())
    assert response.status_code == 302
    assert response["Location"] == embargoed.get_absolute_url("en")


def test_embargo_is_shown_to_editors_with_its_time_zone(superuser_client, embargoed):
    """The change form says until when, in the institution's time zone."""
    url = reverse("admin:newsroom_pressrelease_change", args=[embargoed.pk])
    page = superuser_client.get(url).content.decode()
    local = timezone.localtime(embargoed.embargo_until)
    assert "Europe/Paris" in page
    assert f"{local:%H:%M}" in page


def test_admin_form_shows_each_journalist_link_in_full(superuser_client, embargoed):
    """The press officer copies a complete address from the release's form."""
    link = journalist_link(embargoed)
    url = reverse("admin:newsroom_pressrelease_change", args=[embargoed.pk])
    page = superuser_client.get(url).content.decode()
    assert f"http://testserver{link.reading_path()}" in page


def test_robots_keeps_crawlers_out_of_previews(client):
    assert "Disallow: /preview/" in client.get("/robots.txt").content.decode()


def test_time_zone_is_spelt_out():
    """in_zone() names the zone of the moment it prints."""
    moment = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=datetime.UTC)
    assert "10:00" in in_zone(moment)
    assert "Europe/Paris" in in_zone(moment)


@pytest.mark.parametrize(
    "path",
    ["/media/../settings.py", "/media/releases/%00.jpg", "/media/nothing-here.jpg", "/media/"],
)
def test_bad_media_addresses_are_404(client, path):
    """Odd or missing media paths get a plain 404, never an error."""
    assert client.get(path).status_code == 404


def test_editor_preview_says_where_the_release_stands(staff_client, embargoed):
    """Previewing an embargoed release, the banner gives the embargo's end and zone."""
    url = reverse("preview-release", kwargs={"uuid": embargoed.uuid, "language": "fr"})
    page = staff_client.get(url).content.decode()
    assert "Sous embargo jusqu’au" in page
    assert "Europe/Paris" in page


def test_link_added_in_the_admin_names_who_gave_it(publisher_client, publisher, embargoed):
    """A journalist link created from the release's form records its author."""
    from tests.workflow.helpers import form_values

    url = reverse("admin:newsroom_pressrelease_change", args=[embargoed.pk])
    expiry = timezone.localtime(embargoed.embargo_until + timedelta(days=1))
    data = form_values(
        publisher_client.get(url),
        **{
            "embargo_links-TOTAL_FORMS": "1",
            "embargo_links-0-journalist": "Sam Leroy",
            "embargo_links-0-language": "fr",
            "embargo_links-0-expires_at_0": f"{expiry:%d/%m/%Y}",
            "embargo_links-0-expires_at_1": f"{expiry:%H:%M:%S}",
        },
    )
    assert publisher_client.post(url, data).status_code == 302
    link = EmbargoLink.objects.get(journalist="Sam Leroy")
    assert link.created_by == publisher


def test_preview_links_are_listed_revocable_and_counted(publisher_client, publisher, client, draft):
    """A preview link added on the release's form is listed there with its opens, and
    revoking it closes it and its pictures at once."""
    from newsroom.models import PreviewLink
    from tests.workflow.helpers import form_values

    url = reverse("admin:newsroom_pressrelease_change", args=[draft.pk])
    expiry = timezone.localtime(timezone.now() + timedelta(days=3))
    data = form_values(
        publisher_client.get(url),
        **{
            "preview_links-TOTAL_FORMS": "1",
            "preview_links-0-recipient": "Dr Dupont, laboratoire",
            "preview_links-0-language": "fr",
            "preview_links-0-expires_at_0": f"{expiry:%d/%m/%Y}",
            "preview_links-0-expires_at_1": f"{expiry:%H:%M:%S}",
        },
    )
    assert publisher_client.post(url, data).status_code == 302
    link = PreviewLink.objects.get(recipient="Dr Dupont, laboratoire")
    assert link.created_by == publisher
    assert client.get(link.reading_path()).status_code == 200
    assert client.get(draft.hero.picture.url).status_code == 200
    form = publisher_client.get(url).content.decode()
    assert "Dr Dupont, laboratoire" in form and f"http://testserver{link.reading_path()}" in form
    link.refresh_from_db()
    assert link.times_opened == 1
    link.revoked = True
    link.save()
    response = client.get(link.reading_path())
    assert response.status_code == 410
    assert "Brouillon secret" not in response.content.decode()
    assert client.get(draft.hero.picture.url).status_code == 404


def test_viewing_the_release_form_makes_no_link(publisher_client, draft):
    """Links are made when an editor adds one, not each time the form is shown."""
    from newsroom.models import PreviewLink

    publisher_client.get(reverse("admin:newsroom_pressrelease_change", args=[draft.pk]))
    assert PreviewLink.objects.count() == 0


def test_clearing_the_embargo_lifts_it_now(publisher_client, client, embargoed):
    """Lifting an embargo early is one action: clear the field and save. The release goes
    live at once instead of staying scheduled at the old embargo's end."""
    from tests.workflow.helpers import form_values

    url = reverse("admin:newsroom_pressrelease_change", args=[embargoed.pk])
    data = form_values(publisher_client.get(url), embargo_until_0="", embargo_until_1="")
    assert publisher_client.post(url, data).status_code == 302
    embargoed.refresh_from_db()
    assert embargoed.embargo_until is None
    assert embargoed.published_at <= timezone.now()
    assert client.get(embargoed.get_absolute_url("en")).status_code == 200


def test_a_date_chosen_after_the_embargo_stays(embargoed):
    """Clearing the embargo keeps a publication date the editor set later than its end."""
    later = embargoed.embargo_until + timedelta(days=3)
    embargoed.published_at = later
    embargoed.save()
    release = type(embargoed).objects.get(pk=embargoed.pk)
    release.embargo_until = None
    release.save()
    assert release.published_at == later
