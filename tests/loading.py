"""Loading serialized rows as `loaddata` and a restored revision do: raw saves in one
transaction, whose on-commit work runs as it commits."""

from django.core import serializers
from django.db import transaction


class LoadFailed(RuntimeError):
    pass


def load(stored, capture_on_commit, fail=False):
    """Save the rows of `stored` (JSON) raw in one transaction, rolled back at its end
    if `fail` (LoadFailed is raised); `capture_on_commit` is pytest-django's
    `django_capture_on_commit_callbacks`."""
    with capture_on_commit(execute=True), transaction.atomic():
        for row in serializers.deserialize("json", stored):
            row.save()
        if fail:
            raise LoadFailed("the load failed")
