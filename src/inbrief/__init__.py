"""inbrief: a terminal reader and summarizer.

The core (everything but :mod:`inbrief.tui`) never imports Textual or Rich, so the one-shot
``inbrief --summary`` path stays fast and the pipeline can be used as a library.
"""

__version__ = "0.1.0"
