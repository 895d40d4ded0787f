"""Static files are collected hashed and compressed for WhiteNoise."""

import subprocess
import sys
from pathlib import Path

from tests.environment import production_environment

ROOT = Path(__file__).resolve().parents[2]


def test_collectstatic_hashes_and_compresses(tmp_path):
    """collectstatic with the production storage gives hashed, gzipped files."""
    env = production_environment(DJANGO_SECRET_KEY="k", DJANGO_STATIC_ROOT=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    css = list((tmp_path / "css").glob("site.*.css"))
    assert css, "no hashed stylesheet"
    assert Path(f"{css[0]}.gz").exists()
    assert (tmp_path / "staticfiles.json").exists()
