"""The benchmark's ceiling: a fixed 20 KB page, the fastest this server can answer
(mounted only when NEWSROOM_BENCHMARK is set, as `make bench` does)."""

from django.conf import settings
from django.http import HttpResponse

PAGE = (settings.BASE_DIR / "templates" / "benchmark" / "ceiling.html").read_text()


def view(request):
    return HttpResponse(PAGE)
