"""Where BorderWatch's files are: the project root, the data folders and the store.

Every module that reads a data file or opens the default store takes its path from here.
"""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
ARTICLES_DIR = DATA_DIR / "articles"
LEXICON_DIR = DATA_DIR / "lexicon"
GEO_DIR = DATA_DIR / "geo"
DEFAULT_DB = DATA_DIR / "borderwatch.duckdb"
DB_ENV = "BORDERWATCH_DB"
READ_ONLY_ENV = "BORDERWATCH_READ_ONLY"


def db_path() -> Path:
    """The store to use when none is named: $BORDERWATCH_DB, else data/borderwatch.duckdb."""
    return Path(os.environ.get(DB_ENV) or DEFAULT_DB)


def read_only() -> bool:
    """Whether $BORDERWATCH_READ_ONLY asks for a store that is only read (a dashboard for viewers)."""
    return os.environ.get(READ_ONLY_ENV, "").strip().lower() in ("1", "true", "yes", "on")
