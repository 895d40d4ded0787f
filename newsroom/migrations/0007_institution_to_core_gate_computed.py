"""The institution moves to core (its table stays, its permissions, revisions and admin
history follow it); the publication gate's flags become columns the database computes
from the row."""

from django.db import migrations, models


def move_institution_content_type(apps, schema_editor):
    """An existing database has the newsroom's content type: it becomes core's. A new one
    has both (0005 made permissions for every model of the time): what points at the
    newsroom's moves to core's, then it goes."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    old = ContentType.objects.filter(app_label="newsroom", model="institution").first()
    if old is None:
        return
    new = ContentType.objects.filter(app_label="core", model="institution").first()
    if new is None:
        old.app_label = "core"
        old.save()
        return
    for permission in Permission.objects.filter(content_type=old):
        replacement, _created = Permission.objects.get_or_create(
            content_type=new, codename=permission.codename, defaults={"name": permission.name}
        )
        for group in permission.group_set.all():
            group.permissions.add(replacement)
        for user in permission.user_set.all():
            user.user_permissions.add(replacement)
    for model in (("reversion", "Version"), ("admin", "LogEntry")):
        apps.get_model(*model).objects.filter(content_type=old).update(content_type=new)
    old.delete()


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom', '0006_archive_year_counts'),
        ('core', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('admin', '0003_logentry_add_action_flag_choices'),
        ('reversion', '0002_add_index_on_version_for_content_type_and_db'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[
            migrations.DeleteModel(name='Institution'),
        ]),
        migrations.RunPython(move_institution_content_type, migrations.RunPython.noop),
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
