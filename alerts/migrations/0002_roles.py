"""Who sees the subscribers and the alerts: editors see them; publishers also delete
subscribers and resend failed alerts."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "Editor": ["view_subscriber", "view_alert"],
    "Publisher": ["view_subscriber", "delete_subscriber", "view_alert", "change_alert"],
}


def grant(apps, schema_editor):
    alerts = apps.get_app_config("alerts")
    alerts.models_module = True  # permissions are made after migrations otherwise
    create_permissions(alerts, verbosity=0, apps=apps)
    alerts.models_module = None
    Group, Permission = apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    for role, codenames in GRANTS.items():
        group = Group.objects.filter(name=role).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label="alerts", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("alerts", "0001_initial"),
        ("newsroom", "0005_editor_and_publisher_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
