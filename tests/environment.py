"""The environment of a `manage.py` run in a fresh process, as a server would have it."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def production_environment(**settings):
    """This process's environment without any DJANGO_ setting, nor the developer's `.env`
    (`make install` writes one with debug on), plus `settings`."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment["DJANGO_ENV_FILE"] = str(ROOT / "tests" / "no-such.env")
    return {**environment, **settings}
