"""Word documents built for the tests with python-docx, with what it has no API for
(links, footnotes, tracked changes) written into the package's XML."""

import io
import re
import zipfile

from docx import Document
from PIL import Image

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
LINK = "[[LINK]]"
FOOTNOTE = "[[FOOTNOTE]]"
DELETED = "[[DELETED]]"


def picture(size=(120, 80), colour=(20, 90, 140)):
    data = io.BytesIO()
    Image.new("RGB", size, colour).save(data, "PNG")
    data.seek(0)
    return data


def saved(document, link=None, footnote=None, deleted=None):
    """The document's bytes, its markers replaced by a link to `link` (url, text), a
    footnote reading `footnote`, a tracked deletion of `deleted`."""
    data = io.BytesIO()
    document.save(data)
    parts = {}
    with zipfile.ZipFile(io.BytesIO(data.getvalue())) as package:
        for name in package.namelist():
            parts[name] = (
                package.read(name).decode("utf-8")
                if name.endswith(("xml", ".rels"))
                else package.read(name)
            )
    body = parts["word/document.xml"]
    rels = parts["word/_rels/document.xml.rels"]
    types = parts["[Content_Types].xml"]
    if link:
        url, text = link
        body = body.replace(
            f"<w:r><w:t>{LINK}</w:t></w:r>",
            f'<w:hyperlink r:id="rIdTestLink"><w:r><w:t>{text}</w:t></w:r></w:hyperlink>',
        )
        rels = rels.replace(
            "</Relationships>",
            '<Relationship Id="rIdTestLink" Type="http://schemas.openxmlformats.org/officeDocument/'
            f'2006/relationships/hyperlink" Target="{url}" TargetMode="External"/></Relationships>',
        )
    if footnote:
        body = body.replace(
            f"<w:r><w:t>{FOOTNOTE}</w:t></w:r>", '<w:r><w:footnoteReference w:id="1"/></w:r>'
        )
        parts["word/footnotes.xml"] = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:footnotes xmlns:w="{W}">'
            '<w:footnote w:type="separator" w:id="-1">'
            "<w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
            '<w:footnote w:type="continuationSeparator" w:id="0">'
            "<w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
            f'<w:footnote w:id="1"><w:p><w:r><w:t>{footnote}</w:t></w:r></w:p></w:footnote>'
            "</w:footnotes>"
        )
        rels = rels.replace(
            "</Relationships>",
            '<Relationship Id="rIdTestNotes" Type="http://schemas.openxmlformats.org/officeDocument/'
            '2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>',
        )
        types = types.replace(
            "</Types>",
            '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.wordprocessingml.footnotes+xml"/></Types>',
        )
    if deleted:
        body = body.replace(
            f"<w:r><w:t>{DELETED}</w:t></w:r>",
            '<w:del w:id="90" w:author="Relecteur">'
            f"<w:r><w:delText>{deleted}</w:delText></w:r></w:del>",
        )
    parts.update({"word/document.xml": body, "word/_rels/document.xml.rels": rels,
                  "[Content_Types].xml": types})  # fmt: skip
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return out.getvalue()


def everything():
    """Headings, lists, a table, a link, a picture, a footnote, a bold first paragraph,
    a quote, a comment and a tracked change."""
    document = Document()
    document.add_paragraph("Alès, le 1er octobre 2026")
    document.add_paragraph("Un nouveau laboratoire ouvre ses portes", style="Title")
    lead = document.add_paragraph()
    lead.add_run("Le laboratoire accueillera quarante chercheurs dès janvier.").bold = True
    document.add_heading("Un lieu ouvert", level=1)
    text = document.add_paragraph("Il est ouvert au public ")
    text.add_run("chaque mardi").bold = True
    text.add_run(" et ")
    text.add_run("sur rendez-vous").italic = True
    text.add_run(FOOTNOTE)
    text.add_run(" ")
    text.add_run(DELETED)
    more = document.add_paragraph("Voir aussi ")
    more.add_run(LINK)
    document.add_paragraph("Chimie", style="List Bullet")
    document.add_paragraph("Matériaux", style="List Bullet")
    document.add_paragraph("Première étape", style="List Number")
    document.add_paragraph("Deuxième étape", style="List Number")
    table = document.add_table(rows=2, cols=2)
    for (row, column), value in {(0, 0): "Équipe", (0, 1): "Effectif", (1, 0): "Chimie",
                                 (1, 1): "12"}.items():  # fmt: skip
        table.cell(row, column).text = value
    document.add_paragraph("« Une étape pour l’école »", style="Quote")
    document.add_picture(picture())
    document.inline_shapes[0]._inline.docPr.set("descr", "Le bâtiment du laboratoire")
    commented = document.add_paragraph("Une phrase commentée.")
    document.add_comment(commented.runs, text="À vérifier", author="Relectrice")
    return saved(
        document,
        link=("https://www.example.org/labo", "le site du laboratoire"),
        footnote="Sauf pendant les vacances scolaires.",
        deleted="une phrase retirée",
    )


SEED_TEXT = {
    "dateline": "Alès, le 22 septembre 2021",
    "title": "IMT Mines Alès est classée 1re en France dans la catégorie « enseignement et "
    "apprentissage » du palmarès mondial U-Multirank",
    "standfirst": "U-Multirank, projet financé par l’Europe (programme Erasmus+), a publié la "
    "version 2021 de son classement mondial : à travers 96 pays, près de 1 800 écoles et "
    "universités sont évaluées.",
}


def seed():
    """The reference press release, laid out as a press officer would in Word."""
    document = Document()
    document.add_paragraph(SEED_TEXT["dateline"])
    document.add_paragraph(SEED_TEXT["title"], style="Title")
    document.add_paragraph().add_run(SEED_TEXT["standfirst"]).bold = True
    document.add_paragraph(
        "IMT Mines Alès accède pour la 2e année consécutive à ce classement, avec de très bons "
        "résultats qui continuent de progresser. L’école obtient 10 fois la note maximale "
        "(très bien) dans plusieurs catégories évaluées :"
    )
    for line in ["4 fois dans la catégorie « enseignement et apprentissage »",
                 "3 fois dans la catégorie « transfert technologique »",
                 "2 fois dans la catégorie « recherche »",
                 "1 fois dans la catégorie « ouverture internationale »"]:  # fmt: skip
        document.add_paragraph(line, style="List Bullet")
    document.add_paragraph(
        "« Nous sommes très fiers de notre présence cette année encore dans le palmarès "
        "international U-Multirank » indique Pierre Perdiguier, directeur par intérim de l’école.",
        style="Quote",
    )
    document.add_heading("Contact", level=2)
    document.add_paragraph("Pierre Perdiguier, directeur : pierre.perdiguier@mines-ales.fr")
    return saved(document)


def strip_text(html):
    return re.sub(r"<[^>]+>", "", html)
