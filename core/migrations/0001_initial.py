"""The institution moves from the newsroom app to the building blocks (core)."""

import core.images
import core.richtext
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
    ]

    operations = [
        # The table is the newsroom app's (newsroom 0001): only the model moves here.
        migrations.SeparateDatabaseAndState(state_operations=[migrations.CreateModel(
            name='Institution',
            fields=[
                ('id', models.PositiveSmallIntegerField(default=1, editable=False, primary_key=True, serialize=False)),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('logo', core.images.SafeImageField(blank=True, height_field='logo_height', upload_to='institution/', verbose_name='logo', width_field='logo_width')),
                ('logo_width', models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ('logo_height', models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ('address', models.TextField(blank=True, verbose_name='postal address')),
                ('website', models.URLField(blank=True, verbose_name='website')),
                ('about', core.richtext.RichTextField(blank=True, help_text='The boilerplate paragraph printed at the end of every release.', verbose_name='about the institution')),
                ('about_fr', core.richtext.RichTextField(blank=True, help_text='The boilerplate paragraph printed at the end of every release.', null=True, verbose_name='about the institution')),
                ('about_en', core.richtext.RichTextField(blank=True, help_text='The boilerplate paragraph printed at the end of every release.', null=True, verbose_name='about the institution')),
                ('social_profiles', models.TextField(blank=True, help_text='One address per line, e.g. https://www.linkedin.com/school/…', verbose_name='social media profiles')),
                ('default_share_image', core.images.SafeImageField(blank=True, height_field='share_image_height', help_text='Shown by social networks for pages without an image of their own.', upload_to='institution/', verbose_name='default share image', width_field='share_image_width')),
                ('share_image_width', models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ('share_image_height', models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
            ],
            options={
                'verbose_name': 'institution',
                'verbose_name_plural': 'institution',
                'db_table': 'newsroom_institution',
                'constraints': [models.CheckConstraint(condition=models.Q(('id', 1)), name='institution_is_a_singleton')],
            },
            bases=(core.richtext.CleanTextMixin, models.Model),
        )]),
    ]
