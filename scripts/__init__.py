"""Benchmarks and comparisons; each writes its figures for docs/benchmarks.md."""
