"""The interactive reader (Textual). Only :mod:`inbrief.cli` imports this, and only lazily."""
