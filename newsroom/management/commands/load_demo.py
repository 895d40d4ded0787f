import io
import random
import uuid
from datetime import datetime, timedelta

import reversion
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw

from core.models import Institution
from newsroom import demo_content
from newsroom.models import (
    Contact,
    EmbargoLink,
    MediaAsset,
    PressRelease,
    ReleaseAsset,
    ReleaseContact,
)
from rankings.models import Award, Ranking

# Demo releases get fixed identifiers, so a second run finds them instead of adding more.
DEMO_NAMESPACE = uuid.UUID("5f0c8f8e-4a55-4f39-9a3e-6a1f2f3f0d11")


def demo_uuid(key):
    return uuid.uuid5(DEMO_NAMESPACE, key)


def local_datetime(text):
    return timezone.make_aware(datetime.fromisoformat(text))


def hero_image(key, width=1600, height=900):
    """A JPEG illustration drawn from the key: a gradient with soft shapes."""
    rng = random.Random(key)
    start = [rng.randint(0, 90) for _ in range(3)]
    end = [rng.randint(110, 230) for _ in range(3)]
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    for x in range(width):
        mix = x / (width - 1)
        draw.line(
            [(x, 0), (x, height)],
            fill=tuple(int(a + (b - a) * mix) for a, b in zip(start, end, strict=True)),
        )
    for _ in range(12):
        radius = rng.randint(60, 260)
        cx, cy = rng.randint(0, width), rng.randint(0, height)
        shade = tuple(min(255, c + 40) for c in end)
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=shade, width=6)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=82, optimize=True)
    return ContentFile(buffer.getvalue(), name=f"{key}.jpg")


def one_page_pdf(lines):
    """A one-page A4 PDF of text lines (Helvetica, Windows-1252 for French)."""

    def escaped(line):
        return line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    text = (
        "BT /F1 13 Tf 64 770 Td 18 TL "
        + " ".join(f"({escaped(line)}) Tj T*" for line in lines)
        + " ET"
    )
    stream = text.encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    pdf, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


def paragraphs(text):
    return f"<p>{text}</p>" if text else ""


class Command(BaseCommand):
    help = (
        "Load the demo content: the reference U-Multirank 2021 release in French and English, "
        "press contacts and thirty other releases. Running it again changes nothing."
    )

    @transaction.atomic
    @reversion.create_revision()
    def handle(self, *args, **options):
        # What it creates gets a first revision, to compare with or restore later.
        reversion.set_comment("Demo content")
        self.ensure_institution()
        contacts = {spec["key"]: self.ensure_contact(spec) for spec in demo_content.CONTACTS}
        created = [
            self.ensure_release(spec, contacts)
            for spec in [demo_content.REFERENCE_RELEASE, *self.other_release_specs()]
        ]
        count = sum(created)
        self.ensure_press_kit()
        rankings = {spec["slug"]: self.ensure_ranking(spec) for spec in demo_content.RANKINGS}
        awards = [self.ensure_award(row, rankings) for row in demo_content.AWARDS]
        if options["verbosity"]:
            self.stdout.write(
                f"Demo content: {count} release(s) created, {len(created) - count} already "
                f"there; {len(rankings)} rankings, {len(awards)} awards."
            )

    def other_release_specs(self):
        rows = [
            *((row, PressRelease.Status.PUBLISHED) for row in demo_content.OTHER_RELEASES),
            (demo_content.DRAFT_RELEASE, PressRelease.Status.DRAFT),
            (demo_content.SCHEDULED_RELEASE, PressRelease.Status.PUBLISHED),
            (demo_content.IN_REVIEW_RELEASE, PressRelease.Status.IN_REVIEW),
            (demo_content.EMBARGOED_RELEASE, PressRelease.Status.PUBLISHED),
        ]
        workflow = {
            demo_content.IN_REVIEW_RELEASE[0]: {
                "ready_en": False,
                "waits_for_all_languages": True,
                "french_revised": True,
            },
            demo_content.EMBARGOED_RELEASE[0]: {
                "embargo_days": demo_content.EMBARGO_DAYS,
                "journalist": demo_content.EMBARGO_JOURNALIST,
            },
        }
        for (key, when, title_fr, title_en, lead_fr, lead_en, text_fr, text_en), status in rows:
            yield workflow.get(key, {}) | {
                "key": key,
                "published_at": when,
                "status": status,
                "dateline": "Alès",
                "image": key in demo_content.WITH_IMAGE,
                "contacts": ["press-office"],
                "title_fr": title_fr,
                "standfirst_fr": lead_fr,
                "body_fr": paragraphs(lead_fr) + paragraphs(text_fr),
                "title_en": title_en or "",
                "standfirst_en": lead_en if title_en else "",
                "body_en": paragraphs(lead_en) + paragraphs(text_en) if title_en else "",
            }

    def ensure_institution(self):
        """Fill in the institution once; an editor's later changes are kept."""
        institution = Institution.load()
        if not institution.address and not institution.about_fr:
            for field, value in demo_content.INSTITUTION.items():
                setattr(institution, field, value)
            institution.save()

    def ensure_contact(self, spec):
        fields = {name: value for name, value in spec.items() if name not in {"key", "email"}}
        contact, _created = Contact.objects.get_or_create(email=spec["email"], defaults=fields)
        return contact

    def ensure_release(self, spec, contacts):
        identifier = demo_uuid(spec["key"])
        if PressRelease.objects.filter(uuid=identifier).exists():
            return False
        when = spec["published_at"]
        # Without a date: under embargo, the end of the embargo; else some weeks ahead.
        embargo = spec.get("embargo_days") and timezone.now() + timedelta(days=spec["embargo_days"])
        release = PressRelease(
            uuid=identifier,
            status=spec.get("status", PressRelease.Status.PUBLISHED),
            published_at=(
                local_datetime(when) if when else embargo or timezone.now() + timedelta(weeks=6)
            ),
            dateline=spec["dateline"],
            embargo_until=embargo or None,
            waits_for_all_languages=spec.get("waits_for_all_languages", False),
            # A language the demo writes is ready unless the spec says otherwise.
            **{
                f"ready_{code}": spec.get(f"ready_{code}", bool(spec.get(f"body_{code}")))
                for code in ("fr", "en")
            },
            **{
                f"{field}_{code}": spec.get(f"{field}_{code}", "")
                for field in ("title", "slug", "standfirst", "body")
                for code in ("fr", "en")
            },
        )
        if spec["image"]:
            release.hero = self.hero_asset(spec)
        release.full_clean()
        release.save()
        ReleaseContact.objects.bulk_create(
            ReleaseContact(release=release, contact=contacts[key], position=position)
            for position, key in enumerate(spec["contacts"])
        )
        if spec.get("french_revised"):  # the French text was corrected after translation
            PressRelease.objects.filter(pk=release.pk).update(
                text_changed_en=release.text_changed_fr - timedelta(days=1)
            )
        if spec.get("journalist"):
            EmbargoLink.objects.create(
                release=release, expires_at=release.published_at + timedelta(days=1),
                **spec["journalist"],
            )  # fmt: skip
        return True

    def hero_asset(self, spec):
        """A release's hero image, in the media library."""
        asset = MediaAsset(
            kind=MediaAsset.Kind.PICTURE,
            credit="IMT Mines Alès",
            alt_text_fr="Illustration abstraite",
            alt_text_en="Abstract illustration",
        )
        asset.picture.save(f"{spec['key']}.jpg", hero_image(spec["key"]), save=False)
        asset.save()
        return asset

    def ensure_press_kit(self):
        """The reference release's kit: two pictures with their credits and different
        licences (one is its hero image), and a one-page PDF of its results."""
        release = PressRelease.objects.get(uuid=demo_uuid(demo_content.REFERENCE_KEY))
        if release.release_assets.exists():
            return
        assets = []
        for spec in demo_content.PRESS_KIT_PICTURES:
            fields = {name: value for name, value in spec.items() if name != "key"}
            asset = MediaAsset(kind=MediaAsset.Kind.PICTURE, **fields)
            asset.picture.save(
                f"{spec['key']}.jpg", hero_image(spec["key"], 3000, 2000), save=False
            )
            asset.save()
            assets.append(asset)
            if spec["key"] == demo_content.REFERENCE_HERO:
                release.hero = asset
                release.save(update_fields=["hero"])
        sheet = demo_content.FACT_SHEET
        document = MediaAsset(
            kind=MediaAsset.Kind.DOCUMENT, caption_fr=sheet["caption_fr"],
            caption_en=sheet["caption_en"], credit=sheet["credit"],
        )  # fmt: skip
        document.document.save("u-multirank-2021.pdf", ContentFile(one_page_pdf(sheet["lines"])))
        assets.append(document)
        ReleaseAsset.objects.bulk_create(
            ReleaseAsset(release=release, asset=asset, position=position)
            for position, asset in enumerate(assets, start=1)
        )

    def ensure_ranking(self, spec):
        fields = {name: value for name, value in spec.items() if name != "slug"}
        ranking, _created = Ranking.objects.get_or_create(slug=spec["slug"], defaults=fields)
        return ranking

    def ensure_award(self, row, rankings):
        ranking, year, category_fr, category_en, scope, result, release_keys = row
        kind, *values = result
        result_fields = {
            "rank": lambda rank, tied: {"rank": rank, "is_tied": tied},
            "band": lambda start, end: {"band_from": start, "band_to": end},
            "grade": lambda grade, count: {"grade": grade, "count": count},
        }[kind](*values)
        identity = {
            "ranking": rankings[ranking],
            "year": year,
            "category_fr": category_fr,
            "scope": scope,
            "result_kind": kind,
            **result_fields,
        }
        award = Award.objects.filter(**identity).first()
        if award is None:
            award = Award(**identity, category_en=category_en)
            award.full_clean()
            award.save()
        # Linking twice is a no-op: a second run changes nothing.
        award.releases.add(*PressRelease.objects.filter(uuid__in=map(demo_uuid, release_keys)))
        return award
