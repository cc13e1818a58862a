"""Solve-rate metrics as small, pure, numerically stable functions: pass@k, AlphaCode's n@k, intervals over problems."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from solver.pipeline.cluster import clusters, round_robin, select_submissions  # the solver's own rules
from solver.selection.scorer import ranked_by_score


def pass_at_k(n: int, c: int, k: int) -> float:
    """The unbiased pass@k estimator of Chen et al. (2021): 1 - C(n - c, k) / C(n, k).

    n samples of which c are correct; the chance that at least one of k drawn without replacement is correct.
    Computed as a running product, never with huge binomials.
    """
    if not 0 <= c <= n:
        raise ValueError(f"pass_at_k: need 0 ≤ c ≤ n, got n={n}, c={c}")
    if not 1 <= k <= n:
        raise ValueError(f"pass_at_k: need 1 ≤ k ≤ n, got k={k}, n={n}")
    if n - c < k:
        return 1.0
    return 1.0 - float(np.prod(1.0 - k / np.arange(n - c + 1, n + 1)))


def mean_and_interval(values: list[float], z: float = 1.96) -> tuple[float, float, float]:
    """Mean over problems with a normal-approximation confidence interval (z = 1.96 for 95%)."""
    if not values:
        raise ValueError("mean_and_interval: no values")
    mean = sum(values) / len(values)
    if len(values) == 1:
        return mean, mean, mean
    variance = sum((v - mean) ** 2 for v in values) / (len(values) - 1)
    half = z * math.sqrt(variance / len(values))
    return mean, max(0.0, mean - half), min(1.0, mean + half)


def bootstrap_interval(values: list[float], confidence: float = 0.95, resamples: int = 10_000,
                       seed: int = 0) -> tuple[float, float, float]:
    """Mean over problems with a percentile-bootstrap interval: resample the problems with replacement.

    Better than the normal approximation when problems are few or the solve rate is near 0 or 1.
    """
    if not values:
        raise ValueError("bootstrap_interval: no values")
    if not 0 < confidence < 1:
        raise ValueError(f"bootstrap_interval: confidence must be in (0, 1), got {confidence}")
    data = np.asarray(values, dtype=np.float64)
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, len(data), size=(resamples, len(data)))].mean(axis=1)
    tail = (1 - confidence) / 2
    low, high = np.quantile(means, [tail, 1 - tail])
    return float(data.mean()), float(low), float(high)


@dataclass(frozen=True)
class SampleOutcome:
    """What n@k needs of one sample: did it pass the examples, how it behaved on generated inputs (samples with
    the same signature behave the same; None when unknown, a cluster of its own), and is it correct. The rules
    beyond clustering read more: `demoted` and `time` (the speed test on maximal inputs), `score` (a scorer's)."""

    passed_examples: bool
    signature: str | None
    correct: bool
    demoted: bool = False
    time: float | None = None
    score: float | None = None

    def __post_init__(self) -> None:
        for name in ("passed_examples", "correct"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"SampleOutcome: {name} must be a bool, got {getattr(self, name)!r}")
        if self.signature is not None and not isinstance(self.signature, str):
            raise ValueError(f"SampleOutcome: signature must be a string or None, got {self.signature!r}")


SELECTIONS = ("cluster", "cluster+speed", "scorer", "random")


def n_at_k(samples: Sequence[SampleOutcome], n: int, k: int, trials: int = 1000, selection: str = "cluster",
           seed: int = 0) -> float:
    """AlphaCode's n@k (paper Appendix A.3, Algorithm 1): the chance that n submissions chosen from k samples
    solve the problem, estimated from K ≥ k samples.

    Each trial draws k of the K samples without replacement (kept in their original order), keeps those that
    pass the examples, chooses up to n of them by `selection` and counts the problem solved when a chosen one is
    correct. Returns the mean over trials. Selections: "cluster", the solver's plain rule (`select_submissions`);
    "cluster+speed", with the speed test's figures; "scorer", clusters by their best member's score; "random", n
    uniformly. The speed figures and scores are each sample's own, found on the whole pool of K.
    """
    if selection not in SELECTIONS:
        raise ValueError(f"n_at_k: selection must be one of {SELECTIONS}, got {selection!r}")
    if not 1 <= k <= len(samples):
        raise ValueError(f"n_at_k: need 1 ≤ k ≤ K, got k={k}, K={len(samples)}")
    if n < 1 or trials < 1:
        raise ValueError(f"n_at_k: n and trials must be ≥ 1, got n={n}, trials={trials}")
    passed = np.array([s.passed_examples for s in samples])
    correct = np.array([s.correct for s in samples])
    signatures = [s.signature for s in samples]
    rng = np.random.default_rng(seed)
    solved = 0
    for _ in range(trials):
        drawn = np.sort(rng.choice(len(samples), size=k, replace=False))
        kept = drawn[passed[drawn]]
        if selection == "cluster":
            positions = select_submissions([signatures[i] for i in kept], n)
        elif selection == "cluster+speed":
            positions = select_submissions([signatures[i] for i in kept], n, [samples[i].demoted for i in kept],
                                           [samples[i].time for i in kept])
        elif selection == "scorer":
            groups = clusters([signatures[i] for i in kept])
            positions = round_robin(ranked_by_score(groups, [samples[i].score or 0.0 for i in kept]), n)
        else:
            positions = rng.choice(len(kept), size=min(n, len(kept)), replace=False)
        solved += bool(correct[kept[positions]].any())
    return solved / trials
