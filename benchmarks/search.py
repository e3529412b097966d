"""Time Chinese substring search on a million demo cases, beside bare SQL.

    .venv/bin/python -m benchmarks.search [--db URL] [--cases 1000000] [--runs 50]

Project: console.services.search.search(session, term, 50): the 50 newest cases (all
but merged) whose number, address, description or reporter name contain the term, as
queue rows. Lower bound: the same statements typed out and run on the bare driver:
on SQLite the ids of up to 2,500 FTS5 matches, then the page of those ids (fewer) or
walking the report-time index and testing each row against the matches (more); on
PostgreSQL one statement, ILIKE on the trigram-indexed expression, the term inline.
Goal for terms of 3+ characters: p95 within 50 ms and within 1.5x the bare SQL; 1-2
characters (no trigram to look up: a scan until 50 are found, or of everything) are
reported only.
"""

from __future__ import annotations

import functools
from typing import Any

from benchmarks import scale
from benchmarks.bare_sql import Bare, page_sql
from console.services.queue import LISTED_MATCHES
from console.services.search import search
from console.services.textmatch import MIN_INDEXED, fts_phrase, like_pattern
from console.store import Store

LIMIT = 50
# (term, what it is); match counts are printed, as the demo data decides them.
TERMS = (
    ("暴露垃圾", "a common category phrase"),
    ("杨庄路", "a road: many addresses"),
    ("黄辉博", "a grid worker, as reporter"),
    ("露天焚烧", "a rarer phrase"),
    ("鲁谷路57号", "one address"),
    ("吴飞宇", "a rare reporter"),
    ("BJ20261128", "one day's case numbers"),
    ("BJ202611282147", "one case number"),
    ("无此内容", "nothing matches"),
    ("垃圾", "2 characters, very common"),
    ("桶", "1 character, common"),
    ("塌陷", "2 characters, rare"),
    ("魏", "1 character, no match: a full scan"),
)
NEWEST = "{t}.reported_at DESC, {t}.id DESC"
SEARCH_TEXT = (
    "(case_file.number || E'\\x1f' || case_file.address || E'\\x1f'"
    " || case_file.description || E'\\x1f' || case_file.reporter_name)"
)


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def bare_search(bare: Bare, term: str) -> list[Any]:
    """The statements console.services.search sends for one term, by hand."""
    everything = "case_file.state <> 'merged'"
    if not bare.sqlite:
        where = f"{everything} AND {SEARCH_TEXT} ILIKE {_quote(like_pattern(term))} ESCAPE '\\'"
        return bare.rows(page_sql(where, NEWEST, limit=LIMIT))
    if len(term) < MIN_INDEXED:
        columns = ("number", "address", "description", "reporter_name")
        like = " OR ".join(f"case_file.{c} LIKE ? ESCAPE '\\'" for c in columns)
        where = f"{everything} AND ({like})"
        return bare.rows(page_sql(where, NEWEST, limit=LIMIT), (like_pattern(term),) * 4)
    match = fts_phrase([term])
    first = "SELECT rowid FROM case_search WHERE case_search MATCH ? LIMIT ?"
    ids = [rowid for (rowid,) in bare.rows(first, (match, LISTED_MATCHES))]
    if len(ids) < LISTED_MATCHES:
        where = f"{everything} AND case_file.id IN ({', '.join('?' * len(ids))})"
        return bare.rows(page_sql(where, NEWEST, limit=LIMIT), tuple(ids))
    subquery = "SELECT rowid FROM case_search WHERE case_search MATCH ?"
    where = f"{everything} AND case_file.id + 0 IN ({subquery})"
    return bare.rows(page_sql(where, NEWEST, limit=LIMIT), (match,))


def naive_sqlite(bare: Bare, term: str) -> list[Any]:
    """One statement, always driven by the text index: what reading the ids avoids."""
    ids = "SELECT rowid FROM case_search WHERE case_search MATCH ?"
    where = f"case_file.state <> 'merged' AND case_file.id IN ({ids})"
    return bare.rows(page_sql(where, NEWEST, limit=LIMIT), (fts_phrase([term]),))


def matches(bare: Bare, term: str) -> int:
    pattern = like_pattern(term)
    if bare.sqlite:
        columns = ("number", "address", "description", "reporter_name")
        like = " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in columns)
        return int(bare.rows(f"SELECT count(*) FROM case_file WHERE {like}", (pattern,) * 4)[0][0])
    where = f"{SEARCH_TEXT} ILIKE {_quote(pattern)} ESCAPE '\\'"
    return int(bare.rows(f"SELECT count(*) FROM case_file WHERE {where}")[0][0])


def run(store: Store, runs: int) -> None:
    bare = Bare(store)
    print(scale.HEADER)
    with store.read() as session:
        for term, what in TERMS:
            found = len(search(session, term, LIMIT, now=scale.NOW))
            assert found == len(bare_search(bare, term)), term
            slow = len(term) < MIN_INDEXED
            times = max(runs // 5, 30) if slow else runs  # a full scan takes a while
            find = functools.partial(search, session, term, LIMIT, now=scale.NOW)
            project = scale.timed(find, times)
            lower = scale.timed(functools.partial(bare_search, bare, term), times)
            goal = "" if slow else ("  ok" if project.p95 <= 0.050 else "  MISSED")
            label = f"{term} ({what}, {matches(bare, term):,})"
            print(scale.line(label, project, lower) + goal)
            if bare.sqlite and not slow:
                naive = scale.timed(functools.partial(naive_sqlite, bare, term), times)
                print(f"{'  bare, always driven by the text index':<{scale.WIDTH}} {naive}")
    bare.close()


def main() -> None:
    args = scale.arguments(__doc__.split("\n\n")[0] if __doc__ else None)
    print(scale.machine())
    with scale.database(args.db, "search_bench") as url:
        store = scale.prepare(url, args.cases)
        run(store, args.runs)
        store.dispose()
    print(f"after: {scale.machine()}")


if __name__ == "__main__":
    main()
