"""Rich text is cleaned on the server to the press-release allowlist, whatever the editor sent."""

import pytest

from core.richtext import clean_html
from tests.factories import PressReleaseFactory

PRESS_RELEASE_HTML = (
    '<h2>Titre</h2><p><strong>Gras</strong> <em>italique</em> <a href="https://example.org/"'
    ' title="Site">lien</a> <a href="mailto:presse@example.org">courriel</a></p>'
    "<ul><li>un</li></ul><ol><li>deux</li></ol><blockquote><p>« Citation »</p></blockquote>"
    '<table><caption>Notes</caption><thead><tr><th scope="col">Catégorie</th></tr></thead>'
    '<tbody><tr><td colspan="2">4</td></tr></tbody></table>'
    '<p lang="en">An English passage</p><hr><p>H<sub>2</sub>O, 1<sup>re</sup></p>'
)


def test_press_release_markup_survives():
    """Headings, emphasis, links, lists, quotes, tables and language marks are kept."""
    cleaned = clean_html(PRESS_RELEASE_HTML)
    for fragment in [
        "<h2>Titre</h2>",
        "<strong>Gras</strong>",
        'href="https://example.org/"',
        "<blockquote>",
        '<th scope="col">',
        '<td colspan="2">',
        '<p lang="en">',
        "<sub>2</sub>",
        "<sup>re</sup>",
        'href="mailto:presse@example.org"',
    ]:
        assert fragment in cleaned


@pytest.mark.parametrize(
    ("dirty", "clean"),
    [
        ("<p>a<script>alert(1)</script></p>", "<p>a</p>"),
        ('<p onclick="alert(1)">a</p>', "<p>a</p>"),
        ('<a href="javascript:alert(1)">a</a>', '<a rel="noopener noreferrer">a</a>'),
        ('<p style="color:red" class="x" id="y">a</p>', "<p>a</p>"),
        ('<iframe src="https://evil.example"></iframe><p>a</p>', "<p>a</p>"),
        ("<h1>a</h1>", "a"),
        ("<p><!-- note --></p><p>a</p>", "<p></p><p>a</p>"),
    ],
)
def test_dangerous_markup_is_removed(dirty, clean):
    """Scripts, handlers, styles, script URLs, frames and comments never reach a page."""
    assert clean_html(dirty) == clean


def test_cleaning_is_idempotent():
    """Cleaning clean HTML changes nothing."""
    once = clean_html(PRESS_RELEASE_HTML + '<a href="javascript:x">x</a><p onclick="y">z</p>')
    assert clean_html(once) == once


@pytest.mark.django_db
def test_model_save_cleans_every_language():
    """Saving a release cleans the body in French and English."""
    release = PressReleaseFactory(
        body_fr="<p>fr<script>x</script></p>", body_en='<p onmouseover="x">en</p>'
    )
    release.refresh_from_db()
    assert (release.body_fr, release.body_en) == ("<p>fr</p>", "<p>en</p>")
