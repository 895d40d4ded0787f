"""Award badges: the Jinja2 macro `badge` (templates/jinja2/rankings/badge.html),
rendered once per award, size and language while the award and its ranking keep
their versions (a news page shows dozens of badges, the same awards on every list)."""

from django.template import engines
from django.utils.translation import get_language

# {(award id, award version, ranking version, language, size): the badge's HTML}.
# Versions are renewed on every save, so an edit is shown at once in every process.
RENDERED = {}
MAX_RENDERED = 4096  # forgotten all at once past this: old versions never come back


def award_badge(award, size="medium"):
    """The award's badge in the active language: drawn ("medium", "large"), or of one
    line ("compact", on cards)."""
    key = (award.pk, award.version, award.ranking.version, get_language(), size)
    badge = RENDERED.get(key)
    if badge is None:
        if len(RENDERED) >= MAX_RENDERED:
            RENDERED.clear()
        macros = engines["jinja2"].env.get_template("rankings/badge.html").module
        if size == "compact":
            badge = RENDERED[key] = macros.compact(award)
        else:
            badge = RENDERED[key] = macros.badge(award, size)
    return badge
