"""Placeholder: filled in by the template command work."""
