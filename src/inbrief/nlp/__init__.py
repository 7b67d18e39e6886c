"""Language-specific text processing with data that ships in installed packages only."""
