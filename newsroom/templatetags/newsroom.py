import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}

OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """The URL with scheme and host, as social networks and search engines need it."""
    return context["request"].build_absolute_uri(url)


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


@register.inclusion_tag("includes/picture.html")
def picture(image_field, alt, use="card", sizes="100vw", lazy=True):
    """A <picture> with WebP and JPEG/PNG renditions at the widths `use` needs."""
    from newsroom.renditions import picture_data

    return {
        "data": picture_data(image_field, use),
        "alt": alt,
        "sizes": sizes,
        "lazy": lazy,
        "css_class": f"picture--{use}",
    }
