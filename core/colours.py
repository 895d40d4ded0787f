"""Colours as WCAG 2 measures them: the contrast between two, and the institution's
colour adjusted for the dark scheme."""

PAPER = {"light": "#ffffff", "dark": "#15171b"}  # static/css/site.css's --paper
INK = {"light": "#1d1f24", "dark": "#0b1a21"}
MINIMUM_CONTRAST = 4.5  # WCAG AA for body text


def channels(colour):
    colour = colour.lstrip("#")
    return [int(colour[index : index + 2], 16) for index in (0, 2, 4)]


def luminance(colour):
    def linear(channel):
        value = channel / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in channels(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    """The WCAG contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(colour, other, share):
    """`colour` with `share` (0 to 1) of `other` mixed in."""
    mixed = (
        round(a + (b - a) * share) for a, b in zip(channels(colour), channels(other), strict=True)
    )
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def ink_on(colour):
    """White or dark text, whichever reads better on `colour`."""
    return max(("#ffffff", INK["dark"]), key=lambda ink: contrast(ink, colour))


def for_dark_scheme(colour, target=7.0):
    """`colour` lightened until links in it read on the dark page."""
    share = 0.0
    while share < 1 and contrast(mix(colour, "#ffffff", share), PAPER["dark"]) < target:
        share += 0.05
    return mix(colour, "#ffffff", min(share, 1))
