"""Award badges: the Jinja2 macro `badge` (templates/jinja2/rankings/badge.html),
rendered once per award, size and language while the award and its ranking keep
their versions (a news page shows dozens of badges, the same awards on every list)."""

from django.template import engines
from django.utils.translation import get_language

from core.models import KeptUnderVersions

# {(award id, award version, ranking version, language, size): the badge's HTML}.
# Versions are renewed on every save, so an edit is shown at once in every process.
RENDERED = KeptUnderVersions(limit=4096)


def award_badge(award, size="medium"):
    """The award's badge in the active language: drawn ("medium", "large"), or of one
    line ("compact", on cards)."""
    key = (award.pk, award.version, award.ranking.version, get_language(), size)
    badge = RENDERED.get(key)
    if badge is None:
        macros = engines["jinja2"].env.get_template("rankings/badge.html").module
        if size == "compact":
            badge = RENDERED.keep(key, macros.compact(award))
        else:
            badge = RENDERED.keep(key, macros.badge(award, size))
    return badge
