"""Word documents (.docx) turned into the site's rich text, with mammoth.

`read()` checks that an upload is a plain Word document — a zip holding a main
document, no macros, no password, nothing that inflates past a sane size — then
converts it to semantic HTML: headings, bold, italic, lists, links, tables, quotes,
footnotes as a list of notes at the end; images through the image pipeline. The caller
then recognises what it needs in the document's first paragraphs (`transform`) and
sanitises the HTML as every rich text is. What the conversion leaves out is listed.

OpenDocument (.odt) is not read: no maintained Python library converts it to clean
HTML; LibreOffice saves any document as .docx.
"""

import io
import re
import zipfile
from dataclasses import dataclass, field

import mammoth
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
# What the zip may inflate to, in all and per file compared with its compressed size:
# beyond, a few kilobytes could fill memory (a "zip bomb").
MAX_INFLATED_BYTES = 200 * 1024 * 1024
MAX_RATIO = 200
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
# An OLE compound file: an encrypted .docx, or an old .doc.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

# Word's headings under the page's own title (h1): Heading 1 becomes h2, and so on.
STYLE_MAP = """
p.Title => h1.document-title:fresh
p[style-name='Title'] => h1.document-title:fresh
p[style-name='Titre'] => h1.document-title:fresh
p.Heading1 => h2:fresh
p.Heading2 => h3:fresh
p.Heading3 => h4:fresh
p.Heading4 => h4:fresh
p[style-name='heading 1'] => h2:fresh
p[style-name='heading 2'] => h3:fresh
p[style-name='heading 3'] => h4:fresh
p[style-name='Titre 1'] => h2:fresh
p[style-name='Titre 2'] => h3:fresh
p[style-name='Titre 3'] => h4:fresh
p.Quote => blockquote > p:fresh
p.IntenseQuote => blockquote > p:fresh
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
p[style-name='Citation'] => blockquote > p:fresh
p[style-name='Citation intense'] => blockquote > p:fresh
p[style-name='Newsroom standfirst'] => p.document-standfirst:fresh
p[style-name='Newsroom dateline'] => p.document-dateline:fresh
p[style-name='Newsroom title'] => h1.document-title:fresh
"""


def refused(message, code, **params):
    return ValidationError(message, code=code, params=params)


def check(upload):
    """The upload as an open zip, or ValidationError saying why it is not a .docx
    we read."""
    if upload.size > MAX_DOCUMENT_BYTES:
        raise refused(
            _("This document is too large (%(size)s); the limit is %(limit)s."),
            "document_too_large",
            size=filesizeformat(upload.size),
            limit=filesizeformat(MAX_DOCUMENT_BYTES),
        )
    upload.seek(0)
    if upload.read(8) == OLE_SIGNATURE:
        raise refused(
            _(
                "This document is protected by a password, or is an old Word document"
                " (.doc): save it as a .docx without a password and import it again."
            ),
            "document_encrypted",
        )
    upload.seek(0)
    try:
        archive = zipfile.ZipFile(upload)
        members = archive.infolist()
        content_types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError) as error:
        raise refused(
            _("This file is not a Word document (.docx)."), "document_not_docx"
        ) from error
    inflated = sum(member.file_size for member in members)
    if inflated > MAX_INFLATED_BYTES or any(
        member.file_size > MAX_RATIO * max(member.compress_size, 1024) for member in members
    ):
        raise refused(
            _("This document unpacks to far more than its size: it is refused."),
            "document_inflates",
        )
    if MACRO_MAIN in content_types or any(m.filename.endswith("vbaProject.bin") for m in members):
        raise refused(
            _("Documents with macros (.docm) are refused: save it as a plain .docx."),
            "document_macros",
        )
    if WORD_MAIN not in content_types:
        raise refused(_("This file is not a Word document (.docx)."), "document_not_docx")
    return archive


@dataclass
class Conversion:
    html: str
    left_out: list = field(default_factory=list)


def left_out(archive, messages):
    """What the conversion leaves out, in words an editor understands."""
    notes = []
    document = archive.read("word/document.xml").decode("utf-8", "replace")
    changes = len(re.findall(r"<w:(?:ins|del)\b", document))
    if changes:
        notes.append(
            ngettext(
                "%(count)s tracked change was taken as accepted (insertions kept,"
                " deletions left out).",
                "%(count)s tracked changes were taken as accepted (insertions kept,"
                " deletions left out).",
                changes,
            )
            % {"count": changes}
        )
    try:
        comments = archive.read("word/comments.xml").decode("utf-8", "replace")
    except KeyError:
        comments = ""
    count = len(re.findall(r"<w:comment\b", comments))
    if count:
        notes.append(
            ngettext("%(count)s comment left out.", "%(count)s comments left out.", count)
            % {"count": count}
        )
    styles = sorted(
        {
            match.group(1)
            for message in messages
            if (
                match := re.search(
                    r"Unrecognised (?:paragraph|run) style: '([^']*)'", message.message
                )
            )
        }
    )
    if styles:
        notes.append(
            _("Styles with no equivalent, shown as plain text: %(styles)s.")
            % {"styles": ", ".join(styles)}
        )
    return notes


def read(upload, store_image, transform=None):
    """Convert `upload` (.docx) to HTML; `store_image(image)` returns the `src` of each
    picture (mammoth's image: `content_type`, `open()`, `alt_text`) or raises
    ValidationError; `transform(document)` may rework mammoth's document first."""
    archive = check(upload)
    upload.seek(0)
    data = io.BytesIO(upload.read())

    def image_element(image):
        return {"src": store_image(image)}

    try:
        result = mammoth.convert_to_html(
            data,
            style_map=STYLE_MAP,
            include_default_style_map=True,
            convert_image=mammoth.images.img_element(image_element),
            transform_document=transform,
            id_prefix="note-",
        )
    except ValidationError:
        raise
    except Exception as error:  # mammoth reading a damaged document
        raise refused(
            _("This Word document could not be read: it may be damaged."), "document_unreadable"
        ) from error
    return Conversion(html=result.value, left_out=left_out(archive, result.messages))
