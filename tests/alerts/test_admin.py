"""The alerts in the admin: subscribers counted, searched, exported and deleted; each
release's alert per language, its preview, a test to oneself, a resend to failed."""

import csv
import io

import pytest
from django.core import mail
from django.utils import timezone

from alerts.models import Alert, Delivery, Subscriber
from tests.factories import AwardFactory, PressReleaseFactory

from .conftest import run_tasks, subscriber

pytestmark = pytest.mark.django_db(transaction=True)


def test_subscribers_are_counted_searched_and_exported(superuser_client):
    award = AwardFactory()
    subscriber("fr@example.org", "fr")
    subscriber("en@example.org", "en", rankings=[award.ranking])
    subscriber("=cmd@example.org", "fr", confirmed_at=None)
    page = superuser_client.get("/admin/alerts/subscriber/").content.decode()
    assert "Abonnés confirmés" in page
    assert '<th scope="row">Français</th><td>1</td>' in page
    assert '<th scope="row">Anglais</th><td>1</td>' in page
    assert f'<th scope="row">{award.ranking.name}</th><td>1</td>' in page
    assert '<th scope="row">En attente de confirmation</th><td>1</td>' in page
    found = superuser_client.get("/admin/alerts/subscriber/?q=en%40example").content.decode()
    assert "en@example.org" in found and "fr@example.org" not in found

    response = superuser_client.post(
        "/admin/alerts/subscriber/",
        {
            "action": "export_csv",
            "_selected_action": Subscriber.objects.values_list("pk", flat=True),
        },
    )
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["email", "language", "topics", "confirmed_at", "subscribed_at"]
    emails = {row[0] for row in rows[1:]}
    assert emails == {"fr@example.org", "en@example.org", "'=cmd@example.org"}


def test_a_release_page_shows_its_alerts_and_previews_them(superuser_client):
    subscriber("fr@example.org", "fr")
    release = PressReleaseFactory(published_at=timezone.now())
    run_tasks()
    page = superuser_client.get(f"/admin/newsroom/pressrelease/{release.pk}/change/")
    text = page.content.decode()
    assert "1 envoyé" in text
    assert "Envoyée aux abonnés de cette langue" not in text.split("Anglais")[0]
    preview = superuser_client.get(f"/admin/newsroom/pressrelease/{release.pk}/alerts/en/preview/")
    assert preview.status_code == 200 and release.title_en in preview.content.decode()
    missing = superuser_client.get(f"/admin/newsroom/pressrelease/{release.pk}/alerts/de/preview/")
    assert missing.status_code == 404


def test_send_a_test_to_me_and_resend_to_failed(superuser_client, django_user_model):
    release = PressReleaseFactory(published_at=timezone.now())
    boss = django_user_model.objects.get(username="boss")
    boss.email = "boss@example.org"
    boss.save()
    url = f"/admin/newsroom/pressrelease/{release.pk}/alerts/fr/test/"
    superuser_client.post(url)
    [test] = mail.outbox
    assert test.to == ["boss@example.org"] and test.subject == f"[Test] {release.title_fr}"

    failed = subscriber("failed@example.org")
    alert = Alert.objects.create(
        release=release, language="fr", recipients_listed_at=timezone.now()
    )
    Delivery.objects.create(alert=alert, subscriber=failed, status="failed", attempts=4)
    response = superuser_client.post(f"/admin/newsroom/pressrelease/{release.pk}/alerts/fr/resend/")
    assert response.status_code == 302
    run_tasks()
    assert [message.to for message in mail.outbox[1:]] == [["failed@example.org"]]
