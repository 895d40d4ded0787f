"""A cache outage is not a site outage: with Redis unreachable every page and the admin
answer, uncached; the log says it once; the site recovers by itself, with nothing
stale from the outage."""

import logging

import pytest
import redis
import redis.connection

from core import cache as resilient
from tests.factories import PressReleaseFactory

pytestmark = pytest.mark.django_db

PAGES = ["/fr/", "/fr/actualites/", "/fr/actualites/rss/", "/sitemap.xml", "/admin/login/"]


def redis_cache(location):
    return {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


def test_every_page_answers_while_redis_is_unreachable(settings, client, caplog):
    """Nothing listens where the cache should be: pages render, one error is logged."""
    settings.CACHES = redis_cache("redis://127.0.0.1:9/0")
    release = PressReleaseFactory(title_fr="Communiqué sans cache")
    caplog.set_level(logging.WARNING, logger="core.cache")
    for _ in range(3):
        for path in [*PAGES, release.get_absolute_url("fr")]:
            assert client.get(path).status_code == 200, path
    assert "Communiqué sans cache" in client.get("/fr/actualites/").content.decode()
    assert len(caplog.records) == 1
    assert "cannot be reached" in caplog.records[0].getMessage()


@pytest.fixture
def real_redis(settings):
    """The machine's Redis, on a database number of this suite's own."""
    settings.CACHES = redis_cache("redis://127.0.0.1:6379/13")
    from django.core.cache import cache

    cache.clear()
    yield cache
    cache.clear()


def test_the_site_recovers_by_itself_with_nothing_stale(real_redis, client, monkeypatch, caplog):
    """A change made while Redis was down shows once it is back; the log says so once."""
    release = PressReleaseFactory(title_fr="Avant la panne")
    assert "Avant la panne" in client.get("/fr/actualites/").content.decode()  # cached
    caplog.set_level(logging.WARNING, logger="core.cache")
    monkeypatch.setattr(resilient, "RETRY_AFTER_SECONDS", 0)  # tried again at once

    def unreachable(*args, **kwargs):
        raise redis.exceptions.ConnectionError("Connection refused")

    with monkeypatch.context() as outage:
        # Every command on every connection, pooled or kept (core.cache.get_small).
        outage.setattr(redis.connection.AbstractConnection, "send_command", unreachable)
        release.title_fr = "Pendant la panne"
        release.save()  # its invalidation cannot reach the cache
        assert "Pendant la panne" in client.get("/fr/actualites/").content.decode()
    for _ in range(2):
        assert "Pendant la panne" in client.get("/fr/actualites/").content.decode()
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2
    assert "cannot be reached" in messages[0] and "answers again" in messages[1]
