"""Placeholder: filled in by the diff command work."""
