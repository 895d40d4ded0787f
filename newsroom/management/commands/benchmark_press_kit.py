"""`manage.py benchmark_press_kit`: a press kit of 20 print-size pictures downloaded as
one ZIP by a separate process — the archive's size, the time, and that process's peak
memory, which streaming keeps far below the archive's size. A benchmark, not a test
(make bench-press-kit); run it on a database of its own."""

import io
import os
import random
import subprocess
import sys
import time

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from PIL import Image

from newsroom.models import MediaAsset, PressRelease, ReleaseAsset

# Runs in its own process: Django set up, one download read to the end, figures printed.
DOWNLOAD = """
import os, time, django
django.setup()
from django.test import Client
def peak_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
Client().get("/robots.txt", HTTP_HOST="127.0.0.1")  # the app loaded, before the download
before = peak_mb()
start = time.monotonic()
response = Client().get({url!r}, HTTP_HOST="127.0.0.1")
size = sum(len(chunk) for chunk in response.streaming_content)
elapsed = time.monotonic() - start
print(response.status_code, size, elapsed, before, peak_mb())
"""


def print_picture(seed, width=4500, height=3000):
    """A photograph-like JPEG at print size: noise compresses as badly as a photo does."""
    rng = random.Random(seed)
    image = Image.frombytes(
        "RGB", (width // 4, height // 4), rng.randbytes(width * height * 3 // 16)
    )
    image = image.resize((width, height), Image.Resampling.BICUBIC)
    data = io.BytesIO()
    image.save(data, format="JPEG", quality=90)
    return ContentFile(data.getvalue(), name=f"print-{seed}.jpg")


class Command(BaseCommand):
    help = "Download a press kit of 20 print-size pictures as a ZIP; print size, time, memory."

    def add_arguments(self, parser):
        parser.add_argument("--pictures", type=int, default=20)

    def handle(self, *args, pictures, **options):
        if PressRelease.objects.exists():
            raise CommandError("Run it on a database of its own (make bench-press-kit does).")
        release = PressRelease.objects.create(
            title_fr="Un kit de vingt photos", slug_fr="kit-de-vingt-photos",
            body_fr="<p>Le texte.</p>", ready_fr=True, status=PressRelease.Status.PUBLISHED,
            dateline="Alès",
        )  # fmt: skip
        for number in range(pictures):
            asset = MediaAsset.objects.create(
                kind=MediaAsset.Kind.PICTURE, picture=print_picture(number),
                caption_fr=f"Photo {number + 1}", credit="© Benchmark",
            )  # fmt: skip
            ReleaseAsset.objects.create(release=release, asset=asset, position=number)
        files = sum(asset.picture.size for asset in MediaAsset.objects.all())
        url = f"/fr/actualites/{release.slug_fr}/kit-presse.zip"
        environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings"}
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-c", DOWNLOAD.format(url=url)],
            env=environment, cwd=settings.BASE_DIR, capture_output=True, text=True, check=True,
        )  # fmt: skip
        status, size, elapsed, before, peak = result.stdout.split()[-5:]
        if status != "200":
            raise CommandError(f"The download answered {status}: {result.stderr[-2000:]}")
        self.stdout.write(
            f"{pictures} pictures ({files / 2**20:.0f} MB of files): ZIP of"
            f" {int(size) / 2**20:.0f} MB streamed in {float(elapsed):.2f} s;"
            f" downloading process peak memory {float(peak):.0f} MB"
            f" ({float(before):.0f} MB before the download)"
            f" (whole run {time.monotonic() - started:.1f} s)"
        )
