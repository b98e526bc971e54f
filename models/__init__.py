"""The catalogue of supported models, shipped as data (``catalog.toml``)."""
