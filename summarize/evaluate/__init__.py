"""``summarize eval``: measure systems (engines, models, settings) on the user's own data.

Records in, one scored row per system out: ROUGE-1/2/L for summaries, chrF++ and BLEU for
translations, each with a bootstrap 95% interval, records/s and the failure count.
"""

from summarize.engines.lead import LeadEngine
from summarize.evaluate.records import Dataset, EvalRecord, load_dataset, load_predictions
from summarize.evaluate.report import Report, SystemResult
from summarize.evaluate.runner import evaluate
from summarize.evaluate.scoring import Bootstrap, Score
from summarize.evaluate.systems import PredictionsSpec, SystemSpec, load_runs

__all__ = [
    "Bootstrap",
    "Dataset",
    "EvalRecord",
    "LeadEngine",
    "PredictionsSpec",
    "Report",
    "Score",
    "SystemResult",
    "SystemSpec",
    "evaluate",
    "load_dataset",
    "load_predictions",
    "load_runs",
]
