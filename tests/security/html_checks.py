"""Find anything in HTML or a feed that could run script in a reader's browser."""

import html
import json
import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

FORBIDDEN_TAGS = {
    "script", "iframe", "object", "embed", "svg", "math", "form", "style", "base", "frame",
    "frameset", "applet", "input", "button", "textarea", "select", "template", "link",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "srcset", "xlink:href", "ping"}
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
# How a browser reads a URL's scheme (WHATWG URL): leading controls and spaces are
# skipped, tabs and newlines anywhere are removed, then ASCII letters up to ":".
LEADING = re.compile(r"^[\x00-\x20]+")
TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)


def url_scheme(value):
    url = TAB_OR_NEWLINE.sub("", LEADING.sub("", html.unescape(value)))
    match = SCHEME.match(url)
    return match.group(1).lower() if match else None


class ScriptFinder(HTMLParser):
    def __init__(self, allowed_tags=()):
        super().__init__(convert_charrefs=True)
        self.allowed_tags = set(allowed_tags)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in FORBIDDEN_TAGS and tag not in self.allowed_tags:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=…>")
            if name == "style":
                self.problems.append(f"<{tag} style=…>")
            if name in URL_ATTRIBUTES and url_scheme(value) not in {None, *SAFE_SCHEMES}:
                self.problems.append(f"<{tag} {name}={value!r}>")
            if tag == "meta" and name == "http-equiv":
                self.problems.append("<meta http-equiv>")

    handle_startendtag = handle_starttag


def script_risks(markup, allowed_tags=()):
    """Everything in `markup` that could run script: tags, handlers, URL schemes."""
    finder = ScriptFinder(allowed_tags)
    finder.feed(markup)
    finder.close()
    return finder.problems


JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def page_risks(page):
    """Risks in a public page.

    Its head may hold our own <link> elements and JSON-LD blocks; a JSON-LD block
    must be valid JSON with no "<" left unescaped (nothing can close the element).
    """
    risks = []
    for block in JSON_LD.findall(page):
        if "<" in block:
            risks.append("unescaped < in JSON-LD")
        try:
            json.loads(block)
        except ValueError:
            risks.append("JSON-LD is not valid JSON")
    page = JSON_LD.sub("", page)
    head, _, body = page.partition("</head>")
    return risks + script_risks(head, allowed_tags={"link"}) + script_risks(body)


ATOM = "{http://www.w3.org/2005/Atom}"


def feed_risks(xml_text):
    """Risks in every element of an RSS or Atom feed that a reader may render as HTML.

    In RSS that is titles, descriptions and content:encoded; in Atom, elements
    whose type is html.
    """
    root = ElementTree.fromstring(xml_text)
    risks = []
    for element in root.iter():
        if not element.text:
            continue
        if element.tag.startswith(ATOM):
            rendered_as_html = element.get("type") == "html"
        else:
            rendered_as_html = element.tag.rsplit("}", 1)[-1] in {"title", "description", "encoded"}
        if rendered_as_html:
            risks += script_risks(element.text)
    return risks
