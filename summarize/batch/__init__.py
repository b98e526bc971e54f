"""``summarize batch``: many records in, one JSON Lines record out per input, in input order.

Reading inputs, running records (locally or on a Dask cluster, see ``cluster/``), writing output.
"""

from summarize.batch.inputs import check_inputs, read_inputs
from summarize.batch.records import InputRecord
from summarize.batch.run import BatchConfig, run_batch

__all__ = ["BatchConfig", "InputRecord", "check_inputs", "read_inputs", "run_batch"]
