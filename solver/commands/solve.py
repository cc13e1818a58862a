"""`solver solve PROBLEM`: the whole loop on one problem, with live progress, then the ten submissions."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from solver.commands import CommandError

DEFAULT_SAMPLES = 200


def add_backend_arguments(parser: argparse.ArgumentParser) -> None:
    """The options that choose and configure a backend (shared by the commands that solve)."""
    group = parser.add_argument_group("model backend")
    group.add_argument("--backend", choices=("native", "hf", "openai", "replay"), default="native",
                       help="where candidates come from (default: native, our shipped model)")
    group.add_argument("--model", metavar="M",
                       help="native/hf: a checkpoint directory (native default: the shipped one); openai: the "
                       "served model's name; replay: a JSON Lines file (default: the problem's own solutions)")
    group.add_argument("--temperature", type=float, default=0.8)
    group.add_argument("--languages", nargs="+", choices=("python3", "cpp", "java"), metavar="LANG",
                       help="languages to sample (default: the backend's; native: python3 and cpp)")
    group.add_argument("--base-url", help="openai: the server, e.g. http://127.0.0.1:8000/v1")
    group.add_argument("--concurrency", type=int, default=4, help="openai: requests in flight")
    group.add_argument("--per-request", type=int, default=8, help="openai: completions per request (n)")
    group.add_argument("--template", type=Path, metavar="FILE",
                       help="hf/openai: a prompt template file with {statement}, {language_name}, {fence}")


def make_backend_from(args: argparse.Namespace):
    from solver.backends import BackendError, make_backend

    options: dict = {}
    if args.backend in ("native", "hf", "openai"):
        options["temperature"] = args.temperature
    if args.backend == "openai":
        options.update(base_url=args.base_url, concurrency=args.concurrency, n=args.per_request)
    if args.template is not None:
        if args.backend not in ("hf", "openai"):
            raise CommandError("--template applies to the hf and openai backends")
        try:
            options["template"] = args.template.read_text(encoding="utf-8")
        except OSError as error:
            raise CommandError(f"--template: {error}") from None
    try:
        return make_backend(args.backend, args.model, **options)
    except BackendError as error:
        raise CommandError(str(error)) from None


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "solve",
        help="solve one problem: sample, filter, cluster, submit ten",
        description="Sample candidate programs, keep those that pass the example tests, cluster them by behaviour "
        "on generated inputs, and print one program from each of the largest clusters (up to 10). When the problem "
        "has hidden tests, the submissions are judged on them afterwards (never used for the choice).",
    )
    parser.add_argument("problem", type=Path, metavar="PROBLEM", help="any problem source (see `solver problems`)")
    parser.add_argument("--name", help="which problem, when PROBLEM holds several")
    parser.add_argument("--samples", type=int, default=DEFAULT_SAMPLES, metavar="N",
                        help=f"candidates to sample (default {DEFAULT_SAMPLES})")
    parser.add_argument("--seconds", type=float, metavar="S", help="stop sampling after S seconds")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--submissions", type=int, default=10, metavar="K", help="programs to submit (default 10)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the listing")
    parser.add_argument("--records", type=Path, metavar="FILE.jsonl",
                        help="also write every candidate's fate (duplicate, verdicts, cluster) as JSON Lines")
    add_backend_arguments(parser)
    parser.set_defaults(handler=run_solve)


class ProgressLine:
    """One line on stderr, rewritten in place on a terminal and printed at stage changes elsewhere."""

    def __init__(self, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.stage = None

    def __call__(self, event) -> None:
        s = event.stats
        text = (f"[{event.elapsed:6.1f}s] {event.stage:<10} sampled {s['sampled']}  unique {s['unique']}  "
                f"compiled {s['compiled']}  passed examples {s['passed_examples']}  clusters {s['clusters']}")
        if event.message:
            text += f"  · {event.message}"
        if self.tty:
            self.stream.write("\r\033[K" + text + ("\n" if event.stage == "done" else ""))
            self.stream.flush()
        elif event.stage != self.stage or event.message:
            print(text, file=self.stream, flush=True)
        self.stage = event.stage


def run_solve(args: argparse.Namespace) -> int:
    from solver.backends import BackendError
    from solver.commands.judge import pick_problem
    from solver.pipeline import solve

    if args.samples < 1:
        raise CommandError("--samples must be at least 1")
    if args.seconds is not None and args.seconds <= 0:
        raise CommandError("--seconds must be positive")
    if args.submissions < 1:
        raise CommandError("--submissions must be at least 1")
    problem = pick_problem(args.problem, args.name)
    backend = make_backend_from(args)
    try:
        result = solve(problem, backend, samples=args.samples, seconds=args.seconds, seed=args.seed,
                       languages=args.languages, on_progress=None if args.json else ProgressLine(),
                       submissions=args.submissions)
    except BackendError as error:
        raise CommandError(str(error)) from None
    except ValueError as error:
        raise CommandError(str(error)) from None
    finally:
        backend.close()
    if args.records:
        args.records.parent.mkdir(parents=True, exist_ok=True)
        with open(args.records, "w", encoding="utf-8") as out:
            for record in result.records:
                out.write(json.dumps(record.to_json(), ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
        return 0
    print_result(result)
    return 0


def print_result(result) -> None:
    stats = result.stats
    print(f"\n{result.problem}: {stats.sampled} sampled, {stats.unique} unique, {stats.compiled} compiled, "
          f"{stats.passed_examples} passed the examples, {stats.clusters} clusters on "
          f"{stats.generated_inputs} generated inputs")
    timings = ", ".join(f"{name} {value:.1f}s" for name, value in result.timings.items())
    print(f"time: {timings}")
    if not result.submissions:
        print("no candidate passed the example tests: nothing to submit")
        return
    for number, submission in enumerate(result.submissions, 1):
        verdict = f"  hidden tests: {result.hidden_verdicts[number - 1]}" if result.hidden_verdicts else ""
        candidate = submission.candidate
        print(f"\n── submission {number}: {candidate.language}, cluster {submission.cluster} of size "
              f"{submission.cluster_size}{verdict}")
        print(candidate.code.rstrip("\n"))
    if result.hidden_verdicts is not None:
        print(f"\nsolved: {'yes' if result.solved else 'no'} "
              f"({result.hidden_verdicts.count('ACCEPTED')} of {len(result.hidden_verdicts)} submissions accepted)")
