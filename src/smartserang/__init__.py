"""smartserang: SPBE and smart city readiness of Indonesian local governments."""

__version__ = "0.2.1"
