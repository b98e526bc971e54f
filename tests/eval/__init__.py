"""Tests for ``summarize eval`` (summarize.evaluate and summarize.cli_eval)."""
