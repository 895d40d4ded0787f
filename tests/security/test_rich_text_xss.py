"""No rich text an editor sends can run script on the site or in the feeds."""

import pytest
from django.urls import reverse

from core.richtext import clean_html
from newsroom.models import PressRelease
from tests.factories import PressReleaseFactory
from tests.newsroom.test_admin import release_form
from tests.security.html_checks import feed_risks, page_risks, script_risks
from tests.security.xss_payloads import PAYLOADS

pytestmark = pytest.mark.django_db

FEEDS = ["/fr/actualites/rss/", "/fr/actualites/atom/", "/en/news/rss/", "/en/news/atom/"]


def assert_nothing_runs(client, release):
    for language in ("fr", "en"):
        page = client.get(release.get_absolute_url(language)).content.decode()
        assert page_risks(page) == [], language
    for feed in FEEDS:
        assert feed_risks(client.get(feed).content) == [], feed


def test_corpus_is_large_enough():
    """The corpus holds at least a hundred payloads."""
    assert len(PAYLOADS) >= 100


@pytest.mark.parametrize("payload", PAYLOADS)
def test_cleaner_leaves_nothing_that_runs(payload):
    """The sanitiser's output carries no script, handler, style or unsafe URL."""
    cleaned = clean_html(payload)
    assert script_risks(cleaned) == []
    assert clean_html(cleaned) == cleaned  # idempotent


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_saved_through_the_model(client, payload):
    """Saved by code, the payload is harmless on the page and in every feed."""
    release = PressReleaseFactory(
        title_fr=payload[:250],
        standfirst_fr=payload,
        body_fr=payload + "<p>Texte</p>",
        body_en="<p>Text</p>" + payload,
    )
    assert_nothing_runs(client, release)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_posted_through_the_admin(staff_client, client, payload):
    """Posted in the admin form, the payload is stored clean and shows harmless."""
    data = release_form(
        title_en=payload[:250],
        body_fr=payload + "<p>Texte</p>",
        body_en="<p>Text</p>" + payload,
        standfirst_en=payload,
    )
    response = staff_client.post(reverse("admin:newsroom_pressrelease_add"), data)
    if response.status_code == 200:  # refused outright (e.g. NUL characters): nothing saved
        assert response.context["adminform"].form.errors
        assert not PressRelease.objects.exists()
        return
    assert response.status_code == 302
    release = PressRelease.objects.get()
    assert script_risks(release.body_fr) == [] and script_risks(release.body_en) == []
    assert_nothing_runs(client, release)
