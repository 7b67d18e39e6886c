"""Benchmarks for inbrief: speed (``python -m benchmarks.speed``), extraction, gist."""
