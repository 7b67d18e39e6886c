"""Widgets of the reader: article list, table of contents, article text, summary pane."""
