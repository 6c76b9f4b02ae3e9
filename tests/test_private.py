"""Private by default: the dashboard listens on this machine only and shows no error details."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from borderwatch.articles import MAX_ARTICLE_BYTES

ROOT = Path(__file__).resolve().parent.parent


def _config() -> dict:
    return tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_the_server_binds_to_this_machine_and_hides_error_details():
    config = _config()
    assert config["server"]["address"] == "127.0.0.1"
    assert config["client"]["showErrorDetails"] == "none"


def test_the_upload_limit_is_the_article_limit():
    assert _config()["server"]["maxUploadSize"] * 1024 * 1024 == MAX_ARTICLE_BYTES  # Streamlit's MB are MiB


def test_make_run_binds_to_this_machine():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    (recipe,) = re.findall(r"^\t.*streamlit run dashboard\.py.*$", makefile, re.MULTILINE)
    assert "--server.address 127.0.0.1" in recipe
