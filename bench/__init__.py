"""Benchmarks: figures for the closing notes, each against a baseline measured in the same run."""
