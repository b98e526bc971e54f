"""Tests for ``summarize eval`` (summarize.evaluate and summarize.cli.eval)."""
