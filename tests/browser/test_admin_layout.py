"""No admin page scrolls sideways at 1280 px (issue 19, point 5): wide inline tables
scroll inside their box, and the page's buttons never cover its title."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from newsroom.models import EmbargoLink, PreviewLink
from tests.factories import AwardFactory, ContactFactory, PressReleaseFactory, RankingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def page_width(page, path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(path)
    return page.evaluate("document.documentElement.scrollWidth")


def test_no_admin_page_scrolls_sideways_at_1280(admin_page):
    release = PressReleaseFactory(embargo_until=timezone.now() + timedelta(days=2))
    for n in range(3):
        EmbargoLink.objects.create(
            release=release, journalist=f"Journaliste au nom assez long {n}",
            outlet="Un quotidien régional au nom long", email=f"journaliste{n}@example.org",
            expires_at=timezone.now() + timedelta(days=5),
        )  # fmt: skip
        PreviewLink.objects.create(
            release=release, recipient=f"Directrice du laboratoire {n}",
            expires_at=timezone.now() + timedelta(days=5),
        )  # fmt: skip
    ranking = RankingFactory(name_fr="THE Impact Rankings")
    for year in (2021, 2022, 2023):
        AwardFactory(ranking=ranking, year=year)
    contact = ContactFactory()
    paths = ["/admin/", "/admin/newsroom/pressrelease/",
             f"/admin/newsroom/pressrelease/{release.pk}/change/",
             "/admin/newsroom/pressrelease/add/",
             f"/admin/rankings/ranking/{ranking.pk}/change/", "/admin/rankings/award/",
             f"/admin/newsroom/contact/{contact.pk}/change/", "/admin/translations/"]  # fmt: skip
    for path in paths:
        assert page_width(admin_page, path) <= 1280, path


def test_the_release_lists_title_is_not_under_its_buttons(admin_page):
    PressReleaseFactory()
    admin_page.set_viewport_size({"width": 1280, "height": 900})
    admin_page.goto("/admin/newsroom/pressrelease/")
    title = admin_page.locator("#content h1").bounding_box()
    buttons = admin_page.locator("#content .object-tools").bounding_box()
    assert (
        buttons["y"] >= title["y"] + title["height"] or buttons["x"] >= title["x"] + title["width"]
    )


def test_the_language_switch_of_tabbed_fields_has_a_label(admin_page):
    """modeltranslation's <select> choosing the language of every tabbed field is named."""
    release = PressReleaseFactory()
    admin_page.goto(f"/admin/newsroom/pressrelease/{release.pk}/change/")
    switch = admin_page.locator("#modeltranslation-main-switch")
    # Polled by Playwright, not evaluated in the page: the admin's CSP forbids eval.
    expect(switch).to_have_attribute(
        "aria-label", re.compile("^(Language of the fields shown|Langue des champs affichés)$")
    )
