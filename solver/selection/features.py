"""What the learned scorer sees of each surviving candidate and of its cluster (AlphaCode 2's scoring model).

One function, `survivor_features`, serves training (a batch run's candidate records, read from results.jsonl) and
solving (the solve loop's records as `CandidateRecord.to_json()` dicts), so the two cannot drift apart. It takes a
problem's records as dicts and returns one row per survivor, in the order given. Pass every record of the problem
where you have them, duplicates and failures included: a candidate's duplicates (later samples of the same
program) are counted from the records whose `duplicate_of` is its index, and the batch runs the scorer is trained
on hold them all.

Older runs and replay runs lack some fields (times, maximal inputs, log-probabilities): a missing value becomes a
neutral 0 and a `*_missing` indicator is set, so every row is finite whatever the record holds. Times and memory
are taken relative to the problem's survivors (and to the candidate's cluster), on a log scale, since their
absolute values depend on the machine and the problem.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from sandbox.languages import LANGUAGES
from sandbox.results import Outcome
from solver.pipeline.cluster import FAST_ENOUGH, speed_class

OK = Outcome.OK.value
TIME_LIMIT = Outcome.TIME_LIMIT.value
# Below these a difference is measurement noise (CPU time is read in milliseconds; a runtime's baseline memory).
TIME_FLOOR = 0.01  # seconds
MEMORY_FLOOR = float(1 << 20)  # bytes

FEATURE_NAMES: tuple[str, ...] = (
    # its cluster, and the problem's clustering
    "cluster_size_log",  # log of the number of survivors in its cluster
    "cluster_share",  # its cluster's share of the survivors
    "cluster_size_vs_largest",  # its cluster's size over the largest cluster's
    "cluster_rank_log",  # log(1 + rank by size); rank 0 is the largest, ties to the cluster seen first
    "largest_cluster",  # 1 for the largest cluster
    "cluster_sample_share",  # the cluster's share of all samples that passed the examples, duplicates counted
    "clusters_log",  # log of the number of clusters
    "survivors_log",  # log of the number of survivors
    # how it was sampled
    "duplicates_log",  # log(1 + how many later samples were the same program)
    "logprob_per_token",  # log-probability per token, when the backend gives both
    "logprob_per_token_missing",
    "logprob_percentile",  # share of survivors less likely than it (per token, else in total); 0.5 when unknown
    "logprob_missing",
    # the program
    "language_python3",
    "language_cpp",
    "language_java",
    "chars_log",
    "lines_log",
    "chars_vs_survivors",  # log of its length over the survivors' median length
    # the generated (clustering) inputs
    "generated_failure_share",  # share of the inputs it failed on (any outcome but OK)
    "generated_failures_log",
    "generated_timeout_share",
    "generated_missing",
    "generated_time_vs_survivors",  # log of its mean CPU time over the survivors' median
    "generated_time_vs_cluster",  # log of its mean CPU time over its cluster's median
    "generated_time_missing",
    # the maximal inputs (the stated bounds, the problem's real limits)
    "maximal_failure_share",
    "maximal_failures_log",
    "maximal_timeout_share",
    "maximal_missing",
    "maximal_time_mean_vs_survivors",
    "maximal_time_max_vs_survivors",
    "maximal_time_vs_cluster",
    "maximal_time_missing",
    "maximal_memory_vs_survivors",
    "maximal_memory_vs_cluster",
    "maximal_memory_missing",
    "demoted",  # it failed a maximal input that most survivors pass
    "demoted_missing",
    # its cluster on the maximal inputs
    "cluster_maximal_failure_share",  # mean over the cluster's members
    "cluster_demoted_share",
    "cluster_maximal_time_vs_survivors",  # log of the cluster's median mean time over the survivors' median
)


def is_survivor(record: dict) -> bool:
    """A candidate that passed the examples and is no duplicate of another."""
    return bool(record.get("passed_examples")) and record.get("duplicate_of") is None


def survivors_of(records: Sequence[dict]) -> list[dict]:
    """The survivors among a problem's records, in their order; positions elsewhere index this list."""
    return [record for record in records if is_survivor(record)]


def cluster_groups(survivors: Sequence[dict]) -> list[list[int]]:
    """Positions of the survivors grouped by cluster, the largest first, ties to the cluster seen first.

    The records' `cluster` numbers when every survivor has one, else their behaviour signatures (as the solve
    loop clusters them); a survivor with neither is a cluster of its own.
    """
    numbered = all(isinstance(record.get("cluster"), int) and not isinstance(record.get("cluster"), bool)
                   for record in survivors)
    groups: dict[object, list[int]] = {}
    for position, record in enumerate(survivors):
        if numbered:
            key: object = ("cluster", record["cluster"])
        elif isinstance(record.get("signature"), str):
            key = ("signature", record["signature"])
        else:
            key = ("alone", position)
        groups.setdefault(key, []).append(position)
    ordered = list(groups.values())
    ordered.sort(key=lambda members: (-len(members), members[0]))
    return ordered


def survivor_features(records: Sequence[dict]) -> list[list[float]]:
    """One row of `FEATURE_NAMES` per survivor of a problem (see `is_survivor`), in the order of `records`."""
    survivors = survivors_of(records)
    if not survivors:
        return []
    count = len(survivors)
    groups = cluster_groups(survivors)
    cluster_of = {position: number for number, members in enumerate(groups) for position in members}
    largest = len(groups[0])

    duplicates = _duplicate_counts(records)
    copies = [1 + duplicates.get(_index(record), 0) for record in survivors]
    total_copies = sum(copies)

    logprobs = [_logprob(record) for record in survivors]
    # Rank by the per-token figure when everyone has one, else by the totals (one backend gives one kind).
    if all(tokens for _, tokens in logprobs):
        measure = [value / tokens for value, tokens in logprobs]
    else:
        measure = [value for value, _ in logprobs]
    known_measure = [value for value in measure if value is not None]

    lengths = [len(_code(record)) for record in survivors]
    median_length = _median([math.log(1 + length) for length in lengths])

    generated = [_outcome_counts(record.get("generated_outcomes")) for record in survivors]
    maximal = [_outcome_counts(record.get("maximal_outcomes")) for record in survivors]
    generated_time = [_coarse_time(_mean(_numbers(record.get("generated_times")))) for record in survivors]
    maximal_times = [[_coarse_time(t) for t in _numbers(record.get("maximal_times"))] for record in survivors]
    maximal_time = [_mean(times) for times in maximal_times]
    maximal_time_max = [max(times) if times else None for times in maximal_times]
    memory_values = [_numbers(record.get("maximal_memory")) for record in survivors]
    memory = [_coarse_memory(max(values)) if values else None for values in memory_values]
    demoted = [record.get("demoted") if isinstance(record.get("demoted"), bool) else None for record in survivors]

    generated_time_median = _median(generated_time)
    maximal_time_median = _median(maximal_time)
    maximal_time_max_median = _median(maximal_time_max)
    memory_median = _median(memory)
    cluster_time = {number: _median([maximal_time[p] for p in members]) for number, members in enumerate(groups)}
    cluster_generated_time = {number: _median([generated_time[p] for p in members])
                              for number, members in enumerate(groups)}
    cluster_memory = {number: _median([memory[p] for p in members]) for number, members in enumerate(groups)}
    cluster_failure = {number: _mean([maximal[p][1] / maximal[p][0] for p in members if maximal[p]])
                       for number, members in enumerate(groups)}
    cluster_demoted = {number: _mean([float(demoted[p]) for p in members if demoted[p] is not None])
                       for number, members in enumerate(groups)}

    rows = []
    for position, record in enumerate(survivors):
        number = cluster_of[position]
        members = groups[number]
        size = len(members)
        value, tokens = logprobs[position]
        language = record.get("candidate", {}).get("language")
        code = _code(record)
        gen = generated[position]
        big = maximal[position]
        row = {
            "cluster_size_log": math.log(size),
            "cluster_share": size / count,
            "cluster_size_vs_largest": size / largest,
            "cluster_rank_log": math.log1p(number),
            "largest_cluster": float(number == 0),
            "cluster_sample_share": sum(copies[p] for p in members) / total_copies,
            "clusters_log": math.log(len(groups)),
            "survivors_log": math.log(count),
            "duplicates_log": math.log1p(copies[position] - 1),
            "logprob_per_token": value / tokens if value is not None and tokens else 0.0,
            "logprob_per_token_missing": float(not (value is not None and tokens)),
            "logprob_percentile": _percentile(measure[position], known_measure),
            "logprob_missing": float(value is None),
            "language_python3": float(language == LANGUAGES[0]),
            "language_cpp": float(language == LANGUAGES[1]),
            "language_java": float(language == LANGUAGES[2]),
            "chars_log": math.log1p(len(code)),
            "lines_log": math.log1p(code.count("\n") + (1 if code and not code.endswith("\n") else 0)),
            "chars_vs_survivors": math.log1p(lengths[position]) - median_length,
            "generated_failure_share": gen[1] / gen[0] if gen else 0.0,
            "generated_failures_log": math.log1p(gen[1]) if gen else 0.0,
            "generated_timeout_share": gen[2] / gen[0] if gen else 0.0,
            "generated_missing": float(gen is None),
            "generated_time_vs_survivors": _log_ratio(generated_time[position], generated_time_median, TIME_FLOOR),
            "generated_time_vs_cluster": _log_ratio(generated_time[position], cluster_generated_time[number],
                                                    TIME_FLOOR),
            "generated_time_missing": float(generated_time[position] is None),
            "maximal_failure_share": big[1] / big[0] if big else 0.0,
            "maximal_failures_log": math.log1p(big[1]) if big else 0.0,
            "maximal_timeout_share": big[2] / big[0] if big else 0.0,
            "maximal_missing": float(big is None),
            "maximal_time_mean_vs_survivors": _log_ratio(maximal_time[position], maximal_time_median, TIME_FLOOR),
            "maximal_time_max_vs_survivors": _log_ratio(maximal_time_max[position], maximal_time_max_median,
                                                        TIME_FLOOR),
            "maximal_time_vs_cluster": _log_ratio(maximal_time[position], cluster_time[number], TIME_FLOOR),
            "maximal_time_missing": float(maximal_time[position] is None),
            "maximal_memory_vs_survivors": _log_ratio(memory[position], memory_median, MEMORY_FLOOR),
            "maximal_memory_vs_cluster": _log_ratio(memory[position], cluster_memory[number], MEMORY_FLOOR),
            "maximal_memory_missing": float(memory[position] is None),
            "demoted": float(demoted[position] is True),
            "demoted_missing": float(demoted[position] is None),
            "cluster_maximal_failure_share": cluster_failure[number] or 0.0,
            "cluster_demoted_share": cluster_demoted[number] or 0.0,
            "cluster_maximal_time_vs_survivors": _log_ratio(cluster_time[number], maximal_time_median, TIME_FLOOR),
        }
        rows.append([_finite(row[name]) for name in FEATURE_NAMES])
    return rows


def _index(record: dict) -> object:
    return record.get("candidate", {}).get("index")


def _code(record: dict) -> str:
    code = record.get("candidate", {}).get("code")
    return code if isinstance(code, str) else ""


def _duplicate_counts(records: Sequence[dict]) -> dict[object, int]:
    counts: dict[object, int] = {}
    for record in records:
        original = record.get("duplicate_of")
        if original is not None:
            counts[original] = counts.get(original, 0) + 1
    return counts


def _logprob(record: dict) -> tuple[float | None, float | None]:
    """The candidate's log-probability (None when unknown) and its number of tokens (None when unknown)."""
    candidate = record.get("candidate", {})
    value = candidate.get("logprob")
    if not _is_number(value):
        return None, None
    metadata = candidate.get("metadata")
    tokens = metadata.get("tokens") if isinstance(metadata, dict) else None
    return float(value), float(tokens) if _is_number(tokens) and tokens > 0 else None


def _outcome_counts(outcomes: object) -> tuple[int, int, int] | None:
    """(inputs, failures, time-outs) of a list of run outcomes; None when there is none."""
    if not isinstance(outcomes, list) or not outcomes:
        return None
    failures = sum(1 for outcome in outcomes if outcome != OK)
    timeouts = sum(1 for outcome in outcomes if outcome == TIME_LIMIT)
    return len(outcomes), failures, timeouts


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _numbers(values: object) -> list[float]:
    """The finite, non-negative numbers of a list (a run that did not report one is skipped), or of one number."""
    if _is_number(values):
        values = [values]
    if not isinstance(values, list):
        return []
    return [float(value) for value in values if _is_number(value) and value >= 0]


def _mean(values: Sequence[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _median(values: Sequence[float | None]) -> float | None:
    known = sorted(value for value in values if value is not None)
    if not known:
        return None
    middle = len(known) // 2
    return known[middle] if len(known) % 2 else (known[middle - 1] + known[middle]) / 2


def _coarse_time(seconds: float | None) -> float | None:
    """A time as the middle of its speed class (solver.pipeline.cluster.speed_class: one class per doubling
    above FAST_ENOUGH), so that timing noise changes a score only where it changes a class: the same solve run
    twice, here or on a cluster, scores its programs alike."""
    if seconds is None:
        return None
    speed = speed_class(seconds)
    return FAST_ENOUGH / 2 if speed == 0 else FAST_ENOUGH * 2 ** (speed - 0.5)


def _coarse_memory(bytes_used: float) -> float:
    """Memory rounded to MEMORY_FLOOR steps: a peak varies by pages from run to run."""
    return round(bytes_used / MEMORY_FLOOR) * MEMORY_FLOOR


def _log_ratio(value: float | None, reference: float | None, floor: float) -> float:
    if value is None or reference is None:
        return 0.0
    return math.log((value + floor) / (reference + floor))


def _percentile(value: float | None, known: Sequence[float]) -> float:
    """Mid-rank share of `known` below `value`, in [0, 1]; 0.5 when unknown or alone."""
    if value is None or len(known) < 2:
        return 0.5
    below = sum(1 for other in known if other < value)
    equal = sum(1 for other in known if other == value)
    return (below + (equal - 1) / 2) / (len(known) - 1)


def _finite(value: float) -> float:
    return float(value) if math.isfinite(value) else 0.0
