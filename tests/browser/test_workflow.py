"""The editorial workflow in a real browser: an editor without publishing rights cannot
publish, a publisher can; previews and embargo links show the page and its pictures
to their reader only."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.utils import timezone

from core import renditions
from newsroom.models import EmbargoLink, PressRelease
from tests.browser.helpers import sign_in, wait_for_editor
from tests.factories import PressReleaseFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "browser-test-password"


def sign_in_as_staff(page, django_user_model, username, publish):
    """A staff member with the newsroom's permissions, publishing or not."""
    user = django_user_model.objects.create_user(
        username, password=PASSWORD, is_staff=True, first_name=username.capitalize()
    )
    permissions = Permission.objects.filter(content_type__app_label__in=["newsroom", "rankings"])
    if not publish:
        permissions = permissions.exclude(codename="publish_pressrelease")
    user.user_permissions.set(permissions)
    sign_in(page, username, PASSWORD)
    return user


def image_loaded(page, selector):
    return page.evaluate(
        f"(() => {{ const img = document.querySelector({selector!r});"
        " return !!img && img.complete && img.naturalWidth > 0; })()"
    )


def test_editor_without_publishing_rights_cannot_publish(page, browser, live_server,
                                                         django_user_model):  # fmt: skip
    """The editor writes and sends to review; only the publisher's action publishes."""
    sign_in_as_staff(page, django_user_model, "camille", publish=False)
    page.goto("/admin/newsroom/pressrelease/add/")
    wait_for_editor(page, "id_body_fr")
    options = page.locator("#id_status option").evaluate_all("os => os.map(o => o.value)")
    assert options == ["draft", "review"]
    page.fill("#id_title_fr", "Relu avant publication")
    page.evaluate("CKEDITOR.instances.id_body_fr.setData('<p>Le texte relu.</p>')")
    page.select_option("#id_status", "review")
    page.check("#id_ready_fr")
    page.click("input[name=_save]")
    page.wait_for_url("**/admin/newsroom/pressrelease/")
    release = PressRelease.objects.get()
    assert release.status == "review"

    # The publish action is not offered to the editor.
    actions = page.locator("select[name=action] option").evaluate_all("os => os.map(o => o.value)")
    assert "send_to_review" in actions and "publish" not in actions
    assert page.csp_violations == []

    # A publisher, in a browser of their own, publishes it from the list.
    context = browser.new_context(base_url=live_server.url, locale="fr-FR")
    publisher_page = context.new_page()
    sign_in_as_staff(publisher_page, django_user_model, "dominique", publish=True)
    publisher_page.goto("/admin/newsroom/pressrelease/")
    publisher_page.check(f"input[name=_selected_action][value='{release.pk}']")
    publisher_page.select_option("select[name=action]", "publish")
    publisher_page.click("button[name=index]")
    publisher_page.wait_for_load_state()
    context.close()
    release.refresh_from_db()
    assert release.status == "published"

    # Now published, the release opens read-only for the editor.
    page.goto(f"/admin/newsroom/pressrelease/{release.pk}/change/")
    assert page.locator("input[name=_save]").count() == 0
    page.goto("/fr/actualites/")
    assert page.locator(".release-card", has_text="Relu avant publication").count() == 1


def test_editor_previews_a_draft_with_its_picture(page, django_user_model):
    """From the change form, the preview opens the page as the public will see it."""
    release = PressReleaseFactory(draft=True, with_image=True, title_fr="Aperçu du brouillon")
    renditions.prepare(release.hero.picture)
    sign_in_as_staff(page, django_user_model, "camille", publish=False)
    page.goto(f"/admin/newsroom/pressrelease/{release.pk}/change/")
    with page.expect_popup() as popup:
        page.locator(".field-preview_links a", has_text="Français").click()
    preview = popup.value
    preview.wait_for_load_state()
    assert preview.locator("h1").inner_text() == "Aperçu du brouillon"
    assert preview.locator(".access-banner").is_visible()
    assert image_loaded(preview, ".release__hero img")


def test_journalist_reads_the_embargoed_release_and_its_picture(page):
    """The personal link shows banner and picture; a stranger gets 404 for the picture."""
    lift = timezone.now() + timedelta(days=1)
    release = PressReleaseFactory(embargo_until=lift, with_image=True, title_fr="Sous embargo")
    renditions.prepare(release.hero.picture)
    link = EmbargoLink.objects.create(
        release=release, journalist="Alex Martin", language="fr", expires_at=lift
    )
    page.goto(link.reading_path())
    assert page.locator("h1").inner_text() == "Sous embargo"
    assert "SOUS EMBARGO" in page.locator(".access-banner").inner_text()
    assert image_loaded(page, ".release__hero img")
    assert page.csp_violations == [] and page.outside_requests == []

    # The test server serves media files itself, around our view: ask the view directly.
    picture = page.evaluate(
        "new URL(document.querySelector('.release__hero img').currentSrc).pathname"
    )
    assert Client().get(picture).status_code == 404
