"""Root URLconf: admin and plumbing outside the language prefix, public pages inside."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from . import richtext, views
from .page_cache import cached_page
from .sitemaps import SITEMAPS

urlpatterns = [
    # Before the admin's own URLs, which would otherwise answer this path.
    path("admin/editor/upload/", richtext.upload_image, name="richtext-upload"),
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path(
        "sitemap.xml",
        cached_page(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap",
    ),
    path("robots.txt", cached_page(views.robots_txt), name="robots-txt"),
]

# "/" itself has no page: LocaleMiddleware redirects it to /fr/ or /en/ by Accept-Language.
urlpatterns += i18n_patterns(
    path("", include("newsroom.public_urls")),
    prefix_default_language=True,
)

# Uploaded media in local development only (static() is a no-op unless DEBUG).
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The benchmark's ceiling: a trivial view on the same server (make bench sets this).
if settings.NEWSROOM_BENCHMARK:
    urlpatterns += [path("benchmark/ceiling/", views.benchmark_ceiling)]
