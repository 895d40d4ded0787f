"""Import a press release from Word: what is recognised, the preview before anything is
saved, the draft or the language it fills, and every bad file refused clearly."""

import io
import re
import zipfile
from datetime import date, timedelta

import pytest
import time_machine
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from docx import Document

from core.typography import french_spacing
from newsroom import imports
from newsroom.models import PressRelease
from tests.factories import PressReleaseFactory

from . import word

pytestmark = pytest.mark.django_db

IMPORT = "/admin/newsroom/pressrelease/import/"


def upload(content, name="communique.docx"):
    return SimpleUploadedFile(name, content)


def preview(client, content, language="fr", url=IMPORT, name="communique.docx"):
    return client.post(url, {"document": upload(content, name), "language": language})


def token_of(response):
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


def create(client, response, url=IMPORT, language="fr"):
    return client.post(url, {"token": token_of(response), "language": language, "create": "1"})


def test_the_preview_shows_what_was_recognised_and_saves_nothing(superuser_client):
    response = preview(superuser_client, word.everything())
    page = response.content.decode()
    assert response.status_code == 200
    assert "Un nouveau laboratoire ouvre ses portes" in page
    assert "Le laboratoire accueillera quarante chercheurs dès janvier." in page
    assert "Alès" in page and "1 octobre 2026" in page
    assert 'src="data:image/png;base64,' in page  # the picture, shown inline
    assert "1 commentaire écarté" in page
    assert not PressRelease.objects.exists()
    assert default_storage.listdir("imports")[1]  # kept until confirmed, nowhere public
    kept = default_storage.listdir("imports")[1][0]
    assert superuser_client.get(f"/media/imports/{kept}").status_code == 404


def test_creating_the_draft_fills_every_field(superuser_client):
    response = create(superuser_client, preview(superuser_client, word.everything()))
    release = PressRelease.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/newsroom/pressrelease/{release.pk}/change/"
    assert release.status == PressRelease.Status.DRAFT
    assert release.title_fr == "Un nouveau laboratoire ouvre ses portes"
    assert release.slug_fr == "un-nouveau-laboratoire-ouvre-ses-portes"
    assert release.standfirst_fr == "Le laboratoire accueillera quarante chercheurs dès janvier."
    assert release.dateline == "Alès"
    assert release.published_at.date() == date(2026, 10, 1)
    body = release.body_fr
    assert body.startswith("<h2>Un lieu ouvert</h2>")
    assert "<strong>chaque mardi</strong>" in body and "<em>sur rendez-vous</em>" in body
    assert "<ul><li>Chimie</li><li>Matériaux</li></ul>" in body
    assert "<ol><li>Première étape</li><li>Deuxième étape</li></ol>" in body
    assert "<table>" in body and "Équipe" in body
    assert (
        '<a href="https://www.example.org/labo" rel="noopener noreferrer">'
        "le site du laboratoire</a>" in body
    )
    # Saved with French spacing, as everything an editor writes (core.typography).
    assert french_spacing("<blockquote><p>« Une étape pour l’école »</p></blockquote>") in body
    image = re.search(r'<img alt="Le bâtiment du laboratoire" src="(/media/editor/[^"]+)"', body)
    assert image and default_storage.exists(image.group(1).removeprefix("/media/"))
    assert "<em>sur rendez-vous</em><sup>[1]</sup>" in body  # the note's number, as text
    assert "<h2>Notes</h2><ol><li><p>Sauf pendant les vacances scolaires.</p></li></ol>" in body
    assert "une phrase retirée" not in body and "À vérifier" not in body
    assert "Un nouveau laboratoire" not in body and "1er octobre" not in body
    assert not default_storage.listdir("imports")[1]
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any(m.startswith("1 ") and "accept" in m for m in messages)


def test_the_reference_release_is_read_as_a_press_officer_laid_it_out(superuser_client):
    create(superuser_client, preview(superuser_client, word.seed()))
    release = PressRelease.objects.get()
    assert release.title_fr == french_spacing(word.SEED_TEXT["title"])
    assert release.standfirst_fr == french_spacing(word.SEED_TEXT["standfirst"])
    assert release.dateline == "Alès" and release.published_at.date() == date(2021, 9, 22)
    body = release.body_fr
    assert french_spacing("<li>3 fois dans la catégorie « transfert technologique »</li>") in body
    assert french_spacing("<blockquote><p>« Nous sommes très fiers") in body
    assert "<h3>Contact</h3>" in release.body_fr


def test_importing_into_a_language_asks_before_replacing_it(superuser_client):
    release = PressReleaseFactory(draft=True, dateline="Paris")
    url = f"/admin/newsroom/pressrelease/{release.pk}/import/en/"
    change = superuser_client.get(f"/admin/newsroom/pressrelease/{release.pk}/change/")
    assert url in change.content.decode()
    document = Document()
    document.add_heading("A new laboratory opens", level=1)
    document.add_paragraph("It will welcome forty researchers.")
    response = preview(superuser_client, word.saved(document), url=url)
    assert "seront remplacés" in response.content.decode()
    release.refresh_from_db()
    assert release.title_en.startswith("Press release number")  # nothing yet
    create(superuser_client, response, url=url, language="en")
    release.refresh_from_db()
    assert release.title_en == "A new laboratory opens"
    assert release.body_en == "<p>It will welcome forty researchers.</p>"
    assert release.title_fr.startswith("Communiqué numéro")  # the other language untouched
    assert release.dateline == "Paris"


def test_cancelling_saves_nothing_and_forgets_the_document(superuser_client):
    response = preview(superuser_client, word.seed())
    superuser_client.post(IMPORT, {"token": token_of(response), "cancel": "1"})
    assert not PressRelease.objects.exists()
    assert not default_storage.listdir("imports")[1]


def zip_with(**parts):
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return data.getvalue()


def macro_enabled():
    content = word.seed()
    package = zipfile.ZipFile(io.BytesIO(content))
    parts = {name: package.read(name) for name in package.namelist()}
    parts["[Content_Types].xml"] = parts["[Content_Types].xml"].replace(
        b"officedocument.wordprocessingml.document.main+xml",
        b"ms-word.document.macroEnabled.main+xml",
    )
    parts["word/vbaProject.bin"] = b"\x00" * 100
    return zip_with(**parts)


@pytest.mark.parametrize(
    "content, message",
    [
        (b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", "not a Word document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "password"),
        (zip_with(**{"hello.txt": "hi"}), "not a Word document"),
        (zip_with(**{"[Content_Types].xml": "<Types/>", "bomb.xml": "0" * 50_000_000}), "unpacks"),
        ("macros", "macros"),
        (b"x" * (20 * 1024 * 1024 + 1), "too large"),
    ],
    ids=["renamed-pdf", "encrypted", "other-zip", "zip-bomb", "docm", "over-20-mb"],
)
def test_bad_files_get_a_clear_error_and_nothing_is_saved(
    superuser_client, settings, content, message
):
    settings.LANGUAGE_CODE = "en"
    content = macro_enabled() if content == "macros" else content
    response = superuser_client.post(
        IMPORT, {"document": upload(content), "language": "fr"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="errorlist' in page
    assert not PressRelease.objects.exists()
    assert not default_storage.exists("imports") or not default_storage.listdir("imports")[1]


def test_a_picture_over_the_pipelines_limits_is_refused(superuser_client):
    document = Document()
    document.add_paragraph("Titre", style="Title")
    document.add_picture(word.picture(size=(12000, 9000)))
    response = preview(superuser_client, word.saved(document))
    assert 'class="errorlist' in response.content.decode()
    assert not PressRelease.objects.exists()


def test_only_editors_who_may_add_import(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="x", is_staff=True)
    client.force_login(user)
    assert client.get(IMPORT).status_code == 403


def test_documents_left_waiting_are_forgotten_a_day_later(superuser_client, django_user_model):
    preview(superuser_client, word.seed())
    [abandoned] = default_storage.listdir("imports")[1]
    with time_machine.travel(timezone.now() + timedelta(hours=23)):
        imports.keep(upload(word.seed()), django_user_model.objects.get())
    assert abandoned in default_storage.listdir("imports")[1]
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        imports.keep(upload(word.seed()), django_user_model.objects.get())
    assert abandoned not in default_storage.listdir("imports")[1]
    assert len(default_storage.listdir("imports")[1]) == 1  # the one just kept
