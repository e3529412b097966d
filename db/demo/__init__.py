"""The deterministic demo street: `generate(store, seed=..., until=...)` seeds a fresh
database; `iter_case_rows()` streams cases for benchmarks (see db.demo.cases)."""

from db.demo.case_context import CaseContext, load_case_context
from db.demo.case_plan import DEFAULT_CASES, DEFAULT_RESOLVED
from db.demo.cases import iter_case_rows
from db.demo.enforcement import SMALL_ADS_CLEARED, YEARLY_FIGURES
from db.demo.generate import DEFAULT_SEED, DemoSummary, Progress, generate, today_in_shanghai
from db.demo.people import DemoAccount
from db.demo.summary import SeedCounts

__all__ = [
    "DEFAULT_CASES",
    "DEFAULT_RESOLVED",
    "DEFAULT_SEED",
    "SMALL_ADS_CLEARED",
    "YEARLY_FIGURES",
    "CaseContext",
    "DemoAccount",
    "DemoSummary",
    "Progress",
    "SeedCounts",
    "generate",
    "iter_case_rows",
    "load_case_context",
    "today_in_shanghai",
]
