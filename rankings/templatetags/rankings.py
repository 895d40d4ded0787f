from django import template
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
    label, parts = award.badge_texts()
    if award.badge_image:
        inside = format_html(
            '<img class="award-badge__image" src="{}" alt="{}" loading="lazy">',
            award.badge_image.url,
            label,
        )
    else:
        category = parts["category"]
        inside = format_html(
            DRAWN_BADGE,
            label=label,
            long=" award-badge__headline--long" if len(parts["headline"]) > 4 else "",
            headline=parts["headline"],
            detail=parts["detail"],
            category=format_html('<span class="award-badge__category">{}</span>', category)
            if category
            else "",
            edition=parts["edition"],
        )
    href = award.ranking.badge_link()
    if href:
        return format_html(
            '<a class="award-badge award-badge--{}" href="{}" rel="noopener">{}</a>',
            size, href, inside,
        )  # fmt: skip
    return format_html('<span class="award-badge award-badge--{}">{}</span>', size, inside)
