"""Finding a name by what a clerk types: Chinese text, a code, or pinyin (initials or full).

"blj" finds 暴露垃圾 (bao lu la ji) the way Chinese input boxes usually do: each typed
piece is the start of a syllable, in order, and syllables may be left out. Better
matches rank first: the text itself, then pinyin from the first syllable, then from a
later one, then with syllables left out.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

# Ranks (lower is better) before the count of syllables left out.
TEXT, PINYIN_START, PINYIN_INNER, PINYIN_SKIPPING = 0, 1, 2, 3


@dataclass(frozen=True)
class SearchKeys:
    """What a name can be found by; computed once per name and cached."""

    texts: tuple[str, ...]  # lower-cased names and codes
    syllables: tuple[str, ...]  # lower-cased pinyin of the Chinese name, one per character

    @property
    def initials(self) -> str:
        return "".join(s[:1] for s in self.syllables)


@functools.lru_cache(maxsize=4096)
def _syllables(text: str) -> tuple[str, ...]:
    # Imported on first use: loading its dictionaries takes a noticeable fraction of a
    # second, better spent on the database worker than while the window opens.
    from pypinyin import lazy_pinyin

    return tuple(s.lower() for s in lazy_pinyin(text) if s.strip())


def search_keys(name_zh: str, *others: str) -> SearchKeys:
    """Keys of a Chinese name plus any other texts (English name, code)."""
    texts = tuple(t.lower() for t in (name_zh, *others) if t)
    return SearchKeys(texts, _syllables(name_zh))


def _pinyin_rank(query: str, syllables: tuple[str, ...]) -> tuple[int, int] | None:
    """The rank of the best split of query over the syllables, or None."""

    @functools.cache
    def rest(i: int, j: int) -> int | None:
        """Fewest skips to match query[j:] with syllable i used first (None: no way)."""
        best: int | None = None
        syllable = syllables[i]
        for k in range(1, min(len(syllable), len(query) - j) + 1):
            if query[j + k - 1] != syllable[k - 1]:
                break
            if j + k == len(query):
                return 0
            for nxt in range(i + 1, len(syllables)):
                found = rest(nxt, j + k)
                if found is not None:
                    skipped = found + nxt - i - 1
                    best = skipped if best is None else min(best, skipped)
        return best

    ranks: list[tuple[int, int]] = []
    for start in range(len(syllables)):
        skips = rest(start, 0)
        if skips:
            ranks.append((PINYIN_SKIPPING, skips))
        elif skips == 0:
            ranks.append((PINYIN_START, 0) if start == 0 else (PINYIN_INNER, start))
    return min(ranks, default=None)


def rank(query: str, keys: SearchKeys) -> tuple[int, int] | None:
    """How well query matches (lower is better), or None when it does not."""
    q = "".join(query.split()).lower()
    if not q:
        return (TEXT, 0)
    if any(q in text for text in keys.texts):
        return (TEXT, 0)
    return _pinyin_rank(q, keys.syllables)


def matches(query: str, keys: SearchKeys) -> bool:
    return rank(query, keys) is not None
