import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

# Local accounts to try each role with: (username, group; None for a superuser).
ACCOUNTS = [("admin", None), ("editor", "Editor"), ("publisher", "Publisher")]


class Command(BaseCommand):
    help = (
        "Create the local accounts — a superuser, an editor and a publisher — with random "
        "passwords and print their credentials, once. Existing accounts are left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin", help="The superuser's username.")
        parser.add_argument(
            "--address",
            default="http://127.0.0.1:8000/admin/",
            help="Where the admin is served, as printed with the credentials.",
        )

    def handle(self, *args, username, address, **options):
        User = get_user_model()
        for name, group in [(username, None), *ACCOUNTS[1:]]:
            if User.objects.filter(username=name).exists():
                self.stdout.write(
                    f"Local account '{name}' already exists (its password was printed when it "
                    f"was created; reset it with: python manage.py changepassword {name})."
                )
                continue
            password = secrets.token_urlsafe(12)
            if group is None:
                User.objects.create_superuser(username=name, email="", password=password)
                role = "admin (every right)"
            else:
                user = User.objects.create_user(name, password=password, is_staff=True)
                user.groups.add(Group.objects.get(name=group))
                role = group
            self.stdout.write(
                self.style.SUCCESS(
                    f"Local {role} account created — sign in at {address}\n"
                    f"  username: {name}\n  password: {password}"
                )
            )
