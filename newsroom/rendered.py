"""Release cards, rendered once per process while what they show is unchanged.

A card shows its release's row, its hero picture, its awards and their rankings: each
is `core.models.Versioned`, its version renewed on every save, and read with the
release anyway (`for_listing()`, `attach_awards`). A card is kept under those versions,
with the language and the site's address prefix, so an edit shows at once in every
process, as a change of version, and nothing else is asked of the database.
Rendering the cards was a sixth of a list page's work (docs/architecture.md, Caches).
"""

from django.template import engines
from django.urls import get_script_prefix
from django.utils.translation import get_language

from core.models import KeptUnderVersions
from core.renditions import picture_data

# {(release id and version, hero id and version, awards' versions, language, the card's
# arguments, address prefix): the card's HTML}
KEPT_CARDS = KeptUnderVersions(limit=4096)


def shown_versions(release):
    """The versions of all a card shows: the release, its hero picture (while it may
    be shown) and its awards with their rankings. A feed's item shows the same, and
    its enclosed picture (newsroom.feeds)."""
    hero = release.hero_picture
    return (
        release.pk,
        release.version,
        (hero.pk, hero.version) if hero else None,
        tuple((award.pk, award.version, award.ranking.version) for award in release.shown_awards),
    )


def release_card(release, language, sizes, heading_level=2, lead=False):
    """The macro `release_card` of newsroom/release_card.html, kept (see above)."""
    arguments = (language, sizes, heading_level, lead)
    key = (*shown_versions(release), get_language(), *arguments, get_script_prefix())
    card = KEPT_CARDS.get(key)
    if card is None:
        macros = engines["jinja2"].env.get_template("newsroom/release_card.html").module
        card = macros.release_card(release, *arguments)
        if has_its_picture(release, lead):
            KEPT_CARDS.keep(key, card)
    return card


def has_its_picture(release, lead):
    """False when the hero picture's renditions could not be made (a full disk, say):
    that card is rendered again next time, as it would be without this memo."""
    hero = release.hero_picture
    return hero is None or picture_data(hero.picture, "detail" if lead else "card") is not None
