"""Root URLconf: admin and plumbing outside the language prefix, public pages inside."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from core import richtext
from core.page_cache import cached_page
from newsroom import admin as newsroom_admin
from newsroom import media, previews, views
from newsroom.sitemaps import SITEMAPS

from . import ceiling

handler403 = "config.errors.permission_denied"

urlpatterns = [
    # Before the admin's own URLs, which would otherwise answer this path.
    path("admin/editor/upload/", richtext.upload_image, name="richtext-upload"),
    path(
        "admin/translations/",
        admin.site.admin_view(newsroom_admin.translation_board),
        name="translation-board",
    ),
    # The admin's home page is the press desk (the site's own index, with more).
    path("admin/", admin.site.admin_view(newsroom_admin.desk), name="desk"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path(
        "sitemap.xml",
        cached_page(sitemap_views.index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cached_page(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("robots.txt", cached_page(views.robots_txt), name="robots-txt"),
    # Browsers ask for /favicon.ico whatever the page says: the icon the pages name.
    path("favicon.ico", views.favicon, name="favicon"),
    path("brand.css", views.brand_css, name="brand-css"),
    # Releases before they are public (newsroom.previews); never cached, never indexed.
    path(
        "preview/release/<uuid:uuid>/<str:language>/",
        previews.editor_preview,
        name="preview-release",
    ),
    path("preview/shared/<str:token>/", previews.shared_preview, name="preview-shared"),
    path("preview/embargo/<str:token>/", previews.embargo_preview, name="preview-embargo"),
]

# "/" itself has no page: LocaleMiddleware redirects it to /fr/ or /en/ by Accept-Language.
urlpatterns += i18n_patterns(
    path("", include("newsroom.urls")),
    path(_("alerts/"), include("alerts.urls")),
    prefix_default_language=True,
)

# Uploaded files, through Django so that unpublished releases' pictures stay private
# (newsroom.media). Object storage keeps MEDIA_URL local for the same reason (README).
if not settings.MEDIA_URL.startswith(("http://", "https://")):
    urlpatterns += [path(f"{settings.MEDIA_URL.lstrip('/')}<path:name>", media.serve, name="media")]

# The benchmark's ceiling: a trivial view on the same server (make bench sets this).
if settings.NEWSROOM_BENCHMARK:
    urlpatterns += [path("benchmark/ceiling/", ceiling.view)]
