"""Placeholder: filled in by the check command work."""
