"""Subscribe, confirm, change preferences, unsubscribe: the public pages and the emails
they send, in both languages, with every bad input answered clearly."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from alerts.models import Subscriber
from tests.factories import AwardFactory, PressReleaseFactory

from .conftest import link, run_tasks, sent_to, subscriber

pytestmark = pytest.mark.django_db(transaction=True)


def subscribe(client, email="jane@example.org", language="fr", **fields):
    data = {"email": email, "language": language, "topics": "all", **fields}
    return client.post("/fr/alertes/", data)


def test_the_page_is_linked_from_every_footer_and_release(client):
    release = PressReleaseFactory()
    assert 'href="/fr/alertes/"' in client.get("/fr/").content.decode()
    page = client.get(release.get_absolute_url("en")).content.decode()
    assert 'href="/en/alerts/"' in page


def test_the_form_defaults_to_the_page_language_and_sets_no_cookie(client):
    response = client.get("/en/alerts/")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="language" value="en" checked' in page
    assert "Every press release" in page
    assert not response.cookies
    french = client.get("/fr/alertes/").content.decode()
    assert "Alertes par e-mail" in french
    assert 'name="language" value="fr" checked' in french


def test_nothing_is_sent_before_the_address_is_confirmed(client):
    response = subscribe(client)
    assert response.status_code == 302
    assert response["Location"] == "/fr/alertes/verifiez-votre-messagerie/"
    assert "Consultez votre messagerie" in client.get(response["Location"]).content.decode()
    pending = Subscriber.objects.get(email="jane@example.org")
    assert pending.confirmed_at is None

    run_tasks()
    [confirmation] = mail.outbox
    assert confirmation.subject == "Confirmez votre abonnement aux alertes communiqués de presse"
    assert confirmation.alternatives[0][1] == "text/html"
    page = client.get(link(confirmation, "confirmer").split("8000", 1)[1])
    assert page.status_code == 200
    assert "Abonnement confirmé" in page.content.decode()
    assert Subscriber.objects.get(pk=pending.pk).confirmed_at is not None
    # Twice: a clear page, nothing changed.
    again = client.get(link(confirmation, "confirmer").split("8000", 1)[1]).content.decode()
    assert "était déjà confirmé" in again


def test_the_answer_is_the_same_for_an_address_already_subscribed(client):
    known = subscriber("jane@example.org", language="en")
    first = subscribe(client, email="Jane@Example.org ", language="fr")
    assert first.status_code == 302
    assert first["Location"] == subscribe(client, email="new@example.org")["Location"]
    run_tasks()
    [reminder] = sent_to("jane@example.org")
    assert reminder.subject == "Your press release alerts"  # in the address's own language
    assert "/en/alerts/preferences/" in reminder.body and "confirm" not in reminder.body
    known.refresh_from_db()
    assert known.language == "en"  # the form changes nothing of a confirmed subscription


def test_one_confirmation_per_address_per_interval(client):
    subscribe(client)
    subscribe(client)
    run_tasks()
    assert len(mail.outbox) == 1
    with time_machine.travel(timezone.now() + timedelta(minutes=16)):
        subscribe(client)
        run_tasks()
    assert len(mail.outbox) == 2


def test_too_many_subscriptions_from_one_client_are_refused(client, settings):
    settings.ALERTS_PER_CLIENT_HOUR = 2
    for number in range(2):
        assert subscribe(client, email=f"a{number}@example.org").status_code == 302
    refused = subscribe(client, email="a3@example.org")
    assert refused.status_code == 429
    assert "Réessayez dans une heure" in refused.content.decode()
    assert not Subscriber.objects.filter(email="a3@example.org").exists()


def test_a_robot_filling_the_hidden_field_is_answered_as_usual_and_ignored(client):
    response = subscribe(client, website="https://spam.example")
    assert response.status_code == 302
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize("email", ["not-an-address", "", "a@b@c.org", "x" * 250 + "@example.org"])
def test_a_malformed_address_gets_a_form_error(client, email):
    response = subscribe(client, email=email)
    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Subscriber.objects.exists()


def test_following_rankings_needs_one_ranking_at_least(client):
    award = AwardFactory()
    PressReleaseFactory().awards.add(award)
    response = subscribe(client, topics="rankings")
    assert "Choisissez au moins un classement" in response.content.decode()
    subscribe(client, topics="rankings", rankings=[award.ranking_id])
    chosen = Subscriber.objects.get()
    assert not chosen.every_release
    assert list(chosen.rankings.all()) == [award.ranking]


def test_altered_expired_and_gone_links_get_clear_pages(client):
    subscribe(client)
    run_tasks()
    confirm = link(mail.outbox[0], "confirmer").split("8000", 1)[1]
    altered = client.get(confirm[:-5] + "xxxx/")
    assert altered.status_code == 404
    assert "Ce lien n’est pas valide" in altered.content.decode()
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        expired = client.get(confirm)
    assert expired.status_code == 410
    assert "Ce lien a expiré" in expired.content.decode()
    Subscriber.objects.all().delete()
    assert client.get(confirm).status_code == 404


def test_preferences_change_language_and_topics(client):
    award = AwardFactory()
    PressReleaseFactory().awards.add(award)
    reader = subscriber("jane@example.org")
    subscribe(client, email="jane@example.org")
    run_tasks()
    preferences = link(mail.outbox[0], "preferences").split("8000", 1)[1]
    page = client.get(preferences).content.decode()
    assert 'name="topics" value="all" checked' in page
    response = client.post(
        preferences, {"language": "en", "topics": "rankings", "rankings": [award.ranking_id]}
    )
    assert response.status_code == 302 and response["Location"].startswith("/en/alerts/")
    reader.refresh_from_db()
    assert reader.language == "en" and not reader.every_release
    assert list(reader.rankings.all()) == [award.ranking]
    bad = client.post(preferences, {"language": "de", "topics": "all"})
    assert 'aria-invalid="true"' in bad.content.decode()


def test_unsubscribing_takes_a_press_of_a_button_or_one_click(client):
    subscribe(client, email="jane@example.org")
    run_tasks()
    confirmed = client.get(link(mail.outbox[0], "confirmer").split("8000", 1)[1])
    preferences = re.search(r'href="(/fr/alertes/preferences/[^"]+)"', confirmed.content.decode())
    page = client.get(preferences.group(1)).content.decode()
    unsubscribe = re.search(r'href="(/fr/alertes/desabonnement/[^"]+)"', page).group(1)
    page = client.get(unsubscribe)
    assert "Se désabonner" in page.content.decode()
    assert Subscriber.objects.exists()  # a link checker's visit unsubscribes no one
    done = client.post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    assert "Vous êtes désabonné" in done.content.decode()
    assert not Subscriber.objects.exists()
    twice = client.post(unsubscribe)
    assert twice.status_code == 200
    assert "ne reçoit plus nos alertes" in twice.content.decode()


def test_addresses_never_confirmed_are_forgotten_after_the_link_expires(client):
    subscribe(client)
    run_tasks()
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        run_tasks()
    assert not Subscriber.objects.exists()
