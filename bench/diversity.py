"""Header policies side by side: a metadata header drawn per sample (as AlphaCode sampled) against k random header
variants per problem (8, the default), on the held-out curriculum and the story split.

For each policy, on the same problems in one run (the policies take turns problem by problem, so a machine's
passing load falls on both), prints:

- samples per second (sampling alone; a header per sample costs an encoder pass per distinct header, and with
  many variants in a batch cross-attention reads a statement per row);
- distinct programs per 1,000 samples (distinct after normalisation: comments and whitespace do not count);
- distinct programs that pass the examples, per second of sampling: what the rest of the pipeline (clustering,
  selection) gets to work with. Each distinct program is judged on the problem's public tests in the sandbox.

`--sweep` chooses sampling defaults by measurement instead: for temperature in {0.6, 0.8, 1.0, 1.2} and top-p in
{1.0, 0.95}, pass@1/10/100 (unbiased estimator; correct = accepted on the public and hidden tests) and distinct
programs per 1,000 samples, per policy.

`--step` times one decoding step of the shipped model with V distinct header variants in a batch of B rows, cross-
attention read in place per variant (one call per variant) against gathered per row (one call): where the
sampler's rule (solver.model.sampler.GATHER_ABOVE, GATHER_SHARE) switches from one to the other.

Each mode prints a table per policy or setting and ends with one JSON line. Small runs (`--problems 5 --samples
100`) check that it works; conclusions need the full run (`--problems 50 --samples 1000`).

    python bench/diversity.py [--problems 5] [--samples 100] [--policies per-sample,8] [--splits heldout,story]
                              [--model DIR] [--temperature T] [--top-p P] [--threads 1] [--sweep | --step]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

import torch
from curriculum import header_policy, judge_distinct, load_split, program_key  # bench/curriculum.py

from sandbox import Program, Sandbox
from solver.evaluation.metrics import mean_and_interval, pass_at_k
from solver.model.checkpoint import DEFAULT_CHECKPOINT, load_checkpoint, resolve_device
from solver.model.metadata import HeaderPolicy, encoder_ids
from solver.model.sampler import IncrementalDecoder, Sample, Sampler, SamplingConfig, header_variants_option

TEMPERATURES = (0.6, 0.8, 1.0, 1.2)
TOP_PS = (1.0, 0.95)


def policy_name(header_variants: int | None) -> str:
    return "per-sample" if header_variants is None else f"{header_variants} variants"


def distinct(samples: list[Sample]) -> dict[tuple[str, str], Sample]:
    """The first sample of each distinct program."""
    first: dict[tuple[str, str], Sample] = {}
    for sample in samples:
        first.setdefault(program_key(sample), sample)
    return first


def programs_of(first: dict[tuple[str, str], Sample]) -> list[Program]:
    return [Program(sample.header.language, sample.text) for sample in first.values()]


def compare(args: argparse.Namespace, sampler: Sampler, problems: dict[str, list]) -> dict[str, object]:
    """Speed and diversity of each policy, per split."""
    totals: dict[tuple[str, int | None], Counter] = {}
    seconds: dict[tuple[str, int | None], float] = {}
    with Sandbox() as sandbox:
        for split, split_problems in problems.items():
            print(f"\n{split}: {len(split_problems)} problems x {args.samples} samples")
            print(f"{'problem':<40} {'policy':<12} {'seconds':>8} {'headers':>7} {'distinct':>8} {'pass-ex':>7}")
            for number, problem in enumerate(split_problems):
                # Take turns, so that neither policy always runs first on a problem.
                order = args.policies if number % 2 == 0 else args.policies[::-1]
                for variants in order:
                    config = SamplingConfig(temperature=args.temperature, top_p=args.top_p, seed=args.seed,
                                            batch_size=args.batch_size, header_variants=variants,
                                            policy=header_policy(split, problem))
                    started = time.perf_counter()
                    samples = list(sampler.sample(problem.description, args.samples, config))
                    elapsed = time.perf_counter() - started
                    first = distinct(samples)
                    judged = judge_distinct(sandbox, problem, programs_of(first), hidden=False)
                    passing = sum(j.passes_examples for j in judged)
                    headers = len({s.header for s in samples})
                    tokens = sum(len(s.token_ids) + s.finished for s in samples)  # the end token is decoded too
                    key = (split, variants)
                    totals.setdefault(key, Counter()).update(samples=len(samples), distinct=len(first),
                                                             passing=passing, headers=headers, tokens=tokens)
                    seconds[key] = seconds.get(key, 0.0) + elapsed
                    print(f"{problem.name[:40]:<40} {policy_name(variants):<12} {elapsed:>8.1f} {headers:>7} "
                          f"{len(first):>8} {passing:>7}", flush=True)

    figures: dict[str, object] = {}
    print(f"\n{'split':<10} {'policy':<12} {'samples/s':>9} {'tokens/s':>8} {'tokens/sample':>13} "
          f"{'distinct/1000':>13} {'pass-ex distinct/s':>18} {'headers/1000':>12}")
    for (split, variants), total in totals.items():
        row = {
            "samples": total["samples"], "sample_seconds": round(seconds[(split, variants)], 2),
            "samples_per_s": round(total["samples"] / seconds[(split, variants)], 3),
            # Samples per second depend on how long the samples are, which the headers change: tokens per second
            # is the sampler's own speed.
            "tokens_per_s": round(total["tokens"] / seconds[(split, variants)], 1),
            "tokens_per_sample": round(total["tokens"] / total["samples"], 1),
            "distinct_per_1000": round(1000 * total["distinct"] / total["samples"], 1),
            "distinct_passing_examples": total["passing"],
            "distinct_passing_examples_per_s": round(total["passing"] / seconds[(split, variants)], 4),
            "headers_per_1000": round(1000 * total["headers"] / total["samples"], 1),  # encoder passes, about
        }
        figures[f"{split}/{policy_name(variants)}"] = row
        print(f"{split:<10} {policy_name(variants):<12} {row['samples_per_s']:>9.2f} {row['tokens_per_s']:>8.0f} "
              f"{row['tokens_per_sample']:>13.1f} {row['distinct_per_1000']:>13.1f} "
              f"{row['distinct_passing_examples_per_s']:>18.3f} {row['headers_per_1000']:>12.1f}")
    if len(args.policies) == 2:
        a, b = (policy_name(v) for v in args.policies)
        for split in problems:
            x, y = figures[f"{split}/{a}"], figures[f"{split}/{b}"]
            ratios = {name: round(x[name] / y[name], 3) if y[name] else None
                      for name in ("samples_per_s", "tokens_per_s", "distinct_per_1000",
                                   "distinct_passing_examples_per_s")}
            figures[f"{split}/{a} over {b}"] = ratios
            print(f"{split}: {a} over {b}: " + ", ".join(
                f"{name} {'n/a' if ratio is None else f'{ratio}x'}" for name, ratio in ratios.items()))
    return figures


def score_setting(sampler: Sampler, sandbox: Sandbox, problems: dict[str, list], samples: int,
                  config: SamplingConfig, ks: list[int]) -> dict[str, object]:
    """pass@k over the problems and distinct programs per 1,000 samples, for one sampling setting."""
    scores: dict[int, list[float]] = {k: [] for k in ks}
    total: Counter[str] = Counter()
    started = time.perf_counter()
    for split, split_problems in problems.items():
        for problem in split_problems:
            drawn = list(sampler.sample(problem.description, samples, replace(
                config, policy=header_policy(split, problem))))
            first = distinct(drawn)
            verdicts = dict(zip(first, judge_distinct(sandbox, problem, programs_of(first)), strict=True))
            correct = sum(verdicts[program_key(s)].accepted for s in drawn)
            total.update(samples=len(drawn), distinct=len(first))
            for k in ks:
                scores[k].append(pass_at_k(len(drawn), correct, k))
    row: dict[str, object] = {"distinct_per_1000": round(1000 * total["distinct"] / total["samples"], 1),
                              "seconds": round(time.perf_counter() - started, 1)}
    for k in ks:
        mean, low, high = mean_and_interval(scores[k])
        row[f"pass@{k}"], row[f"pass@{k}_95ci"] = round(mean, 4), [round(low, 4), round(high, 4)]
    return row


def sweep(args: argparse.Namespace, sampler: Sampler, problems: dict[str, list]) -> dict[str, object]:
    """pass@k and distinct programs for each temperature and top-p, per policy."""
    ks = [k for k in (1, 10, 100) if k <= args.samples]
    figures: dict[str, object] = {}
    with Sandbox() as sandbox:
        for variants in args.policies:
            print(f"\n{policy_name(variants)}: {sum(map(len, problems.values()))} problems x {args.samples} samples")
            print(f"{'temperature':>11} {'top-p':>5} {'distinct/1000':>13} " + " ".join(f"pass@{k:<5}" for k in ks)
                  + f" {'seconds':>8}")
            for temperature in TEMPERATURES:
                for top_p in TOP_PS:
                    config = SamplingConfig(temperature=temperature, top_p=top_p, seed=args.seed,
                                            batch_size=args.batch_size, header_variants=variants)
                    row = score_setting(sampler, sandbox, problems, args.samples, config, ks)
                    figures[f"{policy_name(variants)}/T={temperature}/top_p={top_p}"] = row
                    print(f"{temperature:>11} {top_p:>5} {row['distinct_per_1000']:>13.1f} "
                          + " ".join(f"{row[f'pass@{k}']:<10.3f}" for k in ks) + f" {row['seconds']:>8.1f}",
                          flush=True)
    return figures


def step_times(args: argparse.Namespace, model, tokenizer, problem) -> dict[str, object]:
    """One decoding step with V variants among B rows (caches 100 tokens long), read in place or gathered."""
    device = model.device
    figures: dict[str, object] = {}
    policy = HeaderPolicy()
    with torch.no_grad():
        memories = [model.encoder(torch.tensor([encoder_ids(tokenizer, policy.draw_for(0, i), problem.description,
                                                            model.config.max_encoder_length)], device=device))
                    .last_hidden_state for i in range(max(args.batches))]
    print(f"\none step, {problem.name}, statement of {memories[0].size(1)} tokens (milliseconds)")
    print(f"{'batch':>5} {'variants':>8} {'in place':>9} {'gathered':>9} {'ratio':>6}")
    for batch in args.batches:
        for count in [v for v in (1, 4, 8, 12, 16, 24, 32, 48, 64, 128, 256) if v <= batch]:
            decoders = {}
            for mode, most in (("in_place", 1 << 30), ("gathered", 0)):
                decoder = IncrementalDecoder(model, memories[:count], batch, model.config.max_decoder_length, count)
                decoder.cache.gather_above = most
                for row in range(batch):
                    decoder.reset(row, row % count, position=100)
                decoders[mode] = decoder
            tokens = torch.zeros(batch, dtype=torch.long, device=device)
            times: dict[str, list[float]] = {mode: [] for mode in decoders}
            for _ in range(args.repeats):
                for mode, decoder in decoders.items():  # taking turns, as for the policies
                    for row in range(batch):
                        decoder.reset(row, position=100)
                    if device.type == "cuda":
                        torch.cuda.synchronize(device)
                    started = time.perf_counter()
                    decoder.step(tokens)
                    if device.type == "cuda":
                        torch.cuda.synchronize(device)
                    times[mode].append(time.perf_counter() - started)
            ms = {mode: 1000 * sorted(values)[len(values) // 4] for mode, values in times.items()}  # a low quartile
            ratio = ms["in_place"] / ms["gathered"]
            figures[f"B={batch}/V={count}"] = {"in_place_ms": round(ms["in_place"], 2),
                                                "gathered_ms": round(ms["gathered"], 2), "ratio": round(ratio, 3)}
            print(f"{batch:>5} {count:>8} {ms['in_place']:>9.2f} {ms['gathered']:>9.2f} {ratio:>6.2f}", flush=True)
            del decoders
    return figures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--problems", type=int, default=5, help="problems per split")
    parser.add_argument("--samples", type=int, default=100, help="samples per problem")
    parser.add_argument("--splits", default="heldout,story", help="comma-separated: heldout, story, train300")
    parser.add_argument("--policies", default="per-sample,8", metavar="P,P",
                        help="header policies, comma-separated: per-sample or a number of variants")
    parser.add_argument("--model", type=Path, default=DEFAULT_CHECKPOINT)
    parser.add_argument("--device", default="cpu", help="cpu, cuda, cuda:N or auto")
    parser.add_argument("--temperature", type=float, default=SamplingConfig.temperature)
    parser.add_argument("--top-p", type=float, default=SamplingConfig.top_p)
    parser.add_argument("--batch-size", type=int, default=SamplingConfig.batch_size)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=1,
                        help="torch threads on a CPU (default 1: the sandbox's workers judge beside it)")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--sweep", action="store_true", help="pass@k by temperature and top-p instead")
    mode.add_argument("--step", action="store_true", help="time one decoding step, variants in place or gathered")
    parser.add_argument("--batches", default="16,32,64", help="--step: batch sizes, comma-separated")
    parser.add_argument("--repeats", type=int, default=12, help="--step: timed steps per measurement")
    args = parser.parse_args()
    try:
        args.policies = [header_variants_option(p.strip()) for p in args.policies.split(",") if p.strip()]
        for variants in args.policies:
            SamplingConfig(header_variants=variants, temperature=args.temperature, top_p=args.top_p,
                           batch_size=args.batch_size)
        args.batches = [int(b) for b in args.batches.split(",")]
        device = resolve_device(args.device)
    except ValueError as error:
        parser.error(str(error))
    splits = [s.strip() for s in args.splits.split(",") if s.strip()]
    if not args.policies or any(split not in ("heldout", "story", "train300") for split in splits):
        parser.error("--splits: heldout, story or train300; --policies: at least one")
    if args.problems < 1 or args.samples < 1 or args.threads < 1 or min(args.batches) < 1:
        parser.error("--problems, --samples, --threads and --batches must be at least 1")
    if device.type == "cpu":
        torch.set_num_threads(args.threads)

    model, tokenizer = load_checkpoint(args.model, device)
    figures: dict[str, object] = {"model": str(args.model), "device": str(device), "threads": torch.get_num_threads(),
                                  "problems": args.problems, "samples": args.samples, "seed": args.seed}
    if args.step:
        figures["step"] = step_times(args, model, tokenizer, load_split("heldout", 1)[0])
        print(json.dumps(figures))
        return 0
    problems = {}
    for split in splits:
        loaded = load_split(split, args.problems, args.seed)
        if loaded is None:
            print(f"{split}: skipped (its data is absent)")
        else:
            problems[split] = loaded
    sampler = Sampler(model, tokenizer)
    figures.update(temperature=args.temperature, top_p=args.top_p,
                   policies=[policy_name(v) for v in args.policies])
    figures["results"] = sweep(args, sampler, problems) if args.sweep else compare(args, sampler, problems)
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
