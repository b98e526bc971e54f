"""The Dask backend of ``summarize batch --cluster``: connect, ship windows, collect in order.

``distributed`` is imported only when a cluster run starts (and on the workers).
"""

from summarize.batch.cluster.driver import run_cluster_batch

__all__ = ["run_cluster_batch"]
