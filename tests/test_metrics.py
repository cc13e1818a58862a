"""Metrics: pass@k against its closed form, n@k and the cluster selection on hand-computed cases, intervals."""

from __future__ import annotations

import math

import pytest

from solver.evaluation.metrics import (
    SampleOutcome,
    bootstrap_interval,
    mean_and_interval,
    n_at_k,
    pass_at_k,
    select_submissions,
)


def sample(signature: str | None, correct: bool, passed: bool = True) -> SampleOutcome:
    return SampleOutcome(passed_examples=passed, signature=signature, correct=correct)


def test_pass_at_k_equals_the_closed_form():
    for n in range(1, 13):
        for c in range(n + 1):
            for k in range(1, n + 1):
                expected = 1 - math.comb(n - c, k) / math.comb(n, k)
                assert pass_at_k(n, c, k) == pytest.approx(expected, abs=1e-12), (n, c, k)


def test_pass_at_k_rejects_impossible_counts():
    with pytest.raises(ValueError, match="c ≤ n"):
        pass_at_k(3, 4, 1)
    with pytest.raises(ValueError, match="k ≤ n"):
        pass_at_k(3, 1, 4)


def test_mean_and_interval_of_a_constant_is_a_point():
    assert mean_and_interval([0.5, 0.5, 0.5]) == (0.5, 0.5, 0.5)


def test_bootstrap_interval_brackets_the_mean_and_is_reproducible():
    values = [0.0, 0.0, 1.0, 1.0, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0]
    mean, low, high = bootstrap_interval(values, seed=3)
    assert mean == 0.5 and low < 0.5 < high and 0.0 <= low and high <= 1.0
    assert bootstrap_interval(values, seed=3) == (mean, low, high)
    assert bootstrap_interval([0.25] * 4) == (0.25, 0.25, 0.25)
    with pytest.raises(ValueError, match="no values"):
        bootstrap_interval([])


def test_select_submissions_orders_clusters_by_size_then_first_sample():
    signatures = ["a", "b", "a", "c", "b", "a"]  # a = {0, 2, 5}, b = {1, 4}, c = {3}
    assert select_submissions(signatures, 2) == [0, 1]
    assert select_submissions(signatures, 3) == [0, 1, 3]
    assert select_submissions(signatures, 5) == [0, 1, 3, 2, 4]  # wraps: the second of a, then of b
    assert select_submissions(signatures, 10) == [0, 1, 3, 2, 4, 5]
    assert select_submissions(["x", "y", "y", "x"], 4) == [0, 1, 3, 2]  # equal sizes: x starts first
    assert select_submissions([None, "a", None, "a"], 4) == [1, 0, 2, 3]  # each unknown behaviour alone
    assert select_submissions([], 10) == [] and select_submissions(["a"], 0) == []


def test_all_correct_samples_always_solve():
    samples = [sample(s, True) for s in "aabcd"]
    assert n_at_k(samples, 1, 3, trials=50) == 1.0
    assert n_at_k(samples, 1, 3, trials=50, selection="random") == 1.0


def test_samples_that_fail_the_examples_are_never_submitted():
    samples = [sample("a", True, passed=False), sample("b", False), sample("c", False)]
    assert n_at_k(samples, 10, 3, trials=20) == 0.0
    assert n_at_k(samples, 10, 3, trials=20, selection="random") == 0.0


def test_when_the_correct_cluster_is_largest_one_submission_solves():
    samples = [sample("good", True)] * 6 + [sample(f"wrong{i}", False) for i in range(4)]
    assert n_at_k(samples, 1, 10, trials=20) == 1.0
    # Random choice of one among the ten filtered samples picks a correct one 6 times in 10.
    assert n_at_k(samples, 1, 10, trials=4000, selection="random", seed=1) == pytest.approx(0.6, abs=0.03)


def test_k_equal_to_all_samples_is_deterministic():
    samples = [sample("w", False), sample("c1", True), sample("w", False), sample("c2", True), sample("w", False)]
    for seed in range(5):
        assert n_at_k(samples, 1, 5, trials=3, seed=seed) == 0.0  # the wrong cluster of three comes first
        assert n_at_k(samples, 2, 5, trials=3, seed=seed) == 1.0  # then c1, the earlier singleton


def test_wrap_around_reaches_a_clusters_second_member():
    # Same behaviour on generated inputs, yet only the second member of cluster a is correct.
    samples = [sample("a", False), sample("b", False), sample("a", True)]
    assert n_at_k(samples, 2, 3, trials=3) == 0.0
    assert n_at_k(samples, 3, 3, trials=3) == 1.0


def test_subsampling_matches_the_hand_computed_value():
    # Of the three pairs, {0, 1} and {0, 2} keep the correct singleton, which wins the tie by coming first.
    samples = [sample("a", True), sample("b", False), sample("b", False)]
    assert n_at_k(samples, 1, 2, trials=6000, seed=2) == pytest.approx(2 / 3, abs=0.025)


def test_n_at_k_rejects_bad_arguments():
    samples = [sample("a", True)]
    with pytest.raises(ValueError, match="selection"):
        n_at_k(samples, 1, 1, selection="best")
    with pytest.raises(ValueError, match="k ≤ K"):
        n_at_k(samples, 1, 2)
    with pytest.raises(ValueError, match="passed_examples"):
        SampleOutcome(passed_examples=1, signature=None, correct=True)
