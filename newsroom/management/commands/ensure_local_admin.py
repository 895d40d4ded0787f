import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create a local superuser with a random password and print its credentials, "
        "once. Does nothing when the account already exists."
    )

    def add_arguments(self, parser):
        parser.add_argument("--username", default="admin")

    def handle(self, *args, username, **options):
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            self.stdout.write(
                f"Local admin account '{username}' already exists (its password was printed "
                f"when it was created; reset it with: python manage.py changepassword {username})."
            )
            return
        password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                "Local admin account created — sign in at http://127.0.0.1:8000/admin/\n"
                f"  username: {username}\n  password: {password}"
            )
        )
