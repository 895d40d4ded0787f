"""French typography for the text the site writes and composes.

French puts a no-break space before a colon, a narrow one before ; ! ? and inside
« guillemets », and elides "de" and "que" before a vowel: "À propos d’IMT Mines Alès",
whatever name the settings give. English text is left as it is.
"""

import re

from django.utils.translation import get_language

NO_BREAK_SPACE, NARROW_NO_BREAK_SPACE = "\u00a0", "\u202f"

VOWELS = "AEIOUÀÂÉÈÊËÎÏÔÙÛaeiouàâéèêëîïôùû"  # not H nor Y: "de Hugo", "de Yale"
ELIDED = re.compile(rf"\b(d|D|qu|Qu)e (?=[{VOWELS}])")
SPACES = [
    (re.compile(r"\s+:(?=\s|$)"), f"{NO_BREAK_SPACE}:"),
    (re.compile(r"\s+([;!?])(?=\s|$|[»)])"), f"{NARROW_NO_BREAK_SPACE}\\1"),
    (re.compile(r"«\s+"), f"«{NARROW_NO_BREAK_SPACE}"),
    (re.compile(r"\s+»"), f"{NARROW_NO_BREAK_SPACE}»"),
]


def typeset(text, language=None):
    """`text` set by French rules when the language is French; as it is otherwise."""
    if not text or (language or get_language() or "")[:2] != "fr":
        return text
    result = ELIDED.sub("\\1’", text)
    for pattern, replacement in SPACES:
        result = pattern.sub(replacement, result)
    # Only spaces and an apostrophe change: text that was safe HTML (Django's or
    # Jinja's Markup) stays safe, of its own kind.
    return type(text)(result) if hasattr(text, "__html__") else result


TAG = re.compile(r"(<[^>]*>)")


def french_spacing(text):
    """The no-break spaces of French in text an editor wrote, plain or HTML (tags and
    their attributes are left alone). Their words are theirs: nothing is elided."""
    parts = TAG.split(text)
    for index in range(0, len(parts), 2):  # the text between tags
        for pattern, replacement in SPACES:
            parts[index] = pattern.sub(replacement, parts[index])
    return "".join(parts)


def sentence(message, **names):
    """A translated `message` with its %(placeholders)s filled, set by French rules."""
    return typeset(message % names)
