"""Four editors saving through the admin at once, on a server of several processes: no
save fails, and every save is either stored (with its revision) or refused with the
conflict message, its text kept in the form."""

import json
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsroom.benchmarks.client import Browser
from tests.reliability.server import gunicorn, manage, own_database, server_environment

pytestmark = pytest.mark.slow

EDITORS = 4
SAVES = 50
PASSWORD = "concurrent-editors-password"
# The conflict message, in French (the admin's default language).
CONFLICT = "après que vous l’avez ouvert. Rien n’a été enregistré"

SETUP = f"""
from django.contrib.auth.models import User
from newsroom.models import PressRelease
for n in range({EDITORS}):
    User.objects.create_superuser(f"editor{{n}}", password="{PASSWORD}")
    PressRelease.objects.create(
        title_fr=f"Communiqué {{n}}", slug_fr=f"communique-{{n}}", body_fr="<p>Texte.</p>",
        ready_fr=True, dateline="Alès",
    )
print(list(PressRelease.objects.order_by("pk").values_list("pk", flat=True)))
"""
STORED = """
import json
from reversion.models import Version
from newsroom.models import PressRelease
print(json.dumps({str(release.pk): [release.title_fr,
                                    Version.objects.get_for_object(release).count()]
                  for release in PressRelease.objects.all()}))
"""


def save_repeatedly(base, editor, release_id):
    """One editor opening the release's form and saving it, SAVES times."""
    browser = Browser(base)
    browser.sign_in(editor, PASSWORD)
    path = f"/admin/newsroom/pressrelease/{release_id}/change/"
    outcomes, saved_titles = Counter(), []
    for number in range(SAVES):
        data = browser.form(path)
        title = f"Communiqué {release_id}, {editor}, enregistrement {number}"
        status, html = browser.request(path, {**data, "title_fr": title})
        if status == 302:
            outcomes["saved"] += 1
            saved_titles.append(title)
        elif status == 200 and CONFLICT in html and title in html:
            outcomes["refused as a conflict"] += 1
        else:
            outcomes[f"answered {status}"] += 1
    return outcomes, saved_titles


@pytest.fixture
def server(tmp_path):
    with own_database(tmp_path) as database_url:
        environment = server_environment(database_url, tmp_path / "media")
        manage(environment, "migrate", "--no-input", "-v", "0")
        release_ids = json.loads(manage(environment, "shell", "-v", "0", code=SETUP))
        with gunicorn(environment, workers=EDITORS) as base:
            yield base, release_ids, environment


@pytest.mark.parametrize("same_release", [False, True], ids=["own releases", "one release"])
def test_editors_saving_at_once_lose_nothing(server, same_release):
    """4 editors × 50 saves: no error; each save stored, or refused as a conflict."""
    base, release_ids, environment = server
    targets = [release_ids[0]] * EDITORS if same_release else release_ids
    with ThreadPoolExecutor(EDITORS) as pool:
        results = list(pool.map(save_repeatedly, [base] * EDITORS,
                                [f"editor{n}" for n in range(EDITORS)], targets))  # fmt: skip
    outcomes = sum((counts for counts, _titles in results), Counter())
    assert set(outcomes) <= {"saved", "refused as a conflict"}, outcomes
    assert sum(outcomes.values()) == EDITORS * SAVES
    stored = json.loads(manage(environment, "shell", "-v", "0", code=STORED))
    saved_titles = [title for _counts, titles in results for title in titles]
    for release_id in set(targets):
        title, revisions = stored[str(release_id)]
        # The last save stands, and each stored save left its revision: none was lost.
        assert title in saved_titles
        assert revisions == sum(
            1 for saved in saved_titles if saved.startswith(f"Communiqué {release_id},")
        )
    if not same_release:
        assert outcomes["saved"] == EDITORS * SAVES
