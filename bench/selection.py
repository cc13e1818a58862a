"""Is the first submission correct more often with clustering than with a random pick among the filtered candidates?

Runs the solve loop with the `replay` backend on the bundled problems, their human correct and incorrect solutions
as the candidates, and prints side by side, per problem and summed over problems:

- clustering: whether the pipeline's first submission (one program of the largest cluster) is a correct program;
- clustering, any order: the same averaged over every order of the candidates (ties between equally large
  clusters go to the one seen first, so the order matters);
- random: the chance that a program drawn at random among those that pass the examples is correct.

Hidden tests are not judged (only the programs' own labels are used), so a run takes one to two seconds per
problem.

    python bench/selection.py [--seed 0] [--generated-inputs 20] [--problem NAME ...]
"""

from __future__ import annotations

import argparse
import json
import time

from problems import BUNDLED_DIR, load
from sandbox import Sandbox
from solver.backends import SamplingParams
from solver.backends.replay import ReplayBackend
from solver.pipeline import SolveResult, public_view, solve


def first_submission_figures(result: SolveResult) -> dict:
    """The three chances for one solve (see the module's docstring); candidates carry metadata["correct"]."""
    filtered = [record for record in result.records if record.passed_examples]
    correct = [bool(record.candidate.metadata["correct"]) for record in filtered]
    clusters: dict[int, list[bool]] = {}
    for record, is_correct in zip(filtered, correct):
        clusters.setdefault(record.cluster, []).append(is_correct)
    largest = max((len(members) for members in clusters.values()), default=0)
    tied = [members for members in clusters.values() if len(members) == largest]
    return {
        "filtered": len(filtered),
        "correct": sum(correct),
        "clusters": len(clusters),
        "clustering": float(bool(result.submissions) and bool(result.submissions[0].candidate.metadata["correct"])),
        "clustering_any_order": sum(sum(m) / len(m) for m in tied) / len(tied) if tied else 0.0,
        "random": sum(correct) / len(correct) if correct else 0.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--generated-inputs", type=int, default=20)
    parser.add_argument("--problem", action="append", help="a bundled problem's name (default: all of them)")
    args = parser.parse_args()

    problems = [p for p in load(BUNDLED_DIR) if p.solutions and p.incorrect_solutions]
    if args.problem:
        problems = [p for p in problems if p.name in args.problem]
        if not problems:
            parser.error(f"no bundled problem named {args.problem}")
    started = time.perf_counter()
    rows = []
    with Sandbox() as sandbox:
        for number, problem in enumerate(problems):
            # The public view: hidden tests are not needed here, and judging them would double the time. Each
            # problem has its own seed: with one seed, problems with as many candidates get one same order.
            params = SamplingParams(seed=args.seed * len(problems) + number)
            result = solve(public_view(problem), ReplayBackend(), samples=1000, sandbox=sandbox, params=params,
                           generated_inputs=args.generated_inputs)
            rows.append({"problem": problem.name, **first_submission_figures(result)})
    wall = time.perf_counter() - started

    print(f"{'problem':<24} {'filtered':>8} {'correct':>7} {'clusters':>8}   {'clustering':>10} "
          f"{'any order':>9} {'random':>7}")
    for row in rows:
        print(f"{row['problem']:<24} {row['filtered']:>8} {row['correct']:>7} {row['clusters']:>8}   "
              f"{row['clustering']:>10.2f} {row['clustering_any_order']:>9.2f} {row['random']:>7.2f}")
    totals = {name: sum(row[name] for row in rows) for name in ("clustering", "clustering_any_order", "random")}
    print(f"{'sum over ' + str(len(rows)) + ' problems':<51} {totals['clustering']:>10.2f} "
          f"{totals['clustering_any_order']:>9.2f} {totals['random']:>7.2f}")
    print(f"first submission correct: clustering {totals['clustering'] / len(rows):.1%} (any order "
          f"{totals['clustering_any_order'] / len(rows):.1%}) vs random {totals['random'] / len(rows):.1%} "
          f"of {len(rows)} problems ({wall:.0f} s)")
    print(json.dumps({"problems": len(rows), "seed": args.seed, "generated_inputs": args.generated_inputs,
                      **{name: round(value, 3) for name, value in totals.items()}, "wall_s": round(wall, 1)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
