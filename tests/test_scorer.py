"""The learned scorer (solver.selection): features of survivors and clusters, training by cross-validation over
problems, the JSON file and its refusals, the selection rule, and `solver train scorer` end to end, all on
synthetic batch results written here."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import numpy as np
import pytest

from solver.cli import main
from solver.evaluation.batch import RESULTS
from solver.pipeline.cluster import clusters, select_submissions
from solver.pipeline.records import Candidate, CandidateRecord
from solver.selection import (
    FEATURE_NAMES,
    Scorer,
    ScorerError,
    cluster_groups,
    scored_clusters,
    scorer_order,
    survivor_features,
    survivors_of,
    train_scorer,
)
from solver.selection.scorer import content_hash, load_training_problems, problem_folds

# Synthetic problems ---------------------------------------------------------------------------------------------
# Each problem has a few behaviours (clusters). In about half of them the largest cluster is a wrong, slow one (a
# brute force that times out on the maximal inputs and is demoted), so "largest first" picks it; the correct
# cluster is fast. Small wrong clusters are fast or slow at random. Some problems have no correct behaviour.


def _record(index: int, signature: str | None, correct: bool, slow: bool, rng: random.Random) -> dict:
    language = rng.choice(["python3", "cpp", "java"])
    tokens = rng.randint(40, 400)
    maximal_times = [round(rng.uniform(1.8, 2.2) if slow else rng.uniform(0.05, 0.3), 4) for _ in range(3)]
    maximal_outcomes = ["TIME_LIMIT" if slow and rng.random() < 0.7 else "OK" for _ in range(3)]
    return {
        "candidate": {"index": index, "language": language, "code": "x = 1\n" * rng.randint(3, 40), "backend": "replay",
                      "logprob": -tokens * rng.uniform(0.2, 1.5), "metadata": {"tokens": tokens}},
        "duplicate_of": None, "compiled": True, "example_verdict": "ACCEPTED", "passed_examples": True,
        "signature": signature, "generated_outcomes": ["OK"] * 5,
        "generated_times": [round(rng.uniform(0.01, 0.05), 4) for _ in range(5)],
        "maximal_outcomes": maximal_outcomes, "maximal_times": maximal_times,
        "maximal_memory": [rng.randint(8, 64) << 20 for _ in range(3)],
        "demoted": any(outcome != "OK" for outcome in maximal_outcomes),
        "cluster": None, "hidden_verdict": "ACCEPTED" if correct else rng.choice(["WRONG_ANSWER", "TIME_LIMIT"]),
    }


def synthetic_problem(name: str, rng: random.Random) -> dict:
    solvable = rng.random() < 0.85
    trap = rng.random() < 0.5  # the largest cluster is a wrong, slow one
    behaviours = []  # (size, correct, slow)
    if solvable:
        behaviours.append((rng.randint(2, 6), True, False))
    if trap or not solvable:
        behaviours.append((rng.randint(8, 12), False, True))
    for _ in range(rng.randint(2, 5)):
        behaviours.append((rng.randint(1, 3 if trap else 6), False, rng.random() < 0.5))
    rng.shuffle(behaviours)
    members = [(number, correct, slow) for number, (size, correct, slow) in enumerate(behaviours)
               for _ in range(size)]
    rng.shuffle(members)
    records, index = [], 0
    for number, correct, slow in members:
        records.append(_record(index, f"sig-{number}", correct, slow, rng))
        index += 1
        if rng.random() < 0.3:  # a later sample of the very same program
            records.append({"candidate": {**records[-1]["candidate"], "index": index}, "duplicate_of": index - 1,
                            "passed_examples": False})
            index += 1
    for _ in range(rng.randint(0, 4)):  # failed the examples
        records.append({"candidate": {"index": index, "language": "cpp", "code": "int main(){}", "backend": "replay",
                                      "logprob": None, "metadata": {}},
                        "duplicate_of": None, "compiled": True, "example_verdict": "WRONG_ANSWER",
                        "passed_examples": False, "hidden_verdict": None})
        index += 1
    survivors = [record for record in records if record["passed_examples"]]
    for number, group in enumerate(clusters([record["signature"] for record in survivors])):
        for position in group:
            survivors[position]["cluster"] = number
    return {"problem": name, "candidates": records, "stats": {"passed_examples": len(survivors)}}


def write_run(directory: Path, problems: int, seed: int, extra_rows: list[dict] = ()) -> Path:
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    rows = [synthetic_problem(f"p{seed}-{number}", rng) for number in range(problems)] + list(extra_rows)
    (directory / RESULTS).write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return directory


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> tuple[Path, Path]:
    """A training run (with an error row among the problems) and a held-out run of fresh problems."""
    root = tmp_path_factory.mktemp("scorer-runs")
    train = write_run(root / "train", 40, seed=1, extra_rows=[{"problem": "broken", "error": "checker: boom"}])
    test = write_run(root / "test", 40, seed=2)
    return train, test


@pytest.fixture(scope="module")
def trained(runs):
    return train_scorer([runs[0]], seed=0)


def _candidate(index: int, **fields) -> dict:
    return {"candidate": {"index": index, "language": "python3", "code": "print(1)\n", "backend": "b",
                          "logprob": None, "metadata": {}},
            "duplicate_of": None, "passed_examples": True, **fields}


def _row(records: list[dict], position: int) -> dict:
    return dict(zip(FEATURE_NAMES, survivor_features(records)[position]))


# Features -------------------------------------------------------------------------------------------------------


def test_feature_rows_one_per_survivor_in_order():
    records = synthetic_problem("p", random.Random(5))["candidates"]
    rows = survivor_features(records)
    survivors = survivors_of(records)
    assert len(rows) == len(survivors) > 0
    assert all(len(row) == len(FEATURE_NAMES) for row in rows)
    assert len(set(FEATURE_NAMES)) == len(FEATURE_NAMES)
    assert all(math.isfinite(value) for row in rows for value in row)
    # Only the survivors count, in their order: the same rows come from the survivors passed alone, except the
    # duplicate counts, which need the duplicates' records.
    alone = survivor_features(survivors)
    sampled = {FEATURE_NAMES.index("duplicates_log"), FEATURE_NAMES.index("cluster_sample_share")}
    assert [[v for i, v in enumerate(row) if i not in sampled] for row in alone] == \
        [[v for i, v in enumerate(row) if i not in sampled] for row in rows]
    assert survivor_features([]) == []


def test_cluster_features_sizes_ranks_and_duplicates():
    records = [_candidate(0, signature="A"), _candidate(1, signature="B"), _candidate(2, signature="A"),
               _candidate(3, signature="C"), {"candidate": {"index": 4}, "duplicate_of": 1, "passed_examples": False},
               {"candidate": {"index": 5}, "duplicate_of": 1, "passed_examples": False},
               _candidate(6, passed_examples=False, signature="A")]
    a, b, c = _row(records, 0), _row(records, 1), _row(records, 3)
    assert a["cluster_size_log"] == pytest.approx(math.log(2)) and a["cluster_share"] == pytest.approx(0.5)
    assert a["largest_cluster"] == 1 and a["cluster_rank_log"] == 0
    assert b["cluster_rank_log"] == pytest.approx(math.log(2)) and c["cluster_rank_log"] == pytest.approx(math.log(3))
    assert b["cluster_size_vs_largest"] == pytest.approx(0.5)
    assert b["duplicates_log"] == pytest.approx(math.log(3)) and a["duplicates_log"] == 0
    assert b["cluster_sample_share"] == pytest.approx(3 / 6) and a["cluster_sample_share"] == pytest.approx(2 / 6)
    assert a["clusters_log"] == pytest.approx(math.log(3)) and a["survivors_log"] == pytest.approx(math.log(4))
    # The records' cluster numbers, when present, group the same way as the signatures.
    numbered = [dict(r, cluster={"A": 0, "B": 1, "C": 2}[r["signature"]]) if r.get("passed_examples") else r
                for r in records]
    assert survivor_features(numbered) == survivor_features(records)
    assert cluster_groups(survivors_of(records)) == [[0, 2], [1], [3]]


def test_speed_memory_and_logprob_features_are_relative():
    fast = {"maximal_outcomes": ["OK", "OK"], "maximal_times": [0.2, 0.2], "maximal_memory": [10 << 20, 12 << 20],
            "demoted": False}
    slow = {"maximal_outcomes": ["OK", "TIME_LIMIT"], "maximal_times": [1.0, 2.0], "maximal_memory": [200 << 20],
            "demoted": True}
    records = [_candidate(0, signature="A", **fast), _candidate(1, signature="A", **fast),
               _candidate(2, signature="A", **slow)]
    records[0]["candidate"].update(logprob=-20.0, metadata={"tokens": 10})
    records[1]["candidate"].update(logprob=-3.0, metadata={"tokens": 10})
    records[2]["candidate"].update(logprob=-30.0, metadata={"tokens": 60})
    first, second, third = (_row(records, p) for p in range(3))
    assert first["maximal_time_mean_vs_survivors"] == 0
    # Times count by speed class (one per doubling), each at its class's middle: 0.2 s → 0.28, 1 s → 1.13, 2 s → 2.26.
    fast_time, one, two = (0.1 * 2 ** 1.5, 0.1 * 2 ** 3.5, 0.1 * 2 ** 4.5)
    assert third["maximal_time_mean_vs_survivors"] == pytest.approx(math.log(((one + two) / 2 + 0.01)
                                                                             / (fast_time + 0.01)))
    assert third["maximal_time_max_vs_survivors"] == pytest.approx(math.log((two + 0.01) / (fast_time + 0.01)))
    assert third["maximal_time_vs_cluster"] > 0 and third["maximal_memory_vs_survivors"] > 0
    assert third["maximal_failure_share"] == 0.5 and third["maximal_timeout_share"] == 0.5
    assert third["demoted"] == 1 and first["demoted"] == 0 and first["demoted_missing"] == 0
    assert first["cluster_demoted_share"] == pytest.approx(1 / 3)
    assert first["logprob_per_token"] == -2.0 and third["logprob_per_token"] == -0.5
    assert [first["logprob_percentile"], second["logprob_percentile"], third["logprob_percentile"]] == [0, 1, 0.5]


def test_missing_fields_give_neutral_values_and_indicators():
    bare = [{"candidate": {"index": 0}, "passed_examples": True},
            {"candidate": {"index": 1, "language": "cobol", "code": None, "logprob": float("nan")},
             "passed_examples": True, "generated_outcomes": None, "maximal_times": "soon", "demoted": None}]
    rows = [dict(zip(FEATURE_NAMES, row)) for row in survivor_features(bare)]
    for row in rows:
        assert all(math.isfinite(value) for value in row.values())
        for name in ("logprob_missing", "logprob_per_token_missing", "generated_missing", "maximal_missing",
                     "maximal_time_missing", "maximal_memory_missing", "demoted_missing", "generated_time_missing"):
            assert row[name] == 1, name
        assert row["logprob_percentile"] == 0.5 and row["maximal_time_mean_vs_survivors"] == 0
        assert row["language_python3"] + row["language_cpp"] + row["language_java"] == 0
    assert rows[0]["cluster_size_log"] == 0  # no signature: a cluster of its own


def test_solve_time_records_score_like_batch_rows(trained):
    scorer, _ = trained
    records = [CandidateRecord(Candidate(i, "cpp", f"int main(){{return {i};}}\n", "native", -3.0 * (i + 1),
                                         {"tokens": 10}), passed_examples=True, signature=f"s{i % 2}",
                               generated_outcomes=["OK", "OK"], cluster=i % 2) for i in range(4)]
    records[1].maximal_outcomes, records[1].demoted = ["TIME_LIMIT"], True  # the field the lead adds, if present
    scores = scorer.score([record.to_json() for record in records])
    assert len(scores) == 4 and all(0 < score < 1 for score in scores)
    assert scores == scorer.score(json.loads(json.dumps([record.to_json() for record in records])))


# The selection rule ---------------------------------------------------------------------------------------------


def test_scorer_order_best_member_first_ties_to_larger_cluster_then_wraps():
    records = [_candidate(i, signature=s) for i, s in enumerate("AABCCB")]
    # Clusters: A = {0, 1}, B = {2, 5}, C = {3, 4}; C's best (0.9) wins, A and B tie at 0.5 with equal size:
    # the one seen first (A) goes next.
    scores = [0.5, 0.1, 0.5, 0.2, 0.9, 0.3]
    assert scorer_order(records, scores, n=3) == [4, 0, 2]
    assert scorer_order(records, scores, n=10) == [4, 0, 2, 3, 1, 5]
    assert scorer_order(records, scores, n=0) == []
    assert scored_clusters(records, scores) == [[4, 3], [0, 1], [2, 5]]
    # A tie between clusters of different size goes to the larger.
    records = [_candidate(i, signature=s) for i, s in enumerate("ABB")]
    assert scorer_order(records, [0.7, 0.7, 0.1], n=2) == [1, 0]
    # Equal scores: the plain clustering rule.
    records = [_candidate(i, signature=s) for i, s in enumerate("ABBCCC")]
    assert scorer_order(records, [0.5] * 6, n=10) == select_submissions([r["signature"] for r in records], 10)
    with pytest.raises(ValueError, match="scores for"):
        scorer_order(records, [0.5] * 5)
    with pytest.raises(ValueError, match="finite"):
        scorer_order(records, [float("nan")] * 6)


# Training -------------------------------------------------------------------------------------------------------


def test_training_reports_every_candidate_and_baselines(trained):
    scorer, report = trained
    assert len(report.candidates) == 8 and report.problems == 40 and report.folds == 5
    names = [b.name for b in report.baselines]
    assert names == ["plain clustering (largest first)", "clustering with the speed test", "random"]
    chosen = report.candidates[report.chosen]
    assert chosen.first_correct == max(c.first_correct for c in report.candidates)
    assert scorer.hyperparameters == chosen.hyperparameters
    plain = report.baselines[0]
    assert chosen.first_correct > plain.first_correct + 0.2  # the signal is there, and found on held-out problems
    lines = report.lines()
    assert any("plain clustering" in line for line in lines) and lines[-1].startswith("chosen: ")
    assert scorer.training["positives"] == report.positives > 0 and scorer.training["problems"] == 40


def test_trained_scorer_beats_plain_clustering_on_new_problems(trained, runs):
    scorer, _ = trained
    rows = [json.loads(line) for line in (runs[1] / RESULTS).read_text().splitlines()]
    learned, plain = [], []
    for row in rows:
        survivors = survivors_of(row["candidates"])
        correct = [record["hidden_verdict"] == "ACCEPTED" for record in survivors]
        learned.append(correct[scorer.order(row["candidates"], n=1)[0]])
        plain.append(correct[select_submissions([record["signature"] for record in survivors], 1)[0]])
    assert np.mean(learned) > np.mean(plain) + 0.25


def test_scores_match_scikit_learn_with_the_chosen_hyperparameters(trained, runs):
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    scorer, _ = trained
    problems = load_training_problems([runs[0]])
    rows = np.concatenate([p.features[p.labelled] for p in problems])
    labels = np.concatenate([p.correct[p.labelled] for p in problems])
    oracle = make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000, **scorer.hyperparameters))
    oracle.fit(rows, labels)
    np.testing.assert_allclose(scorer.score_rows(rows), oracle.predict_proba(rows)[:, 1], atol=1e-9)


def test_folds_partition_the_problems():
    folds = problem_folds(23, 5, seed=4)
    assert sorted(np.concatenate(folds).tolist()) == list(range(23))
    assert sorted(len(fold) for fold in folds) == [4, 4, 5, 5, 5]
    assert [f.tolist() for f in folds] == [f.tolist() for f in problem_folds(23, 5, seed=4)]
    assert [f.tolist() for f in folds] != [f.tolist() for f in problem_folds(23, 5, seed=5)]
    with pytest.raises(ValueError, match="folds"):
        problem_folds(3, 4, seed=0)


def test_training_is_deterministic_for_a_seed(runs, trained, tmp_path):
    scorer, _ = trained
    scorer.save(tmp_path / "a.json")
    train_scorer([runs[0]], seed=0)[0].save(tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    assert (tmp_path / "a.json").stat().st_size < 16_000
    other, _ = train_scorer([runs[0]], seed=3)
    assert other.cross_validation["seed"] == 3


def test_training_refuses_unusable_input(tmp_path):
    with pytest.raises(ScorerError, match="no such run directory"):
        train_scorer([tmp_path / "absent"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(ScorerError, match="not a batch run"):
        train_scorer([tmp_path / "empty"])
    errors = tmp_path / "errors"
    errors.mkdir()
    (errors / RESULTS).write_text(json.dumps({"problem": "x", "error": "load: bad"}) + "\n")
    with pytest.raises(ScorerError, match="no usable rows"):
        train_scorer([errors])
    one = write_run(tmp_path / "one", 1, seed=7)
    with pytest.raises(ScorerError, match="at least 2"):
        train_scorer([one])
    with pytest.raises(ScorerError, match="folds"):
        train_scorer([one], folds=1)


# The file -------------------------------------------------------------------------------------------------------


def test_save_and_load_round_trip(trained, tmp_path):
    scorer, _ = trained
    path = tmp_path / "scorer.json"
    scorer.save(path)
    loaded = Scorer.load(path)
    assert loaded == scorer
    document = json.loads(path.read_text())
    assert document["format"] == "open-alphacode-scorer" and document["version"] == 1
    assert document["feature_names"] == list(FEATURE_NAMES) and document["sha256"] == content_hash(document)
    assert loaded.digest == document["sha256"]
    assert set(document) >= {"scaler", "model", "hyperparameters", "cross_validation", "training"}


def _altered(scorer: Scorer, path: Path, change, rehash: bool = True) -> Path:
    document = scorer.to_json()
    change(document)
    if rehash:
        document["sha256"] = content_hash(document)
    path.write_text(json.dumps(document))
    return path


@pytest.mark.parametrize(("change", "rehash", "message"), [
    (lambda d: d.update(version=0), True, "version 0; this code reads version 1"),
    (lambda d: d.update(format="something-else"), True, "not a scorer file"),
    (lambda d: d["feature_names"].__setitem__(0, "colour"), True, "other features .*missing cluster_size_log"),
    (lambda d: d["feature_names"].append("colour"), True, "other features .*unknown colour"),
    (lambda d: d["model"]["coefficients"].__setitem__(0, 1.5), False, "does not match its sha256"),
    (lambda d: d.pop("scaler"), True, "missing or malformed field 'scaler'"),
    (lambda d: d["model"]["coefficients"].pop(), True, "model.coefficients must be a list of"),
    (lambda d: d["scaler"]["scale"].__setitem__(2, 0.0), True, "scale must be positive"),
    (lambda d: d["model"].update(intercept="high"), True, "intercept must be a finite number"),
])
def test_load_refuses_bad_files_naming_them(trained, tmp_path, change, rehash, message):
    path = _altered(trained[0], tmp_path / "bad.json", change, rehash)
    with pytest.raises(ScorerError, match=message) as error:
        Scorer.load(path)
    assert str(error.value).startswith(str(path))


def test_load_refuses_truncated_and_absent_files(trained, tmp_path):
    path = tmp_path / "scorer.json"
    trained[0].save(path)
    text = path.read_text()
    path.write_text(text[: len(text) // 2])
    with pytest.raises(ScorerError, match=f"^{path}: not valid JSON"):
        Scorer.load(path)
    path.write_text(text.replace('"intercept": ', '"intercept": NaN, "x": ', 1))
    with pytest.raises(ScorerError, match="not valid JSON"):
        Scorer.load(path)
    with pytest.raises(ScorerError, match="cannot read"):
        Scorer.load(tmp_path / "absent.json")


# The command line -----------------------------------------------------------------------------------------------


def test_cli_trains_and_writes_the_file(runs, tmp_path, capsys):
    out = tmp_path / "models" / "scorer.json"
    assert main(["train", "scorer", str(runs[0]), str(runs[1]), "--out", str(out), "--seed", "1", "--folds", "4"]) == 0
    printed = capsys.readouterr()
    assert "plain clustering" in printed.out and "random" in printed.out and "chosen: logistic" in printed.out
    assert printed.out.count(" *") == 1
    scorer = Scorer.load(out)
    assert scorer.training["problems"] == 80 and scorer.cross_validation["folds"] == 4
    assert scorer.training["runs"] == [str(runs[0]), str(runs[1])]


@pytest.mark.parametrize("setup", ["absent", "no-rows", "one-problem"])
def test_cli_bad_input_is_one_line_and_exit_2(tmp_path, capsys, setup):
    run = tmp_path / "run"
    if setup == "no-rows":
        run.mkdir()
        (run / RESULTS).write_text("")
    elif setup == "one-problem":
        write_run(run, 1, seed=7)
    out = tmp_path / "scorer.json"
    assert main(["train", "scorer", str(run), "--out", str(out)]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith("solver: error: ") and "\n" not in error
    assert not out.exists()
