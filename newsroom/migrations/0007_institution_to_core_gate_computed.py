"""The institution moves to core (its table stays); the publication gate's flags become
columns the database computes from the row."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom', '0006_archive_year_counts'),
        ('core', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.DeleteModel(name='Institution'),
        ]),
        *(migrations.RemoveIndex(model_name='pressrelease', name=f'release_public_{code}_idx')
          for code in ('fr', 'en')),
        *(migrations.RemoveField(model_name='pressrelease', name=f'{flag}_{code}')
          for flag in ('is_complete', 'is_publishable') for code in ('fr', 'en')),
        migrations.AddField(
            model_name='pressrelease',
            name='is_complete_en',
            field=models.GeneratedField(db_persist=True, expression=models.Case(models.When(models.Q(('title_en__isnull', False), models.Q(('title_en', ''), _negated=True), ('slug_en__isnull', False), models.Q(('slug_en', ''), _negated=True), ('body_en__isnull', False), models.Q(('body_en', ''), _negated=True)), then=models.Value(True)), default=models.Value(False)), output_field=models.BooleanField()),
        ),
        migrations.AddField(
            model_name='pressrelease',
            name='is_complete_fr',
            field=models.GeneratedField(db_persist=True, expression=models.Case(models.When(models.Q(('title_fr__isnull', False), models.Q(('title_fr', ''), _negated=True), ('slug_fr__isnull', False), models.Q(('slug_fr', ''), _negated=True), ('body_fr__isnull', False), models.Q(('body_fr', ''), _negated=True)), then=models.Value(True)), default=models.Value(False)), output_field=models.BooleanField()),
        ),
        migrations.AddField(
            model_name='pressrelease',
            name='is_publishable_en',
            field=models.GeneratedField(db_persist=True, expression=models.Case(models.When(models.Q(('title_en__isnull', False), models.Q(('title_en', ''), _negated=True), ('slug_en__isnull', False), models.Q(('slug_en', ''), _negated=True), ('body_en__isnull', False), models.Q(('body_en', ''), _negated=True), ('ready_en', True), models.Q(('waits_for_all_languages', False), models.Q(('title_fr__isnull', False), models.Q(('title_fr', ''), _negated=True), ('slug_fr__isnull', False), models.Q(('slug_fr', ''), _negated=True), ('body_fr__isnull', False), models.Q(('body_fr', ''), _negated=True), ('ready_fr', True), ('title_en__isnull', False), models.Q(('title_en', ''), _negated=True), ('slug_en__isnull', False), models.Q(('slug_en', ''), _negated=True), ('body_en__isnull', False), models.Q(('body_en', ''), _negated=True), ('ready_en', True)), _connector='OR')), then=models.Value(True)), default=models.Value(False)), output_field=models.BooleanField()),
        ),
        migrations.AddField(
            model_name='pressrelease',
            name='is_publishable_fr',
            field=models.GeneratedField(db_persist=True, expression=models.Case(models.When(models.Q(('title_fr__isnull', False), models.Q(('title_fr', ''), _negated=True), ('slug_fr__isnull', False), models.Q(('slug_fr', ''), _negated=True), ('body_fr__isnull', False), models.Q(('body_fr', ''), _negated=True), ('ready_fr', True), models.Q(('waits_for_all_languages', False), models.Q(('title_fr__isnull', False), models.Q(('title_fr', ''), _negated=True), ('slug_fr__isnull', False), models.Q(('slug_fr', ''), _negated=True), ('body_fr__isnull', False), models.Q(('body_fr', ''), _negated=True), ('ready_fr', True), ('title_en__isnull', False), models.Q(('title_en', ''), _negated=True), ('slug_en__isnull', False), models.Q(('slug_en', ''), _negated=True), ('body_en__isnull', False), models.Q(('body_en', ''), _negated=True), ('ready_en', True)), _connector='OR')), then=models.Value(True)), default=models.Value(False)), output_field=models.BooleanField()),
        ),
        *(migrations.AddIndex(
            model_name='pressrelease',
            index=models.Index(
                condition=models.Q((f'is_publishable_{code}', True)),
                fields=['-published_at', '-id', 'published_year', 'status'],
                name=f'release_public_{code}_idx',
            ),
        ) for code in ('fr', 'en')),
    ]
