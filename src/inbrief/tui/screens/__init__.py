"""Screens: library, reader, help, and the add-source and confirm-delete dialogs."""
