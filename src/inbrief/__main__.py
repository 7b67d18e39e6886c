"""``python -m inbrief``."""

from inbrief.cli import main

raise SystemExit(main())
