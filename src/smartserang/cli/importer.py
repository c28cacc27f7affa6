"""Placeholder: filled in by the importer command work."""
