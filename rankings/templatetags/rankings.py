from functools import lru_cache

from django import template
from django.utils import translation
from django.utils.html import format_html

register = template.Library()

DRAWN_BADGE = (
    '<span class="visually-hidden">{label}</span>'
    '<span class="award-badge__drawn" aria-hidden="true">'
    '<span class="award-badge__headline{long}">{headline}</span>'
    '<span class="award-badge__detail">{detail}</span>'
    "{category}"
    '<span class="award-badge__edition">{edition}</span>'
    "</span>"
)


@register.simple_tag
def award_badge(award, size="medium"):
    """An award as a badge linking to its ranking's methodology, as publishers ask.

    The badge is the award's own image (its label as alternative text) or one drawn
    from its data, whose full label screen readers read. Built here rather than in an
    included template: a news page shows dozens of badges.
    """
    # Kept on the award instance: a list shows an award on each release it crowns, and
    # an award kept for badges (Award.objects.for_badges) is the same row version.
    shown = award.__dict__.setdefault("_badges", {})
    key = (size, translation.get_language())
    if key not in shown:
        label, parts = award.badge_texts()
        image_url = award.badge_image.url if award.badge_image else ""
        shown[key] = badge_html(size, label, image_url, award.ranking.badge_link(), **parts)
    return shown[key]


@lru_cache(maxsize=2048)
def badge_html(size, label, image_url, href, *, headline, detail, category, edition):
    """The badge's markup from what it shows: pure, so kept per process (an award
    is shown again and again, on every list its releases appear in)."""
    if image_url:
        inside = format_html(
            '<img class="award-badge__image" src="{}" alt="{}" loading="lazy">', image_url, label
        )
    else:
        inside = format_html(
            DRAWN_BADGE,
            label=label,
            long=" award-badge__headline--long" if len(headline) > 4 else "",
            headline=headline,
            detail=detail,
            category=format_html('<span class="award-badge__category">{}</span>', category)
            if category
            else "",
            edition=edition,
        )
    if href:
        return format_html(
            '<a class="award-badge award-badge--{}" href="{}" rel="noopener">{}</a>',
            size, href, inside,
        )  # fmt: skip
    return format_html('<span class="award-badge award-badge--{}">{}</span>', size, inside)
