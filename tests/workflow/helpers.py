"""Building the admin's release form as a browser would post it."""

from django.utils import timezone

from core.languages import LANGUAGE_CODES
from newsroom.benchmarks.client import FormScraper

INLINES = ("release_contacts", "release_assets", "preview_links", "embargo_links")


def management_forms(prefix, initial=0, total=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def release_form_data(release, **overrides):
    """What the change form posts for `release` unchanged, plus `overrides`."""
    data = {"dateline": release.dateline, "status": release.status}
    for field in ("title", "slug", "standfirst", "body"):
        for code in LANGUAGE_CODES:
            data[f"{field}_{code}"] = getattr(release, f"{field}_{code}") or ""
    for code in LANGUAGE_CODES:
        if getattr(release, f"ready_{code}"):
            data[f"ready_{code}"] = "on"
    if release.waits_for_all_languages:
        data["waits_for_all_languages"] = "on"
    published_at = timezone.localtime(release.published_at)
    data["published_at_0"] = published_at.strftime("%d/%m/%Y")
    data["published_at_1"] = published_at.strftime("%H:%M:%S")
    if release.embargo_until:
        embargo = timezone.localtime(release.embargo_until)
        data["embargo_until_0"] = embargo.strftime("%d/%m/%Y")
        data["embargo_until_1"] = embargo.strftime("%H:%M:%S")
    if release.hero_id:
        data["hero"] = str(release.hero_id)
    if release.pk:
        data["editing_from"] = str(release.version)
    for prefix in INLINES:
        data.update(management_forms(prefix))
    data.update(overrides)
    return data


def form_values(response, **overrides):
    """The admin form of `response` as it would be posted, with `overrides` applied."""
    scraper = FormScraper()
    scraper.feed(response.content.decode())
    data = {name: values if len(values) > 1 else values[0]
            for name, values in scraper.data.items()}  # fmt: skip
    data.pop("action", None)  # the change list's action menu, when present
    data.update(overrides)
    return {name: value for name, value in data.items() if value is not None}
