"""The package's version, for modules below the package's face (``summarize/__init__``)."""

__version__ = "0.1.0"
