"""Selection rules side by side on real pools of programs: which rule's submissions are correct most often?

Pools:
(a) the bundled problems' human programs (every correct and incorrect solution, through the replay backend);
(b) the shipped model's samples on held-out curriculum problems (`--model-problems`, `--model-samples` each);
and for each, a "hard" pool that keeps every incorrect program and at most two correct ones (drawn by the seed),
as in AlphaCode, where nearly all samples are wrong. Every program that passes the examples is judged on the
hidden tests: that is what "correct" means here, and only the scorer's training ever sees it.

Rules (solver.pipeline.Selection):
- random: a program drawn at random among those that pass the examples (its exact expectation);
- clustering: AlphaCode's rule, largest clusters first (`solver solve --scorer none --no-speed`);
- clustering+speed: the survivors also run on inputs at the stated bounds; a program failing one that most pass is
  demoted, and ties go to the faster (`--scorer none`);
- clustering+speed+scorer: clusters by their best member's learned score, that member submitted (the default);
- oracle: a correct program whenever the pool has one.

Figures: 1@ (the first submission correct) and 10@ (one of the first ten), means over problems with 95% intervals
(percentile bootstrap over problems), and 10@k curves for k up to the pool's size (AlphaCode's Appendix A.3: k of
the K samples drawn, the rule applied to those; a sample's speed figures and score are those found on all K).

The scorer is never scored on problems it was trained on. On (b) it is the shipped scorer, trained on the
curriculum's training split, never the held-out one. On (a) it is cross-fitted: the bundled problems are split
into folds, and each fold is scored by a scorer trained on the other folds' pools, plus `--train-runs` (batch run
directories, e.g. the shipped scorer's curriculum run; see scripts/train_scorer.sh).

The last line is one JSON object with every figure.

    python bench/selection.py [--seed 0] [--folds 5] [--train-runs DIR ...] [--model-problems 20]
                              [--model-samples 100] [--skip-model] [--problem NAME ...]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from math import comb
from pathlib import Path

from problems import BUNDLED_DIR, load
from sandbox import Sandbox
from solver.backends import SamplingParams, make_backend
from solver.backends.replay import ReplayBackend
from solver.evaluation.metrics import bootstrap_interval, n_at_k
from solver.evaluation.report import sample_outcomes
from solver.pipeline import Selection, solve
from solver.selection import DEFAULT_SCORER, Scorer, survivors_of, train_scorer

RULES = ("random", "clustering", "clustering+speed", "clustering+speed+scorer", "oracle")
SELECTION_OF_RULE = {"clustering": "cluster", "clustering+speed": "cluster+speed", "clustering+speed+scorer": "scorer",
                     "random": "random"}
KS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000)
HARD_CORRECT = 2


def pool_row(problem, backend, sandbox: Sandbox, seed: int, samples: int = 100_000) -> dict:
    """A problem's pool, solved as a batch solves it: every survivor judged on the hidden tests, the speed test's
    figures recorded (the rules themselves are applied afterwards, from the row)."""
    result = solve(problem, backend, samples=samples, sandbox=sandbox, params=SamplingParams(seed=seed),
                   hidden="survivors", selection=Selection(speed=True, scorer=None))
    return result.to_json(with_records=True)


def is_correct(record: dict) -> bool:
    return record.get("hidden_verdict") == "ACCEPTED"


def hard_rows(rows: list[dict], problems: dict, sandbox: Sandbox, seed: int) -> list[dict]:
    """Each pool with every incorrect program and at most two correct ones, solved again (clusters and the speed
    test depend on the pool)."""
    hard = []
    for number, row in enumerate(rows):
        unique = [r for r in row["candidates"] if r["duplicate_of"] is None]
        correct = [r for r in unique if is_correct(r)]
        kept_correct = random.Random(seed * 7919 + number).sample(correct, min(HARD_CORRECT, len(correct)))
        kept = sorted([r for r in unique if not is_correct(r)] + kept_correct, key=lambda r: r["candidate"]["index"])
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "pool.jsonl"
            path.write_text("".join(json.dumps({"code": r["candidate"]["code"], "language": r["candidate"]["language"],
                                                "correct": is_correct(r)}) + "\n" for r in kept), encoding="utf-8")
            hard.append(pool_row(problems[row["problem"]], ReplayBackend(path, shuffle=False), sandbox, seed))
    return hard


def scores_of(row: dict, scorer: Scorer | None) -> dict[int, float]:
    """The scorer's score of each survivor, by candidate index."""
    if scorer is None:
        return {}
    records = sorted(row["candidates"], key=lambda r: r["candidate"]["index"])
    survivors = survivors_of(records)
    return {r["candidate"]["index"]: s for r, s in zip(survivors, scorer.score(records))}


def cross_fitted_scores(rows: list[dict], folds: int, seed: int, extra_runs: list[Path]) -> list[dict[int, float]]:
    """Each row scored by a scorer trained without its fold (on the other folds and the extra runs)."""
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    fold_of = {index: position % folds for position, index in enumerate(order)}
    scores: list[dict[int, float]] = [{} for _ in rows]
    for fold in range(folds):
        with tempfile.TemporaryDirectory() as folder:
            run = Path(folder) / "bundled-train"
            run.mkdir()
            (run / "results.jsonl").write_text("".join(json.dumps(rows[i]) + "\n" for i in range(len(rows))
                                                       if fold_of[i] != fold), encoding="utf-8")
            scorer, _ = train_scorer([run, *extra_runs], seed=seed)
        for index in range(len(rows)):
            if fold_of[index] == fold:
                scores[index] = scores_of(rows[index], scorer)
    return scores


def rule_figures(rows: list[dict], scores: list[dict[int, float]], trials: int) -> dict:
    """1@, 10@ (with intervals over problems) and the 10@k curve of every rule on these pools."""
    outcomes = [sample_outcomes(row, score) for row, score in zip(rows, scores)]
    figures = {}
    smallest = min(len(o) for o in outcomes)
    for rule in RULES:
        firsts, tens, curve = [], [], {}
        for sample in outcomes:
            survivors = [s for s in sample if s.passed_examples]
            right = sum(s.correct for s in survivors)
            if rule == "oracle":
                firsts.append(float(right > 0))
                tens.append(float(right > 0))
            elif rule == "random":
                firsts.append(right / len(survivors) if survivors else 0.0)
                wrong = len(survivors) - right
                tens.append(1.0 - comb(wrong, 10) / comb(len(survivors), 10) if len(survivors) > 10 else
                            float(right > 0))
            else:
                firsts.append(n_at_k(sample, 1, len(sample), trials=1, selection=SELECTION_OF_RULE[rule]))
                tens.append(n_at_k(sample, 10, len(sample), trials=1, selection=SELECTION_OF_RULE[rule]))
        if rule != "oracle":
            for k in (k for k in KS if k <= smallest):
                curve[k] = sum(n_at_k(s, 10, k, trials=trials, selection=SELECTION_OF_RULE[rule], seed=number)
                               for number, s in enumerate(outcomes)) / len(outcomes)
        first, first_low, first_high = bootstrap_interval(firsts)
        ten, ten_low, ten_high = bootstrap_interval(tens)
        figures[rule] = {"1@": round(first, 4), "1@_interval": [round(first_low, 4), round(first_high, 4)],
                         "10@": round(ten, 4), "10@_interval": [round(ten_low, 4), round(ten_high, 4)],
                         "10@k": {str(k): round(v, 4) for k, v in curve.items()}}
    return figures


def print_table(title: str, rows: list[dict], figures: dict) -> None:
    survivors = [len(survivors_of(row["candidates"])) for row in rows]
    correct = [sum(is_correct(r) for r in survivors_of(row["candidates"])) for row in rows]
    print(f"\n{title}: {len(rows)} problems, {sum(survivors)} programs pass the examples, {sum(correct)} of them "
          "correct")
    print(f"  {'rule':<26} {'1@':>6} {'95% interval':>15} {'10@':>6} {'95% interval':>15}   10@k")
    for rule, f in figures.items():
        curve = "  ".join(f"{k}:{v:.2f}" for k, v in f["10@k"].items())
        print(f"  {rule:<26} {f['1@']:6.3f} {f['1@_interval'][0]:7.3f}–{f['1@_interval'][1]:<7.3f} "
              f"{f['10@']:6.3f} {f['10@_interval'][0]:7.3f}–{f['10@_interval'][1]:<7.3f}   {curve}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--folds", type=int, default=5, help="cross-fitting folds of the scorer on (a)")
    parser.add_argument("--train-runs", type=Path, nargs="*", default=[],
                        help="batch runs the cross-fitted scorers also learn from (never the pools scored)")
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER, help="the scorer for (b)")
    parser.add_argument("--model-problems", type=int, default=20, help="held-out curriculum problems for (b)")
    parser.add_argument("--model-samples", type=int, default=100, help="the shipped model's samples per problem")
    parser.add_argument("--skip-model", action="store_true", help="only the bundled pools (a)")
    parser.add_argument("--problem", action="append", help="a bundled problem's name (default: all of them)")
    parser.add_argument("--trials", type=int, default=200, help="subsamples per k of the 10@k curves")
    args = parser.parse_args()

    started = time.perf_counter()
    report: dict = {"seed": args.seed}
    with Sandbox() as sandbox:
        bundled = [p for p in load(BUNDLED_DIR) if p.solutions and p.incorrect_solutions
                   and (not args.problem or p.name in args.problem)]
        by_name = {p.name: p for p in bundled}
        full = [pool_row(problem, ReplayBackend(), sandbox, args.seed * len(bundled) + number)
                for number, problem in enumerate(bundled)]
        hard = hard_rows(full, by_name, sandbox, args.seed)
        for title, rows in (("bundled_full", full), ("bundled_hard", hard)):
            scores = cross_fitted_scores(rows, min(args.folds, len(rows)), args.seed, args.train_runs)
            report[title] = rule_figures(rows, scores, args.trials)
            print_table(f"(a) bundled problems' human pools, {title.split('_')[1]}", rows, report[title])

        if not args.skip_model:
            scorer = Scorer.load(args.scorer) if args.scorer.is_file() else None
            if scorer is None:
                print(f"\nno scorer at {args.scorer}: the scorer's rule is left out of (b)")
            backend = make_backend("native", None)
            heldout = list(load(f"curriculum:heldout:{args.model_problems}"))
            model_rows = [pool_row(problem, backend, sandbox, args.seed, args.model_samples) for problem in heldout]
            problems = {p.name: p for p in heldout}
            model_hard = hard_rows(model_rows, problems, sandbox, args.seed)
            for title, rows in (("curriculum_full", model_rows), ("curriculum_hard", model_hard)):
                report[title] = rule_figures(rows, [scores_of(row, scorer) for row in rows], args.trials)
                if scorer is None:
                    del report[title]["clustering+speed+scorer"]
                print_table(f"(b) the shipped model's samples on held-out curriculum problems, "
                            f"{title.split('_')[1]}", rows, report[title])
    report["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
