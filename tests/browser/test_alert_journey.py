"""A journalist subscribes in French, confirms from the email, a publisher publishes,
the alert arrives in French only, and one click unsubscribes."""

import re

import pytest
from playwright.sync_api import expect

from alerts.models import Subscriber
from tests.alerts.conftest import run_tasks, sent_to, subscriber
from tests.factories import PressReleaseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def on_test_server(url, live_server):
    """An email's link, on the test server (emails name the site's own address)."""
    return live_server.url + re.sub(r"^https?://[^/]+", "", url)


def first_link(message, name):
    return re.search(rf"https?://\S*/{name}/\S+/", message.body).group(0)


def test_subscribe_confirm_receive_in_french_only_and_leave(admin_page, live_server):
    page = admin_page
    subscriber("reader@example.org", "en")  # an English reader gets nothing of it
    release = PressReleaseFactory(french_only=True, draft=True)

    page.goto("/fr/")
    page.locator("footer").get_by_role("link", name="Alertes par e-mail").click()
    page.get_by_label("Adresse e-mail").fill("journaliste@example.org")
    expect(page.get_by_label("Français")).to_be_checked()
    page.get_by_role("button", name="S’abonner").click()
    expect(page.locator("h1")).to_have_text("Consultez votre messagerie")

    run_tasks()
    [confirmation] = sent_to("journaliste@example.org")
    page.goto(on_test_server(first_link(confirmation, "confirmer"), live_server))
    expect(page.locator("h1")).to_have_text("Abonnement confirmé")

    # A publisher publishes the release, in French only.
    page.goto(f"/admin/newsroom/pressrelease/{release.pk}/change/")
    page.select_option("#id_status", "published")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/newsroom/pressrelease/")
    run_tasks()
    [alert] = sent_to("journaliste@example.org")[1:]
    assert alert.subject == release.title_fr
    assert not sent_to("reader@example.org")

    # The alert's link opens the release; the mail program's one-click unsubscribes.
    page.goto(on_test_server(first_link(alert, "actualites"), live_server))
    expect(page.locator("h1")).to_have_text(release.title_fr)
    unsubscribe = re.search(r"<(.+)>", alert.extra_headers["List-Unsubscribe"]).group(1)
    answer = page.request.post(
        on_test_server(unsubscribe, live_server),
        data="List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert answer.status == 200
    assert not Subscriber.objects.filter(email="journaliste@example.org").exists()
