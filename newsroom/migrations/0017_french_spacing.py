"""French text written before the site set it (core.richtext.CleanTextMixin) gets its
no-break spaces: before a colon, ; ! ? and inside « guillemets »."""

from django.db import migrations

from core.typography import french_spacing

MODELS = [
    ("core", "Institution"),
    ("rankings", "Ranking"),
    ("rankings", "Award"),
    ("newsroom", "Contact"),
    ("newsroom", "MediaAsset"),
    ("newsroom", "PressRelease"),
]


def set_french_spacing(apps, schema_editor):
    for app_label, name in MODELS:
        model = apps.get_model(app_label, name)
        fields = [
            field.attname
            for field in model._meta.concrete_fields
            if field.attname.endswith("_fr")
            and field.get_internal_type() in ("CharField", "TextField")
            and not field.generated
        ]
        for row in model.objects.values("pk", *fields).iterator():
            changed = {
                field: french_spacing(row[field])
                for field in fields
                if row[field] and french_spacing(row[field]) != row[field]
            }
            if changed:
                model.objects.filter(pk=row["pk"]).update(**changed)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0004_institution_colour"),
        ("rankings", "0004_versions"),
        ("newsroom", "0016_remove_hero_image_columns"),
    ]

    operations = [migrations.RunPython(set_french_spacing, migrations.RunPython.noop)]
