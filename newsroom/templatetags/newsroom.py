import json
from functools import lru_cache

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import formats, timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from markupsafe import Markup, escape

from newsroom.renditions import picture_data
from rankings.templatetags.rankings import award_badge

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


@register.filter
def og_locale(language):
    return OG_LOCALES.get(language, language)


@register.filter
def json_ld(data):
    """Structured data as <script type="application/ld+json">, escaped like json_script."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        JSON_SCRIPT_ESCAPES
    )
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308


PICTURE = (
    '<picture class="picture--{use}">'
    '<source type="image/webp" srcset="{webp}" sizes="{sizes}">'
    '<img src="{src}" srcset="{fallback}" sizes="{sizes}" width="{width}" height="{height}" '
    'alt="{alt}"{loading}></picture>'
)
LAZY = ' loading="lazy" decoding="async"'
EAGER = ' fetchpriority="high"'

RELEASE_CARD = (
    '<article class="release-card">{picture}<div class="release-card__text">'
    '<p class="release-card__date"><time datetime="{iso_date}">{date}</time></p>'
    '<h{level} class="release-card__title"><a href="{url}">{title}</a></h{level}>'
    "{standfirst}{badges}</div></article>"
)
CARD_PICTURE_SIZES = "(min-width: 50rem) 22rem, 100vw"
STANDFIRST = '<p class="release-card__standfirst">{}</p>'
BADGE_LIST = '<ul class="badge-list badge-list--small" aria-label="{}">{}</ul>'


def fill(template, *args, **kwargs):
    """format_html with markupsafe's escaping (Jinja2's, in C), which respects safe
    strings: a list of cards fills a hundred fields."""
    return Markup(
        template.format(
            *map(escape, args), **{name: escape(value) for name, value in kwargs.items()}
        )
    )


@register.simple_tag
def picture(image_field, alt, use="card", sizes="100vw", lazy=True):
    """A <picture> with WebP and JPEG/PNG renditions at the widths `use` needs."""
    data = picture_data(image_field, use)
    if not data:
        return ""
    return format_html(
        PICTURE,
        use=use,
        sizes=sizes,
        alt=alt,
        loading=mark_safe(LAZY if lazy else EAGER),  # noqa: S308 (constants)
        **{key: data[key] for key in ("webp", "fallback", "src", "width", "height")},
    )


@lru_cache(maxsize=4096)
def day_in_words(language, day):
    """'22 septembre 2021': the date as the language writes it, once per process."""
    with translation.override(language):
        return formats.date_format(day, "DATE_FORMAT")


@register.simple_tag
def release_card(release, heading_level=2):
    """A release in a list: picture, date, title, standfirst and award badges.

    Built here rather than in an included template, like the badges: a news page
    shows a dozen cards, and an included template costs twice as much per card.
    Load releases with `PressRelease.objects.for_listing()`: what cards read, badges included.
    """
    language = translation.get_language()
    published = timezone.localtime(release.published_at)
    awards = release.shown_awards
    badges = ""
    if awards:
        items = "".join(f"<li>{award_badge(award, 'small')}</li>" for award in awards)
        badges = fill(BADGE_LIST, gettext("Rankings and awards"), Markup(items))
    # No fallback between languages (MODELTRANSLATION_FALLBACK_LANGUAGES): the
    # language's own columns, read directly rather than through the descriptors.
    standfirst = getattr(release, f"standfirst_{language}")
    return fill(
        RELEASE_CARD,
        picture=picture(
            release.hero_image,
            getattr(release, f"hero_image_alt_{language}") or "",
            "card",
            CARD_PICTURE_SIZES,
        ),
        iso_date=published.isoformat(),
        date=day_in_words(language, published.date()),
        level=int(heading_level),
        url=release.get_absolute_url(language),
        title=getattr(release, f"title_{language}") or "",
        standfirst=fill(STANDFIRST, standfirst) if standfirst else "",
        badges=badges,
    )
