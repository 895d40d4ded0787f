import os
import subprocess
import sys
import time
import urllib.request

from django.conf import settings


def start_gunicorn(port, workers=2, **environment):
    """gunicorn serving the project with debug off on 127.0.0.1:`port`, once it answers."""
    env = {
        **os.environ,
        "DJANGO_DEBUG": "",
        "NEWSROOM_BENCHMARK": "1",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "GUNICORN_WORKERS": str(workers),
        "GUNICORN_MAX_REQUESTS": "0",
        **environment,
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "python:config.gunicorn_conf",
         "--bind", f"127.0.0.1:{port}", "config.wsgi"],
        env=env, cwd=settings.BASE_DIR, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/benchmark/ceiling/", timeout=1)
            return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise RuntimeError("gunicorn did not start")
