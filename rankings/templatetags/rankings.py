from django import template

register = template.Library()


@register.inclusion_tag("rankings/includes/badge.html")
def award_badge(award, size="medium", link=None):
    """An award as a badge: its official image, or one drawn from its data.

    The badge links to the ranking's methodology (as publishers ask) unless `link`
    names another address; screen readers read its full label.
    """
    return {
        "award": award,
        "label": award.display_label(),
        "parts": None if award.badge_image else award.badge(),
        "href": link or award.ranking.badge_link(),
        "size": size,
    }
