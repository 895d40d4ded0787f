"""gunicorn settings for production: `gunicorn -c python:config.gunicorn_conf config.wsgi`.

Every value can be overridden on the command line or with GUNICORN_* variables.
"""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Load the project once, then fork: workers share the code's memory.
preload_app = True
# Recycle workers now and then, so a slow leak can never grow for long.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
timeout = 30
graceful_timeout = 30
keepalive = 5
# "-" logs each request to stdout; empty leaves it to the proxy in front (nginx logs it).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


def pre_fork(server, worker):
    """Freeze what the master loaded (the project, preloaded): the worker's garbage
    collections then never walk those objects again. A full collection otherwise
    takes tens of milliseconds, and stalls every request queued behind it; frozen
    objects also stay shared with the master instead of being copied on write."""
    gc.collect()
    gc.freeze()


def on_starting(server):
    """Refuse a cache that several workers cannot share: each would keep its own pages,
    and a change saved through one worker would not reach the others' (stale pages)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    from django.conf import settings

    backend = settings.CACHES["default"]["BACKEND"]
    if server.cfg.workers > 1 and backend.endswith("LocMemCache"):
        raise RuntimeError(
            f"{server.cfg.workers} workers cannot share a local-memory cache: set "
            "DJANGO_CACHE_URL to redis://… (several machines) or file:///path (one machine)."
        )
