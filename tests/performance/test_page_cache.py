"""Public pages come from the cache, and no change ever leaves a stale page behind."""

import datetime
import os

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.models import Institution
from tests.factories import AwardFactory, ContactFactory, PressReleaseFactory, RankingFactory

pytestmark = pytest.mark.django_db


def redis_available():
    import redis

    try:
        return redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def require_redis():
    """Skip where Redis does not answer (a developer's machine); fail on CI, which has it."""
    if not redis_available():
        if os.environ.get("CI"):
            pytest.fail("Redis does not answer on 127.0.0.1:6379")
        pytest.skip("Redis does not answer on 127.0.0.1:6379")


@pytest.fixture(params=["locmem", "redis"])
def page_cache(request, settings):
    """Each test runs against the local-memory cache and against Redis."""
    if request.param == "redis":
        require_redis()
        settings.CACHES = {
            "default": {
                "BACKEND": "core.cache.ResilientRedisCache",  # as in production
                "LOCATION": "redis://127.0.0.1:6379/15",
                "KEY_PREFIX": f"test-{os.getpid()}",
            }
        }
    cache.clear()
    yield request.param
    cache.clear()


def get(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    return response, len(queries)


PAGES = ["/fr/", "/en/news/", "/fr/actualites/rss/", "/en/rankings/", "/fr/contacts-presse/",
         "/sitemap.xml"]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_second_visit_is_served_from_the_cache(client, page_cache, release, path):
    """The same page again costs no database query."""
    first, _ = get(client, path)
    second, queries = get(client, path)
    assert second.status_code == 200
    assert second.content == first.content
    assert queries == 0


def test_publishing_shows_at_once(client, page_cache, release):
    """A new release is on the cached list the moment it is saved."""
    get(client, "/fr/actualites/")
    PressReleaseFactory(title_fr="Tout juste publié")
    assert "Tout juste publié" in client.get("/fr/actualites/").content.decode()
    assert "Tout juste publié" in client.get("/fr/actualites/rss/").content.decode()


def test_unpublishing_removes_at_once(client, page_cache, release):
    """A release taken back to draft leaves the cached pages and feeds at once."""
    get(client, "/en/news/")
    release.status = release.Status.DRAFT
    release.save()
    assert release.title_en not in client.get("/en/news/").content.decode()
    assert client.get(release.get_absolute_url("en")).status_code == 404


def test_scheduled_release_appears_at_its_time(client, page_cache):
    """A page cached before a scheduled release goes live is not served after it."""
    release = PressReleaseFactory(
        title_fr="Annonce programmée",
        published_at=timezone.now() + datetime.timedelta(minutes=5),
    )
    with time_machine.travel(timezone.now(), tick=False) as clock:
        assert "Annonce programmée" not in client.get("/fr/").content.decode()
        clock.shift(datetime.timedelta(minutes=4, seconds=58))
        assert "Annonce programmée" not in client.get("/fr/").content.decode()
        clock.shift(datetime.timedelta(seconds=3))
        assert "Annonce programmée" in client.get("/fr/").content.decode()
        assert client.get(release.get_absolute_url("fr")).status_code == 200


@pytest.mark.parametrize(
    "change",
    ["contact", "award", "ranking", "award-link", "institution", "release-contact"],
)
def test_every_kind_of_change_invalidates(client, page_cache, release, change):
    """Contacts, awards, rankings, links and the institution all refresh the pages."""
    contact = ContactFactory(name_fr="Ancien nom")
    award = AwardFactory()
    release.awards.add(award)
    release.contacts.add(contact)
    paths = ["/fr/contacts-presse/", "/fr/classements/", release.get_absolute_url("fr"), "/fr/"]
    before = {path: client.get(path).content for path in paths}
    if change == "contact":
        contact.name_fr = "Nouveau nom"
        contact.save()
    elif change == "award":
        award.label_fr = "Libellé revu"
        award.save()
    elif change == "ranking":
        award.ranking.name_fr = "Classement renommé"
        award.ranking.save()
    elif change == "award-link":
        release.awards.remove(award)
    elif change == "institution":
        institution = Institution.load()
        institution.name = "École renommée"
        institution.save()
    else:
        release.release_contacts.all().delete()
    after = {path: client.get(path).content for path in paths}
    assert any(before[path] != after[path] for path in paths)


def test_award_window_closing_moves_the_badge_at_midnight(client, page_cache):
    """A result that stops being current leaves the home highlight the next day."""
    ranking = RankingFactory(name_en="U-Multirank")
    today = timezone.localdate()
    AwardFactory(ranking=ranking, valid_until=today, category_en="Research")
    with time_machine.travel(timezone.now(), tick=False) as clock:
        assert "Research · U-Multirank" in client.get("/en/").content.decode()
        midnight = timezone.make_aware(
            datetime.datetime.combine(today + datetime.timedelta(days=1), datetime.time())
        )
        clock.move_to(midnight + datetime.timedelta(seconds=1))
        assert "Research · U-Multirank" not in client.get("/en/").content.decode()


def test_cache_headers_fit_a_cdn(client, page_cache, release):
    """Pages say a shared cache may keep them but must revalidate, with an ETag."""
    response = client.get("/fr/")
    assert "public" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
    assert "must-revalidate" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")
    again = client.get("/fr/", headers={"if-none-match": response["ETag"]})
    assert again.status_code == 304


def test_cached_feed_keeps_its_content_type_and_etag(client, page_cache, release):
    """A feed from the cache is still a feed, with its ETag for 304s."""
    client.get("/en/news/atom/")
    cached = client.get("/en/news/atom/")
    assert cached["Content-Type"].startswith("application/atom+xml")
    revalidated = client.get("/en/news/atom/", headers={"if-none-match": cached["ETag"]})
    assert revalidated.status_code == 304


def test_not_found_pages_are_not_cached(client, page_cache):
    """Unknown addresses are not stored, so they cannot fill the cache."""
    client.get("/fr/actualites/inconnu/")
    release = PressReleaseFactory(slug_fr="inconnu")
    assert client.get(release.get_absolute_url("fr")).status_code == 200


def test_without_page_cache_pages_keep_their_cdn_headers(client, settings, release):
    """With page caching off (as with dummy://), every visit renders, with the same headers."""
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    cache.clear()
    first, _ = get(client, "/fr/")
    second, queries = get(client, "/fr/")
    assert queries > 0
    assert "must-revalidate" in second["Cache-Control"]
    assert client.get("/fr/", headers={"if-none-match": first["ETag"]}).status_code == 304


@pytest.mark.parametrize(
    "path", ["/fr/", "/en/news/", "/fr/actualites/rss/", "/sitemap.xml", "/robots.txt"]
)
def test_a_cached_page_has_the_headers_of_a_rendered_one(client, page_cache, release, path):
    """Answered before the middleware a cached page does not need, a page from the cache
    carries exactly the headers it had when rendered: security, CSP, ETag, language…"""
    rendered, _queries = get(client, path)
    cached, queries = get(client, path)
    assert queries == 0
    assert dict(cached.headers) == dict(rendered.headers)
    assert cached.content == rendered.content


def test_a_page_asked_under_another_host_name_is_another_page(client, page_cache, release):
    """A request under another allowed name (another port, say) cannot put its links in
    the page every visitor gets."""
    client.get("/fr/", headers={"host": "localhost:6666"})
    page = client.get("/fr/").content.decode()
    assert "localhost:6666" not in page


def test_a_hit_reads_the_page_from_the_workers_memory(client, page_cache, release):
    """A page this worker served under the current version costs one read of the shared
    cache: the version."""
    from contextlib import ExitStack
    from unittest import mock

    from django.core.cache import caches

    client.get("/en/news/")
    shared = caches["default"]
    # Redis reads the version on a connection of its own (get_small).
    methods = [name for name in ("get", "get_many", "get_small") if hasattr(shared, name)]
    with ExitStack() as stack:
        reads = [stack.enter_context(mock.patch.object(shared, name, wraps=getattr(shared, name)))
                 for name in methods]  # fmt: skip
        assert client.get("/en/news/").status_code == 200
    keys = [call.args[0] for read in reads for call in read.call_args_list]
    assert keys == ["newsroom:content-version"]


def test_the_redis_cache_keeps_one_client_per_pool():
    """Django builds a redis.Redis per call; ours keeps one, and it works as before."""
    require_redis()
    from core.cache import ResilientRedisCache

    shared = ResilientRedisCache("redis://127.0.0.1:6379/14", {"KEY_PREFIX": f"t{os.getpid()}"})
    assert shared._cache.get_client() is shared._cache.get_client(write=True)
    shared.set("greeting", "bonjour")
    assert shared.get("greeting") == "bonjour"
    shared.delete("greeting")


def test_the_content_version_is_read_on_a_connection_of_the_process(caplog):
    """get_small reads what set() stored; a connection Redis closed (an idle timeout, a
    restart) is opened again at once, without taking Redis for unreachable."""
    import logging

    import redis

    require_redis()
    from core.cache import ResilientRedisCache

    shared = ResilientRedisCache("redis://127.0.0.1:6379/14", {"KEY_PREFIX": f"k{os.getpid()}"})
    shared.set("version", "3f2a")
    shared.set("count", 7)
    assert shared.get_small("version") == "3f2a"
    assert shared.get_small("count") == 7
    assert shared.get_small("missing", "default") == "default"
    kept = shared.kept_connection()
    assert shared.kept_connection() is kept
    caplog.set_level(logging.WARNING, logger="core.cache")
    killer = redis.Redis(host="127.0.0.1", port=6379)
    killer.execute_command("CLIENT", "KILL", "ADDR", address_of(kept))  # Redis closes it
    assert shared.get_small("version") == "3f2a"
    assert caplog.records == []
    shared.delete_many(["version", "count"])


def address_of(connection):
    """The client's end of a connection, as Redis names it."""
    host, port = connection._sock.getsockname()[:2]
    return f"{host}:{port}"


@pytest.fixture
def behind_https_proxy(settings):
    """Production's settings: one site address over HTTPS, plain HTTP redirected."""
    settings.NEWSROOM_SITE_URL = "https://presse.example.org"
    settings.ALLOWED_HOSTS = ["presse.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 31536000


HTTPS = {"host": "presse.example.org", "x-forwarded-proto": "https"}


def test_a_cached_page_over_https_keeps_its_security_headers(
    client, page_cache, behind_https_proxy, release
):
    """Security headers (HSTS included) are stored with the page: a hit has them all."""
    rendered = client.get("/en/news/", headers=HTTPS)
    with CaptureQueriesContext(connection) as queries:
        cached = client.get("/en/news/", headers=HTTPS)
    assert len(queries) == 0
    assert cached["Strict-Transport-Security"].startswith("max-age=31536000; includeSubDomains")
    assert cached["X-Content-Type-Options"] == "nosniff"
    assert dict(cached.headers) == dict(rendered.headers)


def test_plain_http_is_redirected_even_to_a_cached_page(
    client, page_cache, behind_https_proxy, release
):
    """The page cache answers after the HTTPS redirect: a page kept for HTTPS visitors
    is never served over plain HTTP."""
    assert client.get("/fr/actualites/", headers=HTTPS).status_code == 200
    assert client.get("/fr/actualites/", headers=HTTPS).status_code == 200  # cached
    response = client.get("/fr/actualites/", headers={"host": "presse.example.org"})
    assert response.status_code == 301
    assert response["Location"] == "https://presse.example.org/fr/actualites/"
