"""The hero image's old columns, now in the media library (0015)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0015_hero_image_in_media_library"),
    ]

    operations = [
        migrations.RemoveField(
            model_name="pressrelease",
            name="hero_image",
        ),
        migrations.RemoveField(
            model_name="pressrelease",
            name="hero_image_alt",
        ),
        migrations.RemoveField(
            model_name="pressrelease",
            name="hero_image_alt_en",
        ),
        migrations.RemoveField(
            model_name="pressrelease",
            name="hero_image_alt_fr",
        ),
        migrations.RemoveField(
            model_name="pressrelease",
            name="hero_image_credit",
        ),
        migrations.RemoveField(
            model_name="pressrelease",
            name="hero_image_height",
        ),
        migrations.RemoveField(
            model_name="pressrelease",
            name="hero_image_width",
        ),
    ]
