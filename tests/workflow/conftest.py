import pytest
from django.contrib.auth.models import Group
from django.test import Client


def member_of(django_user_model, username, group=None, **flags):
    user = django_user_model.objects.create_user(
        username, password="x", first_name=username.capitalize(), is_staff=True, **flags
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db, django_user_model):
    """A member of the Editor group the data migration creates."""
    return member_of(django_user_model, "camille", "Editor")


@pytest.fixture
def publisher(db, django_user_model):
    """A member of the Publisher group the data migration creates."""
    return member_of(django_user_model, "dominique", "Publisher")


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser("admin", password="x")


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(editor):
    return signed_in(editor)


@pytest.fixture
def publisher_client(publisher):
    return signed_in(publisher)


@pytest.fixture
def clients(client, editor, publisher, superuser):
    """One client per role, anonymous included."""
    return {
        "anonymous": client,
        "editor": signed_in(editor),
        "publisher": signed_in(publisher),
        "superuser": signed_in(superuser),
    }
