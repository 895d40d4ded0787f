"""Who may do what with a release. The admin and the previews ask here, nowhere else.

Editors write drafts and send them to review; publishers also publish, unpublish
and delete what is published. A published release, live or scheduled, is the
publishers' to change: an editor may read it but not alter it.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

PUBLISH = "newsroom.publish_pressrelease"


def can_publish(user):
    return user.is_active and user.has_perm(PUBLISH)


def stored_status(release):
    """The status as saved, whatever a form did to the instance since."""
    if release is None or release.pk is None:
        return None
    if getattr(release, "saved_status", None) is None:  # built in code, or status deferred
        release.saved_status = (
            type(release).objects.filter(pk=release.pk).values_list("status", flat=True).first()
        )
    return release.saved_status


def is_published(release):
    return stored_status(release) == release.Status.PUBLISHED


def can_view(user):
    return user.is_active and user.is_staff and user.has_perm("newsroom.view_pressrelease")


def can_change(user, release=None):
    if not user.has_perm("newsroom.change_pressrelease"):
        return False
    return release is None or can_publish(user) or not is_published(release)


def can_delete(user, release=None):
    if not user.has_perm("newsroom.delete_pressrelease"):
        return False
    return release is None or can_publish(user) or not is_published(release)


def allowed_statuses(user):
    from .models import PressRelease

    if can_publish(user):
        return list(PressRelease.Status)
    return [PressRelease.Status.DRAFT, PressRelease.Status.IN_REVIEW]


def check_status_change(user, release, new_status):
    """Refuse a change of status the user's role does not allow."""
    old_status = stored_status(release)
    if new_status == old_status:
        return
    published = release.Status.PUBLISHED
    if published in (old_status, new_status) and not can_publish(user):
        raise PermissionDenied(_("Only a publisher can publish or unpublish a release."))
