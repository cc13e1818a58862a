"""Time per phase of one whole solve with the shipped checkpoint on this machine.

Solves one bundled problem (default: Podium Order, which the shipped model never saw) with the native backend at
1,000 samples and prints how long each phase took: generating clustering inputs, sampling (overlapped with
filtering on the examples in the sandbox), clustering, and judging the submissions on hidden tests; then the
counts at each stage. It also times sampling alone, so the cost of overlapping shows. The last line is one JSON
object with the figures.

    python bench/solve.py [--problem NAME] [--samples 1000] [--seed 0]
"""

from __future__ import annotations

import argparse
import json
import time

from problems import BUNDLED_DIR, load
from solver.backends import SamplingParams, make_backend
from solver.pipeline import solve

DEFAULT_PROBLEM = "Podium Order"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--problem", default=DEFAULT_PROBLEM, help="a bundled problem's name")
    parser.add_argument("--samples", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--model", help="checkpoint directory (default: the shipped one)")
    parser.add_argument("--threads", type=int, help="torch threads for sampling (default: half the cores)")
    args = parser.parse_args()

    problem = next((p for p in load(BUNDLED_DIR) if p.name == args.problem), None)
    if problem is None:
        parser.error(f"no bundled problem named {args.problem!r}")
    backend = make_backend("native", args.model, threads=args.threads)

    started = time.perf_counter()
    sampled = sum(1 for _ in backend.sample(problem, args.samples, SamplingParams(seed=args.seed)))
    sampling_alone = time.perf_counter() - started

    started = time.perf_counter()
    result = solve(problem, backend, samples=args.samples, params=SamplingParams(seed=args.seed))
    wall = time.perf_counter() - started

    print(f"{problem.name}, {args.samples} samples, native backend")
    print(f"  sampling alone (no sandbox)      {sampling_alone:7.1f} s   ({sampled / sampling_alone:.1f} samples/s)")
    for phase, seconds in result.timings.items():
        print(f"  {phase:<32} {seconds:7.1f} s")
    print(f"  whole solve (wall)               {wall:7.1f} s")
    stats = result.stats.as_dict()
    print("  " + ", ".join(f"{name} {value}" for name, value in stats.items()))
    if result.hidden_verdicts is not None:
        accepted = sum(v.value == "ACCEPTED" for v in result.hidden_verdicts)
        print(f"  hidden tests: {accepted} of {len(result.hidden_verdicts)} "
              f"submissions accepted; solved: {result.solved}")
    figures = {"problem": problem.name, "samples": args.samples, "sampling_alone_s": round(sampling_alone, 2),
               "solve_wall_s": round(wall, 2), "timings": {k: round(v, 2) for k, v in result.timings.items()},
               "stats": stats, "solved": result.solved,
               "overlap_saving_s": round(sampling_alone + result.timings.get("clustering", 0) - wall, 2)}
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
