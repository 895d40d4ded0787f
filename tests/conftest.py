import pytest
from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import translation

from tests.factories import ContactFactory, PressReleaseFactory, ReleaseContactFactory
from tests.migrating import migrate


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """SQLite's test database lives in memory, shared by the live server's threads
    through a shared cache, where waiting for a lock is not possible: transactions
    begin as SQLite's default there. A file database keeps the settings' write locks
    taken at BEGIN (tests/reliability runs real servers on one)."""
    from django.db import connections

    settings_dict = connections["default"].settings_dict
    if settings_dict["ENGINE"] == "django.db.backends.sqlite3":
        settings_dict["OPTIONS"] = {
            name: value
            for name, value in settings_dict["OPTIONS"].items()
            if name != "transaction_mode"
        }


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a throw-away folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def plain_static_files(settings):
    """Tests serve static files from the source tree, without a collectstatic run."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (pages and rendition sizes are cached)."""
    cache.clear()


@pytest.fixture
def no_page_cache(settings):
    """Every request renders its page: what is measured or kept is the page's and the
    process's, not the cache's."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.fixture(autouse=True)
def fresh_process_memory():
    """Each test starts as a new process would, with no institution, card or feed item
    kept from another test: reading it again would add a query to the test's own counts."""
    from core.models import KEPT_INSTITUTION
    from newsroom.feeds import KEPT_ITEMS
    from newsroom.rendered import KEPT_CARDS

    KEPT_INSTITUTION.clear()
    KEPT_CARDS.clear()
    KEPT_ITEMS.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in French, the site's default language."""
    with translation.override("fr"):
        yield


@pytest.fixture
def release(db):
    return PressReleaseFactory()


@pytest.fixture
def french_only_release(db):
    return PressReleaseFactory(french_only=True)


@pytest.fixture
def contact(db):
    return ContactFactory()


@pytest.fixture
def release_with_contacts(db):
    release = PressReleaseFactory(with_image=True)
    ReleaseContactFactory(release=release, position=2, contact__name_fr="Zoé Second")
    ReleaseContactFactory(release=release, position=1, contact__name_fr="Alix Premier")
    return release


@pytest.fixture
def staff_client(db, django_user_model):
    """A client signed in as an editor with every newsroom permission."""
    user = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(content_type__app_label="newsroom"))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def superuser_client(db, django_user_model):
    """A client signed in as a superuser."""
    client = Client()
    client.force_login(django_user_model.objects.create_superuser("boss", password="x"))
    return client


@pytest.fixture
def latest_schema_after():
    """For migration tests: later migrations come after the tested ones, and each test
    leaves the schema the code expects."""
    yield
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
