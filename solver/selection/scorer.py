"""A learned scorer over the clusters (AlphaCode 2): which survivor to submit first, and which cluster next.

A logistic regression on standardised `survivor_features`, trained on batch runs (every survivor of a batch is
judged on the hidden tests, which gives the labels) and chosen by cross-validation over problems, never over
samples: the question is how well it picks on problems it has not seen. The selection rule, `scorer_order`, keeps
the clustering's shape: one submission per cluster, clusters ordered by their best member's score.

The file is plain JSON (no pickle): the format's name and version, the feature names, the scaler's mean and scale,
the coefficients and intercept, the chosen hyper-parameters, the cross-validation figures, what it was trained on,
and a hash of all that. `Scorer.load` refuses anything else with a `ScorerError` naming the file and the problem.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from solver.pipeline.cluster import round_robin
from solver.selection.features import FEATURE_NAMES, cluster_groups, survivor_features, survivors_of

FORMAT = "open-alphacode-scorer"
VERSION = 1
# The grid searched by cross-validation: regularisation strength and whether the rare class is up-weighted.
C_GRID = (0.01, 0.1, 1.0, 10.0)
CLASS_WEIGHTS = (None, "balanced")
SUBMISSIONS = 10
ACCEPTED = "ACCEPTED"


class ScorerError(ValueError):
    """A scorer file that cannot be used, or training data that cannot train one."""


def content_hash(document: dict) -> str:
    """SHA-256 of a scorer document's content: every field but the hash itself, in a canonical spelling."""
    content = {key: value for key, value in document.items() if key != "sha256"}
    text = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=True, allow_nan=False)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def _probabilities(rows: np.ndarray, mean: np.ndarray, scale: np.ndarray, coefficients: np.ndarray,
                   intercept: float) -> np.ndarray:
    """The logistic model's probability of each row (the same arithmetic in training and in use)."""
    logits = ((rows - mean) / scale) @ coefficients + intercept  # (S,)
    return 0.5 * (1.0 + np.tanh(0.5 * logits))  # the logistic function, without overflow


@dataclass(frozen=True)
class Scorer:
    """A trained scorer: standardise the features, then a logistic model gives each survivor's chance."""

    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coefficients: tuple[float, ...]
    intercept: float
    hyperparameters: dict = field(default_factory=dict)  # what cross-validation chose: C, class_weight
    cross_validation: dict = field(default_factory=dict)  # every candidate's figures, the baselines
    training: dict = field(default_factory=dict)  # runs, problems, survivors, positives, seed
    feature_names: tuple[str, ...] = FEATURE_NAMES

    def __post_init__(self) -> None:
        if tuple(self.feature_names) != FEATURE_NAMES:
            raise ValueError(f"Scorer: feature_names differ from this code's features ({_name_difference(self)})")
        for name in ("mean", "scale", "coefficients"):
            values = getattr(self, name)
            if len(values) != len(FEATURE_NAMES):
                raise ValueError(f"Scorer: {name} has {len(values)} values, expected {len(FEATURE_NAMES)}")
            if not all(_is_number(value) for value in values):
                raise ValueError(f"Scorer: {name} must hold finite numbers")
        if not all(value > 0 for value in self.scale):
            raise ValueError("Scorer: scale must be positive")
        if not _is_number(self.intercept):
            raise ValueError(f"Scorer: intercept must be a finite number, got {self.intercept!r}")

    def score(self, records: Sequence[dict]) -> list[float]:
        """Each survivor's probability of being correct, in the order of `survivors_of(records)`."""
        rows = survivor_features(records)
        if not rows:
            return []
        return self.score_rows(np.asarray(rows, dtype=np.float64)).tolist()

    def score_rows(self, rows: np.ndarray) -> np.ndarray:
        """Probabilities of feature rows (S, F) made by `survivor_features`."""
        return _probabilities(rows, np.asarray(self.mean), np.asarray(self.scale), np.asarray(self.coefficients),
                              self.intercept)

    @property
    def digest(self) -> str:
        """The content hash its file carries: which scorer chose a run's submissions."""
        return self.to_json()["sha256"]

    def order(self, records: Sequence[dict], n: int = SUBMISSIONS) -> list[int]:
        """The submissions by `scorer_order`, as positions into the survivors."""
        return scorer_order(records, self.score(records), n)

    def to_json(self) -> dict:
        document = {
            "format": FORMAT,
            "version": VERSION,
            "feature_names": list(self.feature_names),
            "scaler": {"mean": list(self.mean), "scale": list(self.scale)},
            "model": {"family": "logistic_regression", "coefficients": list(self.coefficients),
                      "intercept": self.intercept},
            "hyperparameters": self.hyperparameters,
            "cross_validation": self.cross_validation,
            "training": self.training,
        }
        document["sha256"] = content_hash(document)
        return document

    def save(self, path: Path) -> None:
        """Write the scorer as JSON, atomically (a reader never sees half a file)."""
        path = Path(path)
        text = json.dumps(self.to_json(), indent=1, allow_nan=False) + "\n"
        temporary = path.with_name(path.name + ".tmp")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, path)
        except OSError as error:
            raise ScorerError(f"{path}: cannot write the scorer ({error.strerror or error})") from None

    @classmethod
    def load(cls, path: Path) -> Scorer:
        """Read a scorer file, refusing (ScorerError) another format or version, other features, a bad shape or
        a content that does not match its hash."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ScorerError(f"{path}: cannot read the scorer ({getattr(error, 'strerror', None) or error})") from None
        try:
            document = json.loads(text, parse_constant=_refuse_constant)
        except (json.JSONDecodeError, ValueError) as error:
            raise ScorerError(f"{path}: not valid JSON ({error})") from None
        if not isinstance(document, dict):
            raise ScorerError(f"{path}: not a scorer file (a JSON object is expected)")
        if document.get("format") != FORMAT:
            raise ScorerError(f"{path}: not a scorer file (format {document.get('format')!r}, expected {FORMAT!r})")
        if document.get("version") != VERSION:
            raise ScorerError(f"{path}: scorer format version {document.get('version')!r}; this code reads version "
                              f"{VERSION} (train the scorer again)")
        if not isinstance(document.get("sha256"), str):
            raise ScorerError(f"{path}: missing field 'sha256'")
        try:
            expected = content_hash(document)
        except ValueError as error:
            raise ScorerError(f"{path}: {error}") from None
        if document["sha256"] != expected:
            raise ScorerError(f"{path}: content does not match its sha256 (the file was altered or corrupted)")
        fields = {"feature_names": list, "scaler": dict, "model": dict, "hyperparameters": dict,
                  "cross_validation": dict, "training": dict}
        for name, kind in fields.items():
            if not isinstance(document.get(name), kind):
                raise ScorerError(f"{path}: missing or malformed field {name!r}")
        names = tuple(document["feature_names"])
        if names != FEATURE_NAMES:
            raise ScorerError(f"{path}: trained on other features than this code computes "
                              f"({_difference(names, FEATURE_NAMES)}); train the scorer again")
        scaler, model = document["scaler"], document["model"]
        if model.get("family") != "logistic_regression":
            raise ScorerError(f"{path}: unknown model family {model.get('family')!r}")
        arrays = {"scaler.mean": scaler.get("mean"), "scaler.scale": scaler.get("scale"),
                  "model.coefficients": model.get("coefficients")}
        for name, values in arrays.items():
            if not isinstance(values, list) or len(values) != len(FEATURE_NAMES):
                raise ScorerError(f"{path}: {name} must be a list of {len(FEATURE_NAMES)} numbers")
        try:
            return cls(mean=tuple(arrays["scaler.mean"]), scale=tuple(arrays["scaler.scale"]),
                       coefficients=tuple(arrays["model.coefficients"]), intercept=model.get("intercept"),
                       hyperparameters=document["hyperparameters"], cross_validation=document["cross_validation"],
                       training=document["training"], feature_names=names)
        except (TypeError, ValueError) as error:
            raise ScorerError(f"{path}: {error}") from None


def scorer_order(records: Sequence[dict], scores: Sequence[float], n: int = SUBMISSIONS) -> list[int]:
    """Up to n submissions, as positions into `survivors_of(records)`: clusters ordered by their best member's
    score (ties: the larger cluster, then the one seen first), one per cluster, its best-scored member; with fewer
    than n clusters, wrap around to each cluster's next-best member, as `select_submissions` does."""
    if n < 0:
        raise ValueError(f"scorer_order: n must be ≥ 0, got {n}")
    return round_robin(scored_clusters(records, scores), n)


def scored_clusters(records: Sequence[dict], scores: Sequence[float]) -> list[list[int]]:
    """The clusters of `survivors_of(records)` (positions) in `scorer_order`'s order, each best-scored first."""
    survivors = survivors_of(records)
    if len(scores) != len(survivors):
        raise ValueError(f"scorer_order: {len(scores)} scores for {len(survivors)} survivors")
    if not all(_is_number(score) for score in scores):
        raise ValueError("scorer_order: scores must be finite numbers")
    return ranked_by_score(cluster_groups(survivors), [float(score) for score in scores])


def ranked_by_score(groups: Sequence[Sequence[int]], scores: Sequence[float]) -> list[list[int]]:
    """Clusters (positions) best member first, ordered by their best member's score (ties: the larger, then the
    first seen)."""
    ranked = [sorted(members, key=lambda position: (-scores[position], position)) for members in groups]
    ranked.sort(key=lambda members: (-scores[members[0]], -len(members), min(members)))
    return ranked


def _order(groups: Sequence[Sequence[int]], scores: Sequence[float], n: int) -> list[int]:
    return round_robin(ranked_by_score(groups, scores), n)


# Training ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainingProblem:
    """One problem of one run, as training sees it: features of every survivor, and the labels where judged."""

    name: str  # run/problem: the same problem in two runs is two groups
    features: np.ndarray  # (S, F)
    labels: tuple[bool | None, ...]  # accepted on the hidden tests; None when not judged
    groups: tuple[tuple[int, ...], ...]  # the clusters, as `cluster_groups` gives them
    signatures: tuple[str | None, ...]
    # What the speed test recorded (None when the run had none): demoted, and the mean CPU time on maximal inputs.
    demoted: tuple[bool, ...] | None = None
    maximal_times: tuple[float | None, ...] | None = None

    @property
    def correct(self) -> np.ndarray:
        return np.array([label is True for label in self.labels])  # (S,)

    @property
    def labelled(self) -> np.ndarray:
        return np.array([label is not None for label in self.labels])  # (S,)

    @property
    def both_labels(self) -> bool:
        return True in self.labels and False in self.labels


def load_training_problems(run_dirs: Sequence[Path]) -> list[TrainingProblem]:
    """The usable problems of batch runs: rows without an error whose survivors have hidden verdicts."""
    from solver.evaluation.batch import RESULTS, read_results

    problems = []
    for run_dir in run_dirs:
        run_dir = Path(run_dir)
        if not run_dir.is_dir():
            raise ScorerError(f"{run_dir}: no such run directory")
        if not (run_dir / RESULTS).is_file():
            raise ScorerError(f"{run_dir}: no {RESULTS} (not a batch run directory)")
        for row in read_results(run_dir):
            if not isinstance(row, dict) or "error" in row or not isinstance(row.get("candidates"), list):
                continue
            records = [record for record in row["candidates"] if isinstance(record, dict)]
            survivors = survivors_of(records)
            labels = tuple(None if record.get("hidden_verdict") is None else record["hidden_verdict"] == ACCEPTED
                           for record in survivors)
            if not any(label is not None for label in labels):
                continue
            signatures = tuple(record.get("signature") if isinstance(record.get("signature"), str) else None
                               for record in survivors)
            speed = any(isinstance(record.get("maximal_outcomes"), list) for record in survivors)
            problems.append(TrainingProblem(
                name=f"{run_dir}/{row.get('problem')}",
                features=np.asarray(survivor_features(records), dtype=np.float64),
                labels=labels,
                groups=tuple(tuple(members) for members in cluster_groups(survivors)),
                signatures=signatures,
                demoted=tuple(record.get("demoted") is True for record in survivors) if speed else None,
                maximal_times=tuple(_mean_time(record.get("maximal_times")) for record in survivors) if speed else None,
            ))
    return problems


@dataclass(frozen=True)
class RuleFigures:
    """How a selection rule did over the held-out problems: first submission correct (1@), any of ten (10@); for
    a learned candidate also its mean average precision over problems and its log-loss over survivors."""

    name: str
    first_correct: float
    top10: float
    mean_average_precision: float | None = None
    log_loss: float | None = None
    hyperparameters: dict | None = None

    def to_json(self) -> dict:
        data = {"name": self.name, "first_correct": _round(self.first_correct), "top10": _round(self.top10)}
        if self.hyperparameters is not None:
            data["hyperparameters"] = self.hyperparameters
            data["mean_average_precision"] = _round(self.mean_average_precision)
            data["log_loss"] = _round(self.log_loss)
        return data


@dataclass(frozen=True)
class TrainingReport:
    """The cross-validation table, the chosen candidate and what the data held."""

    candidates: tuple[RuleFigures, ...]
    baselines: tuple[RuleFigures, ...]  # the plain clustering rule, with the speed test where run, random choice
    chosen: int  # position in candidates
    folds: int
    seed: int
    runs: tuple[str, ...]
    problems: int
    problems_with_both_labels: int
    survivors: int  # with a hidden verdict
    positives: int

    def training_json(self) -> dict:
        return {"runs": list(self.runs), "problems": self.problems,
                "problems_with_both_labels": self.problems_with_both_labels, "survivors": self.survivors,
                "positives": self.positives, "seed": self.seed}

    def cross_validation_json(self) -> dict:
        return {"folds": self.folds, "seed": self.seed, "split": "k folds of problems (each problem one group)",
                "criterion": "first submission correct (1@), then mean average precision, then log-loss",
                "candidates": [c.to_json() for c in self.candidates],
                "baselines": [b.to_json() for b in self.baselines], "chosen": self.candidates[self.chosen].name}

    def lines(self) -> list[str]:
        """The table for people: one line per candidate and baseline, then the choice."""
        lines = [f"cross-validation: {self.folds} folds over {self.problems} problems "
                 f"({self.problems_with_both_labels} with correct and wrong survivors), {self.survivors} judged "
                 f"survivors, {self.positives} correct; seed {self.seed}",
                 f"{'rule':<34} {'1@':>7} {'10@':>7} {'mAP':>7} {'log-loss':>9}"]
        for number, figures in enumerate(self.candidates):
            mark = " *" if number == self.chosen else ""
            lines.append(f"{figures.name:<34} {figures.first_correct:>7.3f} {figures.top10:>7.3f} "
                         f"{figures.mean_average_precision:>7.3f} {figures.log_loss:>9.4f}{mark}")
        for figures in self.baselines:
            lines.append(f"{figures.name:<34} {figures.first_correct:>7.3f} {figures.top10:>7.3f} "
                         f"{'-':>7} {'-':>9}")
        lines.append(f"chosen: {self.candidates[self.chosen].name} (1@ = the first submission is correct, the mean "
                     "over held-out problems)")
        return lines


def train_scorer(run_dirs: Sequence[Path], seed: int = 0, folds: int = 5) -> tuple[Scorer, TrainingReport]:
    """Train a scorer on batch runs, choosing C and the class weighting by cross-validation over problems.

    Deterministic: the same runs and seed give the same scorer, byte for byte. Raises ScorerError on unusable
    input (a missing directory, no judged survivors, fewer than 2 problems with both correct and wrong ones).
    """
    if folds < 2:
        raise ScorerError(f"folds must be at least 2, got {folds}")
    if not run_dirs:
        raise ScorerError("no run directories given")
    problems = load_training_problems(run_dirs)
    runs = ", ".join(str(run) for run in run_dirs)
    if not problems:
        raise ScorerError(f"no usable rows in {runs}: no problem has survivors judged on the hidden tests")
    both = sum(problem.both_labels for problem in problems)
    if both < 2:
        raise ScorerError(f"{both} problem(s) in {runs} have both correct and wrong survivors; at least 2 are needed")

    splits = min(folds, len(problems))
    held_out = problem_folds(len(problems), splits, seed)
    candidates = []
    for class_weight in CLASS_WEIGHTS:
        for c in C_GRID:
            candidates.append(_cross_validate(problems, held_out, c, class_weight))
    chosen = 0
    for number, figures in enumerate(candidates):
        if _criterion(figures) > _criterion(candidates[chosen]):
            chosen = number
    baselines = (_cluster_baseline(problems, speed=False),)
    if any(problem.demoted is not None for problem in problems):
        baselines += (_cluster_baseline(problems, speed=True),)
    baselines += (_random_baseline(problems),)
    labelled = np.concatenate([problem.labelled for problem in problems])
    report = TrainingReport(
        candidates=tuple(candidates), baselines=baselines, chosen=chosen, folds=splits, seed=seed,
        runs=tuple(str(run) for run in run_dirs), problems=len(problems), problems_with_both_labels=both,
        survivors=int(labelled.sum()),
        positives=int(sum(problem.correct[problem.labelled].sum() for problem in problems)),
    )
    hyperparameters = candidates[chosen].hyperparameters
    mean, scale, coefficients, intercept = _fit(problems, hyperparameters["C"], hyperparameters["class_weight"])
    scorer = Scorer(mean=tuple(mean.tolist()), scale=tuple(scale.tolist()), coefficients=tuple(coefficients.tolist()),
                    intercept=float(intercept), hyperparameters=hyperparameters,
                    cross_validation=report.cross_validation_json(), training=report.training_json())
    return scorer, report


def problem_folds(problems: int, folds: int, seed: int) -> list[np.ndarray]:
    """Group k-fold with each problem a group: the problem numbers shuffled by the seed (numpy's legacy generator,
    whose stream never changes), cut into `folds` held-out sets of nearly equal size."""
    if not 2 <= folds <= problems:
        raise ValueError(f"problem_folds: need 2 ≤ folds ≤ problems, got folds={folds}, problems={problems}")
    shuffled = np.random.RandomState(seed).permutation(problems)
    return [np.sort(fold) for fold in np.array_split(shuffled, folds)]


def _fit(problems: Sequence[TrainingProblem], c: float,
         class_weight: str | None) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Standardise and fit on the labelled survivors of `problems`; a single class gives a constant model."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    rows = np.concatenate([problem.features[problem.labelled] for problem in problems])  # (N, F)
    labels = np.concatenate([problem.correct[problem.labelled] for problem in problems]).astype(np.int64)  # (N,)
    scaler = StandardScaler().fit(rows)
    if labels.min() == labels.max():
        prior = min(max(labels.mean(), 1e-6), 1 - 1e-6)
        return scaler.mean_, scaler.scale_, np.zeros(rows.shape[1]), math.log(prior / (1 - prior))
    model = LogisticRegression(C=c, class_weight=class_weight, max_iter=5000)
    model.fit(scaler.transform(rows), labels)
    return scaler.mean_, scaler.scale_, model.coef_[0], float(model.intercept_[0])


def _cross_validate(problems: Sequence[TrainingProblem], held_out: Sequence[np.ndarray], c: float,
                    class_weight: str | None) -> RuleFigures:
    from sklearn.metrics import average_precision_score, log_loss

    scores: dict[int, np.ndarray] = {}
    for test in held_out:
        testing = set(test.tolist())
        training = [problem for number, problem in enumerate(problems) if number not in testing]
        mean, scale, coefficients, intercept = _fit(training, c, class_weight)
        for number in test.tolist():
            scores[number] = _probabilities(problems[number].features, mean, scale, coefficients, intercept)
    first, top, precisions, truth, predicted = [], [], [], [], []
    for number, problem in enumerate(problems):
        probability = scores[number]
        order = _order(problem.groups, probability.tolist(), SUBMISSIONS)
        first.append(float(problem.correct[order[0]]))
        top.append(float(problem.correct[order].any()))
        if problem.both_labels:
            labelled = problem.labelled
            precisions.append(average_precision_score(problem.correct[labelled], probability[labelled]))
        truth.append(problem.correct[problem.labelled])
        predicted.append(probability[problem.labelled])
    loss = log_loss(np.concatenate(truth), np.clip(np.concatenate(predicted), 1e-12, 1 - 1e-12), labels=[False, True])
    name = f"logistic C={c:g}" + (" balanced" if class_weight else "")
    return RuleFigures(name=name, first_correct=float(np.mean(first)), top10=float(np.mean(top)),
                       mean_average_precision=float(np.mean(precisions)), log_loss=float(loss),
                       hyperparameters={"C": c, "class_weight": class_weight})


def _criterion(figures: RuleFigures) -> tuple[float, float, float]:
    # Rounded so that sums of the same zeros and ones in another order cannot break a tie by rounding error.
    return (round(figures.first_correct, 9), round(figures.mean_average_precision, 9), -round(figures.log_loss, 9))


def _cluster_baseline(problems: Sequence[TrainingProblem], speed: bool) -> RuleFigures:
    """The solver's rule without a scorer: the largest clusters first (`speed`: with the speed test's demotions
    and times, on the problems where it ran)."""
    from solver.pipeline.cluster import select_submissions

    first, top = [], []
    for problem in problems:
        if speed and problem.demoted is not None:
            order = select_submissions(list(problem.signatures), SUBMISSIONS, demoted=list(problem.demoted),
                                       times=list(problem.maximal_times))
        else:
            order = select_submissions(list(problem.signatures), SUBMISSIONS)
        first.append(float(problem.correct[order[0]]))
        top.append(float(problem.correct[order].any()))
    name = "clustering with the speed test" if speed else "plain clustering (largest first)"
    return RuleFigures(name, float(np.mean(first)), float(np.mean(top)))


def _random_baseline(problems: Sequence[TrainingProblem]) -> RuleFigures:
    """The expected figures of a uniformly random choice of distinct survivors (exact, not sampled)."""
    from solver.evaluation.metrics import pass_at_k

    first, top = [], []
    for problem in problems:
        count, correct = len(problem.labels), int(problem.correct.sum())
        first.append(correct / count)
        top.append(pass_at_k(count, correct, min(SUBMISSIONS, count)))
    return RuleFigures("random", float(np.mean(first)), float(np.mean(top)))


def _mean_time(values: object) -> float | None:
    times = [value for value in values if _is_number(value)] if isinstance(values, list) else []
    return sum(times) / len(times) if times else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _refuse_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _difference(found: Sequence[str], expected: Sequence[str]) -> str:
    missing = [str(name) for name in expected if name not in found]
    extra = [str(name) for name in found if name not in expected]
    parts = []
    if missing:
        parts.append("missing " + ", ".join(missing))
    if extra:
        parts.append("unknown " + ", ".join(extra))
    return "; ".join(parts) or "the same names in another order"


def _name_difference(scorer: Scorer) -> str:
    return _difference(tuple(scorer.feature_names), FEATURE_NAMES)
