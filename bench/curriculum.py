"""How well a model solves held-out problems, split by split: pass@k with the unbiased estimator, and how diverse
its samples are.

For each split, samples K programs for each of P problems, judges every distinct program (distinct after
normalisation: comments and whitespace do not count) in the sandbox, and prints per problem and per split:

- pass@k for k = 1, 10, 100 (up to K): a sample is correct when it is accepted on all the problem's tests;
- the share of samples that compile, and that run on the examples without an error;
- distinct programs per 1,000 samples;
- distinct behaviours among the programs that pass the examples: their outputs on the problem's hidden tests (or,
  for a problem without any, on inputs made by `solver.pipeline.inputs.StructuredGenerator`). Programs that pass
  the examples but differ on the hidden tests are the ones selection has to tell apart.

Splits: `heldout` (the frozen plain-statement held-out curriculum), `story` (story statements with names, places
and wordings training never shows), `train300` (the first 30 problems of CodeContests' train300 slice, skipped
when the file is absent), and `train` (curriculum training problems of another seed, for validation). The last
line is one JSON object with the figures of every split.

    python bench/curriculum.py --problems 50 --k 100 [--splits heldout,story,train300] [--model DIR]
                               [--temperature T] [--header-variants N|per-sample] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from problems import Problem, load
from sandbox import CompileError, Limits, Program, Sandbox, Verdict
from solver.evaluation.metrics import mean_and_interval, pass_at_k
from solver.model.checkpoint import DEFAULT_CHECKPOINT, load_checkpoint
from solver.model.metadata import HeaderPolicy
from solver.model.sampler import Sample, Sampler, SamplingConfig, header_variants_option
from solver.pipeline.inputs import StructuredGenerator
from solver.pipeline.normalize import normalized

SPLITS = ("heldout", "story", "train300", "train")
TRAIN300 = Path(__file__).resolve().parents[2] / "shared" / "data" / "codecontests" / "train300.jsonl"
TRAIN300_SLICE = 30  # its first problems: enough to see a trend on real statements, cheap to judge
GENERATED_INPUTS = 10  # behaviour inputs for a problem without hidden tests


def load_split(split: str, count: int, seed: int = 0, train300: Path = TRAIN300) -> list[Problem] | None:
    """`count` problems of a split (at most TRAIN300_SLICE of train300); None when its data is not here."""
    if split == "train300":
        if not train300.is_file():
            return None
        problems = []
        for problem in load(train300):
            if len(problems) == min(count, TRAIN300_SLICE):
                break
            problems.append(problem)
        return problems
    if split == "train":  # training problems of a seed the shipped model never trained on
        return list(load(f"curriculum:train:{count}:{1_000_003 + seed}"))
    return list(load(f"curriculum:{split}:{count}"))


def header_policy(split: str, problem: Problem) -> HeaderPolicy:
    """Curriculum problems under ratings 800 to 1200 (as the shipped model was measured); a real problem under
    its own rating where it has one, as the native backend asks."""
    if split != "train300":
        return HeaderPolicy(rating_range=(800, 1200))
    rating = (problem.cf_rating, problem.cf_rating) if problem.cf_rating else (800, 3500)
    return HeaderPolicy(rating_range=rating)


def program_key(sample: Sample) -> tuple[str, str]:
    """What makes two samples one program: the language and the code after normalisation."""
    return sample.header.language, normalized(sample.header.language, sample.text)


@dataclass(frozen=True)
class Judged:
    """One distinct program's results on a problem."""

    compiled: bool
    ran: bool  # ran on every example without an error (right or wrong)
    passes_examples: bool
    accepted: bool  # on the examples and the hidden tests (False where those were not judged)
    behaviour: tuple | None  # outputs on the hidden tests or generated inputs; None unless asked and it passes


def _outputs(stdout: bytes | None) -> tuple[bytes, ...] | str:
    return tuple(stdout.split()) if stdout is not None else "no output"


def judge_distinct(sandbox: Sandbox, problem: Problem, programs: Sequence[Program], hidden: bool = True,
                   behaviour: bool = False, inputs: Sequence[str] = ()) -> list[Judged]:
    """Judge each program in the sandbox, in parallel: on the examples, then (`hidden`) those that pass them on the
    hidden tests; `behaviour` runs those to the end and keeps their outputs (on `inputs` where the problem has no
    hidden tests). Untrusted code runs only in the sandbox."""
    hidden_tests = list(problem.hidden_tests)

    def work(program: Program) -> Judged:
        executable = sandbox.compile(program)
        if isinstance(executable, CompileError):
            return Judged(False, False, False, False, None)
        examples = sandbox.judge_problem(executable, problem, problem.public_tests)
        ran = examples.verdict in (Verdict.ACCEPTED, Verdict.WRONG_ANSWER)
        if not examples.accepted or not hidden:
            return Judged(True, ran, examples.accepted, False, None)
        if not hidden_tests:
            outputs = None
            if behaviour:
                limits = Limits(time=problem.time_limit or 2.0)
                outputs = tuple(_outputs(run.stdout if run.ok else None)
                                for run in (sandbox.run(executable, text, limits) for text in inputs))
            return Judged(True, True, True, True, outputs)
        full = sandbox.judge_problem(executable, problem, hidden_tests, stop_on_failure=not behaviour)
        outputs = tuple(_outputs(t.run.stdout if t.run is not None and t.run.ok else None)
                        for t in full.tests) if behaviour else None
        return Judged(True, True, True, full.accepted, outputs)

    results: list[Judged | None] = [None] * len(programs)
    for index, judged in sandbox.map_unordered(work, programs):
        results[index] = judged
    return results  # type: ignore[return-value]


def behaviour_inputs(problem: Problem, seed: int = 0) -> list[str]:
    """Inputs to tell programs apart on a problem without hidden tests: made within its stated bounds."""
    if problem.hidden_tests:
        return []
    examples = [test.input for test in problem.public_tests]
    return StructuredGenerator().generate(problem.description, examples, GENERATED_INPUTS, random.Random(seed))


def run_split(sampler: Sampler, sandbox: Sandbox, split: str, problems: list[Problem], args: argparse.Namespace,
              ks: list[int]) -> dict[str, object]:
    totals: Counter[str] = Counter()
    per_problem: dict[str, dict[int, float]] = {}
    sample_seconds = judge_seconds = 0.0
    print(f"\n{split}: {len(problems)} problems x {args.k} samples")
    print(f"{'problem':<40} {'correct':>7} {'compile':>7} {'ran':>5} {'distinct':>8} {'pass-ex':>7} {'behav':>5}  "
          + " ".join(f"pass@{k:<4}" for k in ks))
    for problem in problems:
        config = SamplingConfig(temperature=args.temperature, batch_size=min(args.k, 64), seed=args.seed,
                                header_variants=args.header_variants, policy=header_policy(split, problem))
        t0 = time.perf_counter()
        samples = list(sampler.sample(problem.description, args.k, config))
        sample_seconds += time.perf_counter() - t0
        t0 = time.perf_counter()
        first: dict[tuple[str, str], Sample] = {}
        for sample in samples:
            first.setdefault(program_key(sample), sample)
        keys = list(first)
        judged = dict(zip(keys, judge_distinct(
            sandbox, problem, [Program(first[key].header.language, first[key].text) for key in keys],
            behaviour=True, inputs=behaviour_inputs(problem, args.seed)), strict=True))
        judge_seconds += time.perf_counter() - t0
        results = [judged[program_key(sample)] for sample in samples]
        correct = sum(r.accepted for r in results)
        compiled = sum(r.compiled for r in results)
        ran = sum(r.ran for r in results)
        passing = [r for r in judged.values() if r.passes_examples]
        behaviours = len({r.behaviour for r in passing})
        totals.update(samples=len(samples), correct=correct, compiled=compiled, ran=ran, distinct=len(keys),
                      passing=len(passing), behaviours=behaviours)
        per_problem[problem.name] = {k: pass_at_k(len(samples), correct, k) for k in ks}
        print(f"{problem.name[:40]:<40} {correct:>7} {compiled:>7} {ran:>5} {len(keys):>8} {len(passing):>7} "
              f"{behaviours:>5}  " + " ".join(f"{per_problem[problem.name][k]:<9.3f}" for k in ks), flush=True)

    figures: dict[str, object] = {
        "problems": len(problems), "samples": totals["samples"], "distinct_programs": totals["distinct"],
        "distinct_per_1000": round(1000 * totals["distinct"] / totals["samples"], 1),
        "compile_share": round(totals["compiled"] / totals["samples"], 4),
        "run_share": round(totals["ran"] / totals["samples"], 4),
        "correct_share": round(totals["correct"] / totals["samples"], 4),
        "distinct_passing_examples": totals["passing"], "distinct_behaviours_passing_examples": totals["behaviours"],
        "sample_seconds": round(sample_seconds, 1), "judge_seconds": round(judge_seconds, 1),
    }
    for k in ks:
        mean, low, high = mean_and_interval([scores[k] for scores in per_problem.values()])
        figures[f"pass@{k}"] = round(mean, 4)
        figures[f"pass@{k}_95ci"] = [round(low, 4), round(high, 4)]
    print(f"{split}: {figures['compile_share']:.1%} compile, {figures['run_share']:.1%} run without error, "
          f"{figures['distinct_per_1000']} distinct per 1,000 samples, {totals['behaviours']} behaviours among "
          f"{totals['passing']} programs passing the examples; "
          + ", ".join(f"pass@{k} {figures[f'pass@{k}']:.1%}" for k in ks))
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--problems", type=int, default=50, help="problems per split (train300: at most 30)")
    parser.add_argument("--k", type=int, default=100, help="samples per problem")
    parser.add_argument("--model", type=Path, default=DEFAULT_CHECKPOINT)
    parser.add_argument("--temperature", type=float, default=SamplingConfig.temperature)
    parser.add_argument("--header-variants", default=str(SamplingConfig.header_variants), metavar="N|per-sample")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--splits", default="heldout,story,train300",
                        help=f"comma-separated, of {', '.join(SPLITS)} (default: heldout,story,train300)")
    parser.add_argument("--split", choices=SPLITS, help="one split (the older spelling of --splits)")
    parser.add_argument("--train300", type=Path, default=TRAIN300, help="the CodeContests train300 JSON Lines")
    args = parser.parse_args()
    splits = [args.split] if args.split else [s.strip() for s in args.splits.split(",") if s.strip()]
    if not splits or any(split not in SPLITS for split in splits):
        parser.error(f"--splits: each of {', '.join(SPLITS)}, got {args.splits!r}")
    try:
        args.header_variants = header_variants_option(args.header_variants)
        SamplingConfig(header_variants=args.header_variants, temperature=args.temperature)
    except ValueError as error:
        parser.error(str(error))
    if args.problems < 1 or args.k < 1:
        parser.error("--problems and --k must be at least 1")

    model, tokenizer = load_checkpoint(args.model)
    sampler = Sampler(model, tokenizer)
    ks = [k for k in (1, 10, 100) if k <= args.k]
    figures: dict[str, object] = {
        "model": str(args.model), "k": args.k, "temperature": args.temperature,
        "header_variants": args.header_variants or "per-sample", "seed": args.seed, "splits": {}}
    started = time.perf_counter()
    with Sandbox() as sandbox:
        for split in splits:
            problems = load_split(split, args.problems, args.seed, args.train300)
            if problems is None:
                print(f"\n{split}: skipped ({args.train300} is absent)")
                continue
            figures["splits"][split] = run_split(sampler, sandbox, split, problems, args, ks)
    figures["seconds"] = round(time.perf_counter() - started, 1)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
