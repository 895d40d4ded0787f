"""`manage.py load_demo` gives a realistic newsroom, and running it twice changes nothing."""

import pytest
from django.core.management import call_command

from newsroom.models import Contact, PressRelease

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def reference():
    return PressRelease.objects.get(slug_fr__contains="u-multirank-2021")


def test_load_demo_is_idempotent(demo):
    """A second run adds and changes nothing."""
    before = list(PressRelease.objects.values_list("pk", "updated_at").order_by("pk"))
    contacts = Contact.objects.count()
    call_command("load_demo", verbosity=0)
    assert list(PressRelease.objects.values_list("pk", "updated_at").order_by("pk")) == before
    assert Contact.objects.count() == contacts


def test_demo_has_the_reference_release_in_both_languages(demo):
    """The U-Multirank 2021 release is public in French and English, dated Alès, 22 Sept 2021."""
    release = reference()
    assert release.complete_languages() == ["fr", "en"]
    assert release.formatted_dateline("fr") == "Alès, le 22 septembre 2021"
    assert release.formatted_dateline("en") == "Alès, 22 September 2021"
    assert PressRelease.objects.public("en").filter(pk=release.pk).exists()


@pytest.mark.parametrize(
    "fact",
    [
        "1&nbsp;800",  # institutions assessed (the sanitiser writes no-break spaces as &nbsp;)
        "96 pays",
        "Erasmus+",
        "deuxième année consécutive",
        "dix reprises",
        "4 fois",
        "3 fois",
        "2 fois",
        "1 fois",
        "ex aequo avec quatre autres écoles",
        "top 400 mondial",
        "top 10",
        "Pierre Perdiguier",
        "Eric Vivien",
        "<blockquote>",
        "<ul>",
        "https://www.umultirank.org/",
        "ancrage régional",
        "À propos d’U-Multirank",
        # Its key figures:
        "U-Multirank 2021</a></h3>",
        "1re en France ex aequo — Enseignement et apprentissage",
        "10 notes « très bien » : 4 enseignement et apprentissage, 3 transfert technologique, "
        "2 recherche, 1 ouverture internationale",
        "THE Impact Rankings 2021</a></h3>",
        "Top 400 au niveau mondial",
    ],
)
def test_reference_release_carries_the_facts_of_the_seed(client, demo, fact):
    """Every fact of the seed press release is on the French page."""
    assert fact in page_text(client, reference().get_absolute_url("fr"))


@pytest.mark.parametrize(
    "fact",
    [
        "1,800",
        "96 countries",
        "second year running",
        "ten times",
        "tied with four other",
        "top 400",
        "top 10",
        "Pierre Perdiguier",
        "Eric Vivien",
        "<blockquote>",
        "regional engagement",
        "About U-Multirank",
        "Joint 1st in France — Teaching and learning",
        "10 “very good” grades: 4 teaching and learning, 3 knowledge transfer, 2 research, "
        "1 international orientation",
        "Top 10 in France",
    ],
)
def test_reference_release_carries_the_facts_in_english(client, demo, fact):
    """The English page carries the same facts."""
    assert fact in page_text(client, reference().get_absolute_url("en"))


def page_text(client, path):
    """The page's HTML with no-break spaces and word joiners read as plain spaces."""
    html = client.get(path).content.decode()
    return html.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2060", "")


def test_reference_release_has_its_press_contact(demo):
    """The seed's contact is attached to the release."""
    contacts = [link.contact for link in reference().release_contacts.all()]
    assert [c.email for c in contacts] == ["pierre.perdiguier@mines-ales.fr"]


def test_demo_has_variety(demo):
    """Thirty more releases over several years, French-only ones, a draft, a scheduled one."""
    assert PressRelease.objects.count() >= 31
    assert len(PressRelease.objects.dates("published_at", "year")) >= 5
    public_fr = PressRelease.objects.public("fr").count()
    public_en = PressRelease.objects.public("en").count()
    assert public_fr > public_en  # some releases are French-only
    assert PressRelease.objects.filter(status=PressRelease.Status.DRAFT).exists()
    assert (
        PressRelease.objects.exclude(pk__in=PressRelease.objects.public("fr"))
        .filter(status=PressRelease.Status.PUBLISHED)
        .exists()
    )  # the scheduled one
    assert PressRelease.objects.exclude(hero=None).count() >= 3


def test_demo_pages_render(client, demo):
    """The demo newsroom's pages all answer in both languages."""
    release = reference()
    for path in [
        "/fr/",
        "/en/",
        "/fr/actualites/",
        "/en/news/?page=2",
        release.get_absolute_url("fr"),
        release.get_absolute_url("en"),
    ]:
        assert client.get(path).status_code == 200, path


def test_demo_shows_the_workflow(client, demo):
    """A release in review with an outdated English, and an embargoed one with a link."""
    in_review = PressRelease.objects.get(status=PressRelease.Status.IN_REVIEW)
    assert in_review.translation_state() == {"en": "outdated"}
    assert in_review in PressRelease.objects.needing_translation()
    embargoed = PressRelease.objects.get(embargo_until__isnull=False)
    assert embargoed.is_under_embargo()
    assert not PressRelease.objects.public("fr").filter(pk=embargoed.pk).exists()
    link = embargoed.embargo_links.get()
    response = client.get(link.reading_path())
    assert response.status_code == 200
    assert embargoed.title_fr in response.content.decode()


def test_demo_content_has_a_first_revision(db):
    """What the demo creates can be compared with and restored later, awards included."""
    from reversion.models import Version

    from rankings.models import Award, Ranking

    call_command("load_demo", verbosity=0)
    for model in (PressRelease, Award, Ranking):
        for item in model.objects.all():
            assert Version.objects.get_for_object(item).exists(), item
