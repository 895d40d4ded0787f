"""A release read before it is public, exactly as the public will see it.

Three ways in, all under /preview/ (kept out of search engines by robots.txt and
`X-Robots-Tag`, never cached):
- editors preview any release in either language from the admin;
- a preview link (`PreviewLink`) for someone without an account, listed on the
  release, revocable and expiring, refused once the release lost that language or was
  deleted (signed links made before keep opening until they expire);
- a journalist's personal embargo link (`EmbargoLink`), revocable and expiring.

Each grants the reader's session the release's images until the link expires or is
revoked, so the page shows them while their public addresses still answer 404
(newsroom.media).
"""

import datetime

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.languages import LANGUAGE_CODES

from . import workflow
from .models import EmbargoLink, PressRelease, PreviewLink
from .models.releases import in_zone
from .views import ReleaseDetailView

SIGNING_SALT = "newsroom.preview-link"
MEDIA_GRANTS_KEY = "newsroom:media-grants"


def preview_link(release, language, days=None, *, recipient="", created_by=None):
    """The path of a new preview link to `release` in `language`, listed on the release
    and revocable there."""
    days = days or settings.NEWSROOM_PREVIEW_LINK_DAYS
    link = PreviewLink.objects.create(
        release=release, language=language, recipient=recipient, created_by=created_by,
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )  # fmt: skip
    return link.reading_path()


# The links whose grants end the moment they stop opening their release.
GRANTING_LINKS = {"embargo": EmbargoLink, "preview": PreviewLink}


def grant_media(request, release, until, link=None):
    """Let this session load the release's images until `until` (see newsroom.media);
    through a `link`, only while that link still opens the release."""
    now = timezone.now().timestamp()
    grants = {key: grant for key, grant in stored_grants(request).items()
              if grant["until"] > now}  # fmt: skip
    kind = next((kind for kind, model in GRANTING_LINKS.items() if isinstance(link, model)), None)
    kept = grants.get(str(release.uuid))
    if kept is None or kept["until"] < until.timestamp():
        grants[str(release.uuid)] = {"until": until.timestamp(), "link": link and link.pk,
                                     "kind": kind}  # fmt: skip
    request.session[MEDIA_GRANTS_KEY] = grants


def stored_grants(request):
    """{release uuid: {"until": timestamp, "link": link id or None, "kind": its kind}}."""
    grants = request.session.get(MEDIA_GRANTS_KEY, {})
    # Sessions from before links were kept with their grants held a bare timestamp.
    return {key: {"link": None, "kind": None, **grant} if isinstance(grant, dict)
            else {"until": grant, "link": None, "kind": None}
            for key, grant in grants.items()}  # fmt: skip


def granted_releases(request):
    """UUIDs of releases whose images this session may load now: a grant through a link
    ends the moment the link is revoked (or, for a journalist's, the release withdrawn)."""
    now = timezone.now().timestamp()
    grants = {key: grant for key, grant in stored_grants(request).items() if grant["until"] > now}
    usable = {}
    for kind, model in GRANTING_LINKS.items():
        ids = {
            grant["link"] for grant in grants.values() if grant["link"] and grant["kind"] == kind
        }
        if kind == "embargo":  # grants from before kinds were kept
            ids |= {
                grant["link"] for grant in grants.values() if grant["link"] and not grant["kind"]
            }
        usable[kind] = set(model.objects.usable().filter(pk__in=ids).values_list("pk", flat=True))
    return {
        key for key, grant in grants.items()
        if not grant["link"] or grant["link"] in usable[grant["kind"] or "embargo"]
    }  # fmt: skip


def refusal(request, status, message):
    response = TemplateResponse(
        request, "newsroom/preview_refused.html", {"message": message}, status=status
    )
    return no_index(response)


def no_index(response):
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    response["Referrer-Policy"] = "no-referrer"  # the link's token stays here
    return response


class ReleasePreviewView(ReleaseDetailView):
    """The public release page for a release in hand, with a banner saying why."""

    banner = ""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.release = kwargs["release"]

    def get_object(self, queryset=None):
        return self.release  # loaded by the caller with for_detail()

    def get_context_data(self, **kwargs):
        return super().get_context_data(access_banner=self.banner, **kwargs)


def render_preview(request, release, language, banner, media_until, link=None):
    """The release page in `language`, marked with `banner`, for no search engine."""
    with translation.override(language):
        view = ReleasePreviewView.as_view(banner=banner)
        response = view(request, release=release)
        response.render()
    grant_media(request, release, media_until, link)
    return no_index(response)


def editor_preview(request, uuid, language):
    """Editors: any release, any state, in a language it has."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path(), reverse("admin:login"))
    if not workflow.can_view(request.user):
        raise PermissionDenied
    release = get_object_or_404(PressRelease.objects.for_detail(), uuid=uuid)
    if language not in LANGUAGE_CODES or not release.is_complete_in(language):
        raise Http404(_("This release has no complete version in that language."))
    banner = _("Preview — %(state)s. This is how the page looks once public.") % {
        "state": release.state_description().rstrip(".")
    }
    return render_preview(
        request, release, language, banner, timezone.now() + datetime.timedelta(hours=1)
    )


def shared_preview(request, token):
    """Someone without an account, through a preview link an editor sent them."""
    link = PreviewLink.objects.filter(token=token).first()
    if link is None:
        return signed_preview(request, token)
    if link.revoked_at is not None:
        return refusal(
            request, 410, _("This preview link was withdrawn. Ask the press office for a new one.")
        )
    if link.expires_at <= timezone.now():
        return refusal(
            request, 410, _("This preview link has expired. Ask the press office for a new one.")
        )
    release = PressRelease.objects.for_detail().get(pk=link.release_id)
    if not release.is_complete_in(link.language):
        return refusal(request, 410, _("This release no longer has a version in this language."))
    link.record_opening()
    banner = _("Preview — not public yet. Please do not share this link.")
    return render_preview(request, release, link.language, banner, link.expires_at, link)


def signed_preview(request, token):
    """A signed link made before links were listed on their release: opens until it
    expires (a week at most), and cannot be revoked."""
    try:
        payload = signing.loads(token, salt=SIGNING_SALT)
        expires = datetime.datetime.fromtimestamp(payload["expires"], tz=datetime.UTC)
        uuid, language = payload["release"], payload["language"]
    except (signing.BadSignature, KeyError, TypeError, ValueError, OverflowError):
        return refusal(request, 404, _("This preview link is not valid."))
    if expires <= timezone.now():
        return refusal(
            request, 410, _("This preview link has expired. Ask the press office for a new one.")
        )
    release = PressRelease.objects.for_detail().filter(uuid=uuid).first()
    if release is None:
        return refusal(request, 404, _("This release no longer exists."))
    if language not in LANGUAGE_CODES or not release.is_complete_in(language):
        return refusal(request, 410, _("This release no longer has a version in this language."))
    banner = _("Preview — not public yet. Please do not share this link.")
    return render_preview(request, release, language, banner, expires)


def embargo_preview(request, token):
    """A journalist, through their personal link, before the embargo ends."""
    link = EmbargoLink.objects.filter(token=token).first()
    if link is None:
        return refusal(request, 404, _("This link is not valid."))
    if link.revoked_at is not None or link.expires_at <= timezone.now():
        return refusal(
            request,
            410,
            _("This link has expired or was withdrawn. Ask the press office for a new one."),
        )
    release, language = PressRelease.objects.for_detail().get(pk=link.release_id), link.language
    if release.status != PressRelease.Status.PUBLISHED:
        return refusal(
            request,
            403,
            _("This release is not published yet. Your link will open it, before its embargo"
              " ends, as soon as the press office publishes it."),
        )  # fmt: skip
    if release.is_public_in(language):
        return redirect(release.get_absolute_url(language))
    if not release.is_complete_in(language):
        return refusal(request, 410, _("This release no longer has a version in this language."))
    link.record_opening()
    with translation.override(language):
        banner = _("EMBARGOED until %(moment)s. Not for publication before then.") % {
            "moment": in_zone(release.published_at)
        }
    return render_preview(request, release, language, banner, link.expires_at, link)
