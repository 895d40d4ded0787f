"""The two roles of a press office, as groups: Editor and Publisher.

Editors write and send to review; publishers also publish, unpublish and delete
(newsroom.workflow enforces what the permissions alone cannot say, such as an
editor deleting a draft but not a published release).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = {
    "newsroom": {
        "pressrelease": ["add", "change", "view", "delete"],
        "releasecontact": ["add", "change", "view", "delete"],
        "contact": ["add", "change", "view"],
        "embargolink": ["add", "change", "view"],
        "institution": ["view"],
    },
    "rankings": {"ranking": ["add", "change", "view"], "award": ["add", "change", "view"]},
}
PUBLISHER_EXTRA = {
    "newsroom": {
        "pressrelease": ["publish"],
        "contact": ["delete"],
        "embargolink": ["delete"],
        "institution": ["change"],
    },
    "rankings": {"ranking": ["delete"], "award": ["delete"]},
}
ROLES = {"Editor": [EDITOR], "Publisher": [EDITOR, PUBLISHER_EXTRA]}


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0, apps=apps)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, grants in ROLES.items():
        group, _created = Group.objects.get_or_create(name=role)
        for grant in grants:
            for app_label, models in grant.items():
                for model, actions in models.items():
                    for action in actions:
                        group.permissions.add(
                            Permission.objects.get(
                                content_type__app_label=app_label,
                                content_type__model=model,
                                codename=f"{action}_{model}",
                            )
                        )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("newsroom", "0004_editorial_workflow"),
        ("rankings", "0002_translation_tracking"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
