"""A press release from a Word document: what its first paragraphs are (dateline,
title, standfirst) and its body as the site's rich text (core.documents reads the file).

An editor sees what was recognised before anything is saved: the document waits in the
media storage under `imports/` (never served), named by a signed token, until the
draft is created or the import cancelled.
"""

import base64
import re
import uuid
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.core import signing
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import slugify
from mammoth import documents as docx

from core import documents
from core.images import check_room, sanitise_image
from core.richtext import clean_html, save_editor_image

IMPORTS = "imports/"
TOKEN_SALT = "newsroom.imports"
KEPT_SECONDS = 24 * 3600  # how long a document waits for the editor's decision
MONTHS = {
    **{name: number for number, name in enumerate(
        ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
         "septembre", "octobre", "novembre", "décembre"], start=1)},
    **{name: number for number, name in enumerate(
        ["january", "february", "march", "april", "may", "june", "july", "august",
         "september", "october", "november", "december"], start=1)},
}  # fmt: skip
_MONTH = r"(?P<month>[^\W\d_]+)"
# "Alès, le 22 septembre 2021", "Alès, 1er octobre 2021", "Alès, 22 September 2021",
# "Alès, September 22, 2021".
DATELINE = re.compile(
    rf"(?P<place>[^\W\d_][^,\d]{{0,58}}),\s+(?:le\s+)?"
    rf"(?:(?P<day>\d{{1,2}})(?:er|re|st|nd|rd|th)?\s+{_MONTH}|{_MONTH.replace('month', 'month2')}"
    rf"\s+(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?,?)\s+(?P<year>\d{{4}})",
    re.IGNORECASE,
)
# After a dateline at the start of the text: a dash or a colon, then the text itself.
DATELINE_SEPARATOR = re.compile(r"\s*[–—:-]\s*")
STANDFIRST_STYLES = {"chapô", "chapo", "chapeau", "lead", "standfirst", "intro", "introduction",
                     "subtitle", "sous-titre", "chapeau de texte"}  # fmt: skip
TITLE_STYLES = {"title", "titre"}
HEADING = re.compile(r"^(heading|titre)\s*[12]$", re.IGNORECASE)


@dataclass
class ImportedRelease:
    title: str = ""
    standfirst: str = ""
    place: str = ""
    day: date | None = None
    body: str = ""
    left_out: list = field(default_factory=list)
    images: int = 0


def text_of(element):
    """The text of a paragraph (or any element), as written."""
    if isinstance(element, docx.Text):
        return element.value
    if isinstance(element, docx.Tab):
        return " "
    return "".join(text_of(child) for child in getattr(element, "children", []))


def holds_picture(element):
    return isinstance(element, docx.Image) or any(
        holds_picture(child) for child in getattr(element, "children", [])
    )


def runs_of(element):
    for child in getattr(element, "children", []):
        if isinstance(child, docx.Run):
            yield child
        else:
            yield from runs_of(child)


def all_bold(paragraph):
    """Every run holding text is bold (a standfirst a press officer set in bold)."""
    written = [run for run in runs_of(paragraph) if text_of(run).strip()]
    return bool(written) and all(run.is_bold for run in written)


def style(paragraph):
    return (paragraph.style_name or paragraph.style_id or "").strip().lower()


def dateline_in(text):
    """(place, date) when `text` starts with a dateline, with where it ends; else None."""
    match = DATELINE.match(text.strip())
    if not match:
        return None
    month = MONTHS.get((match["month"] or match["month2"]).lower())
    try:
        when = date(int(match["year"]), month or 0, int(match["day"] or match["day2"]))
    except (TypeError, ValueError):
        return None
    return match["place"].strip(), when, match.end()


class Recognition:
    """mammoth's document with its dateline, title and standfirst taken out (they have
    fields of their own), each kept here."""

    def __init__(self):
        self.found = ImportedRelease()

    def __call__(self, document):
        children = list(document.children)
        has_title_style = any(
            isinstance(child, docx.Paragraph) and style(child) in TITLE_STYLES
            for child in children[:12]
        )
        index = 0
        while index < len(children):
            child = children[index]
            if not isinstance(child, docx.Paragraph):
                break
            text = text_of(child).strip()
            if not text and not holds_picture(child):  # an empty line between them
                index += 1
                continue
            if not self.take(child, text, has_title_style):
                break
            index += 1
        body = children[index:]
        if body and not self.found.place and isinstance(body[0], docx.Paragraph):
            body[0] = self.dateline_before_text(body[0])
        return document.copy(children=body)

    def take(self, paragraph, text, has_title_style):
        """Take one of the first paragraphs if it is the dateline, the title or the
        standfirst; False once the body begins."""
        found = self.found
        dateline = dateline_in(text)
        if not found.place and dateline and dateline[2] >= len(text.strip()) - 1:
            found.place, found.day, _end = dateline
            return True
        if not found.title:
            is_title = (
                style(paragraph) in TITLE_STYLES
                if has_title_style
                else (
                    bool(HEADING.match(style(paragraph)))
                    or style(paragraph) in ("heading1", "heading2")
                )
            )
            if is_title:
                found.title = " ".join(text.split())
                return True
        if (
            found.title
            and not found.standfirst
            and (style(paragraph) in STANDFIRST_STYLES or all_bold(paragraph))
        ):
            found.standfirst = " ".join(text.split())
            return True
        return False

    def dateline_before_text(self, paragraph):
        """ "Alès, le 22 septembre 2021 – L'école…": the dateline leaves the text when
        its first piece of text holds it whole."""
        dateline = dateline_in(text_of(paragraph))
        first_text = next(
            (node for run in runs_of(paragraph) for node in run.children
             if isinstance(node, docx.Text) and node.value.strip()), None,
        )  # fmt: skip
        if not dateline or first_text is None:
            return paragraph
        place, when, end = dateline
        leading = len(first_text.value) - len(first_text.value.lstrip())
        if leading + end > len(first_text.value):
            return paragraph
        rest = first_text.value[leading + end :]
        separator = DATELINE_SEPARATOR.match(rest)
        if not separator:
            return paragraph
        self.found.place, self.found.day = place, when
        replacement = first_text.copy(value=rest[separator.end() :])
        return replace_node(paragraph, first_text, replacement)


def replace_node(element, old, new):
    if element is old:
        return new
    children = getattr(element, "children", None)
    if children is None:
        return element
    return element.copy(children=[replace_node(child, old, new) for child in children])


def notes_heading(html, heading):
    """Footnotes come last as a numbered list: give it a heading. Their links would lead
    nowhere once the sanitiser drops ids: the number stays, as text."""
    html = re.sub(
        r'<a href="#note-footnote-\d+" id="note-footnote-ref-\d+">(\[\d+\])</a>', r"\1", html
    )
    html = re.sub(r'\s*<a href="#note-footnote-ref-\d+">↑</a>', "", html)
    return re.sub(r'(<ol><li id="note-footnote-)', rf"<h2>{heading}</h2>\1", html, count=1)


def image_file(image):
    """A picture of the document as an upload the image pipeline checks and re-encodes."""
    with image.open() as stream:
        content = stream.read()
    return SimpleUploadedFile("picture", content, content_type=image.content_type or "")


class Pictures:
    """Counts the document's pictures, and those with no description."""

    def __init__(self):
        self.count = self.undescribed = 0

    def sanitised(self, image):
        self.count += 1
        self.undescribed += not (image.alt_text or "").strip()
        return sanitise_image(image_file(image))


class PreviewImages(Pictures):
    """Pictures checked and re-encoded but kept in memory: the preview shows them
    inline, nothing is stored."""

    def __init__(self):
        super().__init__()
        self.data = {}

    def __call__(self, image):
        clean = self.sanitised(image)
        clean.seek(0)
        key = f"{len(self.data)}"
        kind = clean.name.rsplit(".", 1)[-1].replace("jpg", "jpeg")
        self.data[key] = f"data:image/{kind};base64,{base64.b64encode(clean.read()).decode()}"
        return placeholder(key)

    def shown(self, html):
        for key, uri in self.data.items():
            html = html.replace(f'src="{placeholder(key)}"', f'src="{uri}"')
        return html


def placeholder(key):
    from django.conf import settings

    return f"{settings.MEDIA_URL}imports-preview/{key}"


class StoredImages(Pictures):
    """Pictures checked, re-encoded and stored as the editor's uploads are."""

    def __call__(self, image):
        clean = self.sanitised(image)
        check_room(clean.size)
        return save_editor_image(clean)


def recognise(upload, images, notes_title, undescribed_note):
    """The release a .docx holds; `images` stores (or previews) its pictures;
    `undescribed_note(count)` says how many have no description."""
    recognition = Recognition()
    conversion = documents.read(upload, images, transform=recognition)
    found = recognition.found
    body = clean_html(notes_heading(conversion.html, notes_title))
    if isinstance(images, PreviewImages):
        body = images.shown(body)
    found.body, found.images = body, images.count
    found.left_out = conversion.left_out
    if images.undescribed:
        found.left_out.append(undescribed_note(images.undescribed))
    return found


def keep(upload, user):
    """Keep the uploaded document until the editor confirms; returns its token. Documents
    left waiting longer than a token lasts (a preview abandoned) go first."""
    forget_abandoned()
    upload.seek(0)
    name = default_storage.save(f"{IMPORTS}{uuid.uuid4().hex}.docx", ContentFile(upload.read()))
    return signing.dumps({"name": name, "user": user.pk, "file": upload.name}, salt=TOKEN_SALT)


def kept(token, user, max_age=KEPT_SECONDS):
    """The kept document a token names (its storage name and original file name), for
    the user who uploaded it, or ValidationError."""
    try:
        data = signing.loads(token, salt=TOKEN_SALT, max_age=max_age)
    except signing.BadSignature as error:
        raise ValidationError("expired", code="import_expired") from error
    name = data.get("name", "")
    if data.get("user") != user.pk or not name.startswith(IMPORTS) or "/" in name[len(IMPORTS) :]:
        raise ValidationError("invalid", code="import_invalid")
    if not default_storage.exists(name):
        raise ValidationError("expired", code="import_expired")
    return name, data.get("file", "")


def forget(name):
    default_storage.delete(name)


def forget_abandoned(max_age=KEPT_SECONDS):
    try:
        _folders, names = default_storage.listdir(IMPORTS)
    except (FileNotFoundError, NotImplementedError, OSError):
        return
    limit = timezone.now() - timedelta(seconds=max_age)
    for name in names:
        with suppress(OSError, NotImplementedError):
            if default_storage.get_modified_time(IMPORTS + name) < limit:
                default_storage.delete(IMPORTS + name)


def moment(day):
    """A recognised date as a publication moment: that day, 9:00, in the site's zone."""
    if day is None:
        return timezone.now()
    return timezone.make_aware(datetime.combine(day, time(9, 0)))


def free_slug(model, language, title, exclude=None):
    """A slug from the title, unique in `language` (a number added when taken)."""
    base = slugify(title)[:200] or "communique"
    if not re.search(r"[a-z]", base):
        base = f"communique-{base}"
    column = f"slug_{language}"
    taken = model.objects.exclude(pk=getattr(exclude, "pk", None))
    slug, number = base, 2
    while taken.filter(**{column: slug}).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug
