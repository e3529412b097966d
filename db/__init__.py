"""Alembic environment and schema revisions, plus the demo-street generator."""

from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent
