"""Choosing the submissions beyond plain clustering: a learned scorer over the survivors and their clusters."""

from pathlib import Path

from solver.selection.features import FEATURE_NAMES, cluster_groups, is_survivor, survivor_features, survivors_of
from solver.selection.scorer import (
    Scorer,
    ScorerError,
    TrainingReport,
    ranked_by_score,
    scored_clusters,
    scorer_order,
    train_scorer,
)

# Where a shipped scorer lives (`solver train scorer ... --out` it there); the solver uses it when present.
DEFAULT_SCORER = Path(__file__).resolve().parent.parent / "checkpoints" / "scorer.json"

__all__ = ["DEFAULT_SCORER", "FEATURE_NAMES", "Scorer", "ScorerError", "TrainingReport", "cluster_groups",
           "is_survivor", "ranked_by_score", "scored_clusters", "scorer_order", "survivor_features", "survivors_of",
           "train_scorer"]
