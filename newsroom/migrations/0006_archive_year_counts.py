"""Per-year counts of published releases in each language (ArchiveYear), counted
once here from the existing releases; the application keeps them up to date."""

from django.db import migrations, models


def count_existing_releases(apps, schema_editor):
    PressRelease = apps.get_model("newsroom", "PressRelease")
    ArchiveYear = apps.get_model("newsroom", "ArchiveYear")
    published = PressRelease.objects.filter(status="published").order_by()
    for language in ("fr", "en"):
        per_year = (
            published.filter(**{f"is_publishable_{language}": True})
            .values_list("published_year")
            .annotate(models.Count("pk"), models.Max("published_at"))
        )
        ArchiveYear.objects.bulk_create(
            ArchiveYear(language=language, year=year, releases=releases, latest_publication=latest)
            for year, releases, latest in per_year
        )


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom', '0005_editor_and_publisher_roles'),
    ]

    operations = [
        migrations.CreateModel(
            name='ArchiveYear',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(choices=[('fr', 'French'), ('en', 'English')], max_length=8)),
                ('year', models.PositiveSmallIntegerField()),
                ('releases', models.PositiveIntegerField()),
                ('latest_publication', models.DateTimeField()),
            ],
            options={
                'ordering': ['language', '-year'],
                'constraints': [models.UniqueConstraint(fields=('language', 'year'), name='unique_archive_year')],
            },
        ),
        migrations.RunPython(count_existing_releases, migrations.RunPython.noop),
    ]
