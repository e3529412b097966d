"""Benchmark scripts: they print figures and ratios against a lower bound."""
