"""Public pages in a real browser: nothing leaks sideways, hidden text stays hidden."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = ["/fr/", "/en/", "/fr/actualites/", "/en/rankings/", "/fr/contacts-presse/",
         "/en/search/?q=ranking"]  # fmt: skip


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)


@pytest.mark.parametrize("width", [320, 375])
@pytest.mark.parametrize("path", PAGES)
def test_no_horizontal_scroll_on_a_phone(page, demo, path, width):
    """At 320 and 375 px wide, no page scrolls sideways."""
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(path)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.csp_violations == []
    assert page.outside_requests == []


def test_badge_labels_are_for_screen_readers_only(page, demo):
    """A drawn badge's full label is in the page but takes no room on screen."""
    page.goto("/en/")
    label = page.locator(".award-badge .visually-hidden").first
    assert "U-Multirank" in label.text_content() or "THE Impact" in label.text_content()
    box = label.bounding_box()
    assert box["width"] <= 1 and box["height"] <= 1


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", ["/fr/", "/fr/actualites/", "/en/rankings/u-multirank/"])
def test_card_pictures_are_never_stretched_past_the_rendition_chosen(page, demo, path, width):
    """Each card's `sizes` matches the layout: the browser picks a rendition at least as
    wide as the picture shows (or the widest there is, 800 px)."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(path)
    pictures = page.locator(".release-card picture img")
    assert pictures.count()
    for index in range(pictures.count()):
        picture = pictures.nth(index)
        picture.scroll_into_view_if_needed()
        picture.evaluate("img => img.decode()")
        shown, chosen = picture.evaluate("img => [img.clientWidth, img.naturalWidth]")
        assert chosen >= min(shown, 800), (path, width, index, shown, chosen)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_key_figures_take_at_most_a_screen_on_a_phone(page, demo, language):
    """However many awards a release announces, its key figures fit a 375 × 667 screen,
    after the standfirst, and the page does not scroll sideways."""
    from newsroom.models import PressRelease
    from tests.factories import AwardFactory, RankingFactory

    release = PressRelease.objects.filter(slug_fr__contains="u-multirank-2021").get()
    ranking = RankingFactory()
    release.awards.add(
        *(AwardFactory(ranking=ranking, rank=n, year=2000 + n) for n in range(1, 25))
    )
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(release.get_absolute_url(language))
    box = page.locator(".key-figures").bounding_box()
    standfirst = page.locator(".release__standfirst").bounding_box()
    assert box["height"] <= 667
    assert box["y"] >= standfirst["y"] + standfirst["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_print_rules_win_over_the_screens(page, demo):
    """On paper the "About" boxes lose their grey rounded background, and the key figures
    print as a plain framed list."""
    page.goto(
        "/fr/actualites/imt-mines-ales-1re-en-france-enseignement-apprentissage-u-multirank-2021/"
    )
    page.emulate_media(media="print")
    about = page.locator(".release__about").first
    assert about.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"
    assert about.evaluate("e => getComputedStyle(e).borderTopLeftRadius") == "0px"
    figures = page.locator(".key-figures")
    assert figures.evaluate("e => getComputedStyle(e).backgroundColor") == "rgba(0, 0, 0, 0)"


@pytest.mark.parametrize("path", ["/fr/", "/en/"])
def test_the_phone_header_is_short_and_shows_the_whole_menu(page, demo, path):
    """At 375 px the header takes at most 120 px, and every menu item is on screen."""
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto(path)
    assert page.locator(".site-header").bounding_box()["height"] <= 120
    items = page.locator(".site-nav a")
    assert items.count() == 4
    for index in range(items.count()):
        box = items.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375


@pytest.mark.parametrize("width", [375, 1280])
def test_card_badges_read_at_14px_on_one_line(page, demo, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto("/fr/actualites/?page=2")
    chips = page.locator(".award-chip")
    assert chips.count()
    for index in range(chips.count()):
        chip = chips.nth(index)
        sizes = chip.evaluate(
            "chip => [chip, ...chip.querySelectorAll('*')]"
            ".map(element => parseFloat(getComputedStyle(element).fontSize))"
        )
        assert min(sizes) >= 14
        assert chip.bounding_box()["height"] < 2 * 14 * 1.3 + 4  # a single line
    assert page.evaluate("document.documentElement.scrollWidth") <= width


# Every kind of public page, in both languages.
EVERY_PAGE = [
    "/fr/", "/en/", "/fr/actualites/", "/en/news/?page=2", "/fr/actualites/2021/",
    "/fr/actualites/imt-mines-ales-1re-en-france-enseignement-apprentissage-u-multirank-2021/",
    "/en/news/imt-mines-ales-first-in-france-teaching-learning-u-multirank-2021/",
    "/fr/classements/", "/en/rankings/u-multirank/", "/fr/contacts-presse/",
    "/en/search/?q=ranking", "/fr/alertes/", "/en/accessibility/", "/fr/plan-du-site/",
]  # fmt: skip
# Text an eye can see (not the screen readers' labels, 1 px wide) smaller than 12 px.
SMALL_TEXT = """() => [...document.body.querySelectorAll('*')].filter(element => {
  const own = [...element.childNodes].some(node => node.nodeType === 3 && node.data.trim());
  const box = element.getBoundingClientRect();
  return own && box.width > 1 && box.height > 1
    && getComputedStyle(element).visibility !== 'hidden'
    && parseFloat(getComputedStyle(element).fontSize) < 12;
}).map(element => `${element.tagName}.${element.className}: ${element.textContent.trim()}`)"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [320, 375, 768, 1280])
def test_every_page_fits_its_screen_with_text_of_12px_at_least(page, demo, width, scheme):
    """At phone, tablet and desktop widths, in both colour schemes and languages, no
    page scrolls sideways and no text shows under 12 px."""
    page.emulate_media(color_scheme=scheme)
    page.set_viewport_size({"width": width, "height": 900})
    for path in EVERY_PAGE:
        response = page.goto(path)
        assert response.status == 200, path
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        assert page.evaluate(SMALL_TEXT) == [], path
    assert page.csp_violations == []
    assert page.outside_requests == []


def test_the_home_pages_medals_go_two_a_row_on_a_phone(page, demo):
    """At 375 px the home page's awards take two medals a row, not a screen for three."""
    page.set_viewport_size({"width": 375, "height": 667})
    page.goto("/fr/")
    page.evaluate("document.fonts.ready")  # measured as laid out with its own fonts
    medals = page.locator(".awards-highlight .award-badge")
    assert medals.count() >= 4
    first, second = medals.nth(0).bounding_box(), medals.nth(1).bounding_box()
    assert second["y"] == first["y"] and second["x"] > first["x"]
    assert page.locator(".awards-highlight").bounding_box()["height"] < 667
