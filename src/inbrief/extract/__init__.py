"""Turning pages, posts and text files into :class:`inbrief.model.Article` objects."""
