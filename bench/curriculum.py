"""How well a model solves held-out curriculum problems: pass@k with the unbiased estimator.

Samples K programs for each of P problems of the fixed held-out split (phrasings, story details and constraint
ranges the training split never shows), judges every distinct program in the sandbox on all the problem's tests,
and prints the share of samples that compile and run, and pass@k for k = 1, 10, 100 (up to K). The last line is
one JSON object with the figures.

    python bench/curriculum.py --problems 50 --k 100 [--model DIR] [--temperature T] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from problems.curriculum import generate
from sandbox import Limits, Program, Sandbox, Verdict
from solver.evaluation.metrics import mean_and_interval, pass_at_k
from solver.model.checkpoint import DEFAULT_CHECKPOINT, load_checkpoint
from solver.model.metadata import HeaderPolicy
from solver.model.sampler import Sampler, SamplingConfig


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--problems", type=int, default=50)
    parser.add_argument("--k", type=int, default=100, help="samples per problem")
    parser.add_argument("--model", type=Path, default=DEFAULT_CHECKPOINT)
    parser.add_argument("--temperature", type=float, default=SamplingConfig.temperature)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--split", default="heldout", choices=("heldout", "train"),
                        help="heldout (default), or train problems of another seed for validation")
    args = parser.parse_args()

    model, tokenizer = load_checkpoint(args.model)
    sampler = Sampler(model, tokenizer)
    policy = HeaderPolicy(languages={"python3": 0.5, "cpp": 0.5}, rating_range=(800, 1200))
    config = SamplingConfig(temperature=args.temperature, batch_size=min(args.k, 64), seed=args.seed, policy=policy)
    seed = 1_000_003 + args.seed if args.split == "train" else 0
    problems = list(generate(args.split, args.problems, seed))
    ks = [k for k in (1, 10, 100) if k <= args.k]

    totals: Counter[str] = Counter()
    per_problem: dict[str, dict[int, float]] = {}
    started = time.perf_counter()
    sample_seconds = judge_seconds = 0.0
    print(f"{'problem':<44} {'correct':>7} {'compile':>7} {'ran':>5}  " + " ".join(f"pass@{k:<4}" for k in ks))
    with Sandbox() as sandbox:
        for problem in problems:
            t0 = time.perf_counter()
            samples = list(sampler.sample(problem.description, args.k, config))
            sample_seconds += time.perf_counter() - t0
            t0 = time.perf_counter()
            programs = {(s.header.language, s.text) for s in samples}
            unique = sorted(programs)
            tests = list(problem.public_tests) + list(problem.private_tests)
            results = dict(sandbox.judge_many([Program(language, code) for language, code in unique], tests,
                                              Limits(time=2.0), problem.checker))
            verdict_of = {unique[i]: results[i].verdict for i in results}
            judge_seconds += time.perf_counter() - t0
            verdicts = [verdict_of[(s.header.language, s.text)] for s in samples]
            correct = sum(v is Verdict.ACCEPTED for v in verdicts)
            compiled = sum(v is not Verdict.COMPILE_ERROR for v in verdicts)
            ran = sum(v in (Verdict.ACCEPTED, Verdict.WRONG_ANSWER) for v in verdicts)
            totals.update(samples=len(samples), correct=correct, compiled=compiled, ran=ran, unique=len(unique))
            per_problem[problem.name] = {k: pass_at_k(len(samples), correct, k) for k in ks}
            print(f"{problem.name[:44]:<44} {correct:>7} {compiled:>7} {ran:>5}  "
                  + " ".join(f"{per_problem[problem.name][k]:<9.3f}" for k in ks), flush=True)

    figures: dict[str, object] = {
        "model": str(args.model), "split": args.split, "problems": len(problems), "k": args.k,
        "temperature": args.temperature, "samples": totals["samples"], "distinct_programs": totals["unique"],
        "compile_share": round(totals["compiled"] / totals["samples"], 4),
        "run_share": round(totals["ran"] / totals["samples"], 4),
        "correct_share": round(totals["correct"] / totals["samples"], 4),
        "sample_seconds": round(sample_seconds, 1), "judge_seconds": round(judge_seconds, 1),
        "seconds": round(time.perf_counter() - started, 1),
    }
    for k in ks:
        mean, low, high = mean_and_interval([scores[k] for scores in per_problem.values()])
        figures[f"pass@{k}"] = round(mean, 4)
        figures[f"pass@{k}_95ci"] = [round(low, 4), round(high, 4)]
    print(f"{len(problems)} problems x {args.k} samples: {figures['compile_share']:.1%} compile, "
          f"{figures['run_share']:.1%} run without error; "
          + ", ".join(f"pass@{k} {figures[f'pass@{k}']:.1%}" for k in ks))
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
