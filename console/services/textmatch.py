"""Substring conditions over a case's number, address, description and reporter name.

The text is split on white space; every term must occur (in any of the four columns).
SQLite: the FTS5 table case_search (trigram tokenizer, revision 0003) answers terms of
3+ characters with MATCH; a 1-2 character term has no trigram to look up, so it is a
LIKE over the four columns (a scan). PostgreSQL: every term is an ILIKE on the four
columns joined by U+001F, the expression of the GIN trigram index ix_case_file_search;
from 3 characters on the index finds the candidates, shorter terms scan. The separator
cannot occur in a term (control characters are dropped), so no term spans two columns.
Matching ignores case (ASCII on SQLite's LIKE, every letter elsewhere).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Integer,
    String,
    and_,
    bindparam,
    literal_column,
    or_,
    select,
)
from sqlalchemy import column as sql_column
from sqlalchemy import table as sql_table
from sqlalchemy.orm import Session

from console.models import Case
from db.unmapped import SEARCH_TABLE

MIN_INDEXED = 3  # trigram: shorter terms cannot be looked up in the index
_SEPARATOR = literal_column("E'\\x1f'", String)
_fts = sql_table(SEARCH_TABLE, sql_column("rowid", Integer), sql_column(SEARCH_TABLE, String))
_COLUMNS = (Case.number, Case.address, Case.description, Case.reporter_name)


def terms(text: str) -> list[str]:
    """The words of a search text, control characters removed, duplicates dropped."""
    found: list[str] = []
    for word in text.split():
        clean = "".join(ch for ch in word if unicodedata.category(ch) != "Cc")
        if clean and clean not in found:
            found.append(clean)
    return found


def like_pattern(term: str) -> str:
    """'%term%' with LIKE's wildcards in the term taken literally (escape character \\)."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def fts_phrase(terms_: Sequence[str]) -> str:
    """An FTS5 query: each term a quoted string (so nothing in it is query syntax)."""
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms_)


def search_text() -> ColumnElement[str]:
    """PostgreSQL: the indexed expression, exactly as revision 0003 wrote it."""
    number, address, description, reporter = _COLUMNS
    joined = number + _SEPARATOR + address + _SEPARATOR + description + _SEPARATOR + reporter
    return joined.self_group()


# How SQLite finds the rows of the indexed terms (PostgreSQL's planner decides itself):
DRIVE = "drive"  # the text index drives: look up every match, then filter and sort
WALK = "walk"  # another index drives (in the page's order); each row is tested
LISTED = "listed"  # the matches were read beforehand and are listed by id


@dataclass(frozen=True)
class TextShape:
    """What a text condition's SQL depends on (its values are bound at execution)."""

    dialect: str
    indexed: int
    short: int
    rows: str = DRIVE


@dataclass(frozen=True)
class TextQuery:
    """The parsed text: terms the index can answer and terms it cannot."""

    indexed: tuple[str, ...]
    short: tuple[str, ...]

    @classmethod
    def parse(cls, text: str) -> TextQuery | None:
        words = terms(text)
        if not words:
            return None
        return cls(
            indexed=tuple(w for w in words if len(w) >= MIN_INDEXED),
            short=tuple(w for w in words if len(w) < MIN_INDEXED),
        )

    def shape(self, dialect: str, rows: str = DRIVE) -> TextShape:
        return TextShape(dialect, len(self.indexed), len(self.short), rows)

    def parameters(self, dialect: str) -> dict[str, str]:
        """Values for the bind parameters of condition(self.shape(dialect)); a LISTED
        shape also needs IDS_PARAM, the ids from matching_ids()."""
        if dialect != "sqlite":
            words = (*self.indexed, *self.short)
            return {f"text_like_{n}": like_pattern(word) for n, word in enumerate(words)}
        values = {f"text_like_{n}": like_pattern(word) for n, word in enumerate(self.short)}
        if self.indexed:
            values[MATCH_PARAM] = fts_phrase(self.indexed)
        return values


MATCH_PARAM = "text_match"
IDS_PARAM = "text_ids"
_match = _fts.c[SEARCH_TABLE].op("MATCH")(bindparam(MATCH_PARAM, type_=String))


def _like(n: int, *, inline: bool = False) -> BindParameter[str]:
    # PostgreSQL gets the term inline: the planner needs it to estimate how many rows
    # match, and a cached generic plan must not fix that choice for every term.
    return bindparam(f"text_like_{n}", type_=String, literal_execute=inline)


def condition(shape: TextShape) -> ColumnElement[bool]:
    """A WHERE condition on case_file; bind its values with TextQuery.parameters()."""
    if shape.dialect != "sqlite":
        text_ = search_text()
        count = shape.indexed + shape.short
        return and_(*(text_.ilike(_like(n, inline=True), "\\") for n in range(count)))
    parts = [
        or_(*(column.like(_like(n), escape="\\") for column in _COLUMNS))
        for n in range(shape.short)
    ]
    if shape.indexed and shape.rows == LISTED:
        parts.append(Case.id.in_(bindparam(IDS_PARAM, expanding=True)))
    elif shape.indexed:
        ids = select(_fts.c.rowid).where(_match)
        # "+ 0" hides the id from the index planner, so it cannot drive the join.
        target = Case.id + 0 if shape.rows == WALK else Case.id
        parts.append(target.in_(ids))
    return and_(*parts)


_IDS_UP_TO = select(_fts.c.rowid).where(_match).limit(bindparam("up_to"))


def matching_ids(session: Session, query: TextQuery, *, below: int) -> list[int] | None:
    """SQLite: the ids the indexed terms match, or None when there are `below` or more.

    One pass over the text index: a term made of common trigrams (digits of dates in
    case numbers) costs the same to count as to find, so it is not matched twice.
    """
    values = {MATCH_PARAM: fts_phrase(query.indexed), "up_to": below}
    ids = list(session.connection().execute(_IDS_UP_TO, values).scalars())
    return ids if len(ids) < below else None
