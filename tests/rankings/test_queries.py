"""List pages keep a constant number of SQL queries as releases and awards grow."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import AwardFactory, ContactFactory, PressReleaseFactory, RankingFactory

pytestmark = pytest.mark.django_db

PAGES = ["/fr/", "/en/news/", "/fr/actualites/", "/en/rankings/", "/fr/classements/",
         "/en/news/rss/", "/fr/actualites/atom/"]  # fmt: skip


def make_releases(count):
    rankings = [RankingFactory() for _ in range(2)]
    contact = ContactFactory()
    for n in range(count):
        release = PressReleaseFactory(with_image=n % 3 == 0)
        release.contacts.add(contact)
        release.awards.add(
            *(AwardFactory(ranking=rankings[i % 2], rank=i + 1, year=2015 + n % 8)
              for i in range(3))
        )  # fmt: skip


def queries_for(client, path):
    with CaptureQueriesContext(connection) as context:
        assert client.get(path).status_code == 200
    return len(context.captured_queries)


@pytest.mark.parametrize("path", PAGES)
def test_query_count_does_not_grow_with_content(client, path, django_assert_max_num_queries):
    """5 or 50 releases with three awards each: the same number of queries."""
    make_releases(5)
    few = queries_for(client, path)
    make_releases(45)
    with django_assert_max_num_queries(few):
        client.get(path)


def test_release_detail_query_count_is_fixed(client, django_assert_max_num_queries):
    """A release page with many awards and contacts stays within a small budget."""
    make_releases(3)
    release = PressReleaseFactory()
    release.awards.add(*(AwardFactory(rank=n + 1) for n in range(10)))
    release.contacts.add(*(ContactFactory() for _ in range(5)))
    client.get("/fr/")  # the institution is read once, then kept: its version only after
    with django_assert_max_num_queries(6):
        client.get(release.get_absolute_url("fr"))
