"""The hero image becomes a media library asset: each release's picture, with its
alternative texts and credit, is kept as a picture of the library (its file stays where
it is, so its address and renditions do not change). 0016 then drops the old columns:
PostgreSQL alters no table with the checks of rows updated in the same transaction
still pending."""

import django.db.models.deletion
from django.db import migrations, models


def hero_images_to_assets(apps, schema_editor):
    PressRelease = apps.get_model("newsroom", "PressRelease")
    MediaAsset = apps.get_model("newsroom", "MediaAsset")
    # Releases showing the same file with the same texts share one asset; a release
    # that describes or credits it differently keeps its own words in its own asset.
    assets = {}
    for release in PressRelease.objects.exclude(hero_image="").exclude(hero_image=None):
        name = release.hero_image.name
        key = (name, release.hero_image_alt_fr, release.hero_image_alt_en,
               release.hero_image_credit)  # fmt: skip
        if key not in assets:
            assets[key] = MediaAsset.objects.create(
                kind="picture",
                picture=name,
                width=release.hero_image_width,
                height=release.hero_image_height,
                alt_text=release.hero_image_alt or "",
                alt_text_fr=release.hero_image_alt_fr,
                alt_text_en=release.hero_image_alt_en,
                credit=release.hero_image_credit,
            )
        PressRelease.objects.filter(pk=release.pk).update(hero=assets[key])


def assets_to_hero_images(apps, schema_editor):
    PressRelease = apps.get_model("newsroom", "PressRelease")
    for release in PressRelease.objects.exclude(hero=None).select_related("hero"):
        hero = release.hero
        PressRelease.objects.filter(pk=release.pk).update(
            hero_image=hero.picture.name,
            hero_image_width=hero.width,
            hero_image_height=hero.height,
            hero_image_alt=hero.alt_text,
            hero_image_alt_fr=hero.alt_text_fr,
            hero_image_alt_en=hero.alt_text_en,
            hero_image_credit=hero.credit,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0014_media_library"),
    ]

    operations = [
        migrations.AddField(
            model_name="pressrelease",
            name="hero",
            field=models.ForeignKey(
                blank=True,
                help_text="A picture of the media library, shown above the text and on the release's card; + adds a new one.",
                limit_choices_to={"kind": "picture"},
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="hero_of",
                to="newsroom.mediaasset",
                verbose_name="hero image",
            ),
        ),
        migrations.RunPython(hero_images_to_assets, assets_to_hero_images),
    ]
