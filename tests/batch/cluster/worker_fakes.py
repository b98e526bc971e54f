"""Imported on Dask workers only: registers the fake engines of :mod:`fake_engines` there."""

from tests.batch.cluster.fake_engines import register

register()
