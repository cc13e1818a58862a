"""`solver solve PROBLEM`: the whole loop on one problem, with live progress, then the ten submissions."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from solver.commands import CommandError

DEFAULT_SAMPLES = 200


def add_backend_arguments(parser: argparse.ArgumentParser) -> None:
    """The options that choose and configure a backend, and the sampling params of its calls (shared by the
    commands that solve)."""
    from solver.backends import BACKENDS, LANGUAGES

    group = parser.add_argument_group("model backend")
    group.add_argument("--backend", choices=BACKENDS, default="native",
                       help="where candidates come from (default: native, our shipped model)")
    group.add_argument("--model", metavar="M",
                       help="native/hf/vllm: a checkpoint directory (native default: the shipped one); openai: the "
                       "served model's name; replay: a JSON Lines file (default: the problem's own solutions)")
    group.add_argument("--device", default="auto", metavar="DEV",
                       help="native/hf: auto (CUDA when present), cpu, cuda or cuda:N (default auto)")
    group.add_argument("--base-url", metavar="URL",
                       help="openai: the server, e.g. http://127.0.0.1:8000/v1 (default: the client's, "
                       "OPENAI_BASE_URL or api.openai.com)")
    group.add_argument("--api", choices=("chat", "completions"), default="chat",
                       help="openai/vllm: chat messages through the chat template (default), or a plain completion "
                       "prompt")
    group.add_argument("--api-key", metavar="KEY", help="openai: the key (default: the client's OPENAI_API_KEY)")
    group.add_argument("--concurrency", type=int, default=4, metavar="N", help="openai: requests in flight")
    group.add_argument("--per-request", type=int, default=8, metavar="N", help="openai: completions per request (n)")
    group.add_argument("--tensor-parallel-size", type=int, default=1, metavar="N", help="vllm: GPUs per model")
    group.add_argument("--gpu-memory-utilization", type=float, default=0.9, metavar="F",
                       help="vllm: share of GPU memory for weights and cache")
    group.add_argument("--max-model-len", type=int, metavar="N", help="vllm: context length (default: the model's)")
    group.add_argument("--template", type=Path, metavar="FILE",
                       help="hf/openai/vllm: a prompt template file (see README: Backends)")

    params = parser.add_argument_group("sampling (unset: the backend's defaults)")
    params.add_argument("--temperature", type=float)
    params.add_argument("--top-p", type=float)
    params.add_argument("--top-k", type=int, help="0 turns it off")
    params.add_argument("--max-tokens", type=int, metavar="N", help="the longest program, in the model's tokens")
    params.add_argument("--stop", action="append", metavar="TEXT", help="a string that ends a sample (repeatable)")
    params.add_argument("--languages", nargs="+", choices=LANGUAGES, metavar="LANG",
                        help="languages to sample (default: the backend's; native: python3 and cpp)")
    params.add_argument("--option", action="append", default=[], metavar="NAME=VALUE",
                        help="an option the backend adds, VALUE as JSON (e.g. header_variants=16, shuffle=false)")


def add_selection_arguments(parser: argparse.ArgumentParser) -> None:
    """How the submissions are chosen (shared by the commands that solve)."""
    group = parser.add_argument_group("selection")
    group.add_argument("--scorer", metavar="FILE|none",
                       help="a learned scorer (solver train scorer) that orders the clusters and picks their best "
                       "member; default: the shipped one (solver/checkpoints/scorer.json); none: clustering alone")
    group.add_argument("--no-speed", action="store_true",
                       help="no runs on inputs at the stated bounds: AlphaCode's rule, largest clusters first "
                       "(with --scorer none, the old rule exactly)")


def selection_from(args: argparse.Namespace):
    """The selection rule of a command line; its scorer is loaded now, so that a bad file is refused at once."""
    from solver.pipeline import Selection
    from solver.selection import DEFAULT_SCORER, Scorer, ScorerError

    scorer = None
    if args.scorer is None:
        if DEFAULT_SCORER.is_file():
            scorer = _load_scorer(DEFAULT_SCORER, Scorer, ScorerError)
    elif args.scorer.lower() != "none":
        scorer = _load_scorer(Path(args.scorer), Scorer, ScorerError)
    return Selection(speed=not args.no_speed, scorer=scorer)


def _load_scorer(path: Path, scorer_class, error_class):
    try:
        return scorer_class.load(path)
    except error_class as error:
        raise CommandError(f"--scorer: {error}") from None


def sampling_params_from(args: argparse.Namespace):
    """The sampling params of a command line: the same record the batch runner stores and the service builds."""
    import json

    from solver.backends import BackendError, SamplingParams

    extra = {}
    for item in args.option:
        name, equals, text = item.partition("=")
        if not equals or not name:
            raise CommandError(f"--option: expected NAME=VALUE, got {item!r}")
        try:
            extra[name] = json.loads(text)
        except json.JSONDecodeError:
            extra[name] = text
    try:
        return SamplingParams.build(extra, temperature=args.temperature, top_p=args.top_p, top_k=args.top_k,
                                    max_tokens=args.max_tokens, stop=args.stop, seed=args.seed,
                                    languages=args.languages)
    except BackendError as error:
        raise CommandError(str(error)) from None


def backend_spec_from(args: argparse.Namespace):
    """The backend the command line names, as plain data: built here (`make_backend_from`) or on a cluster's
    nodes (`solver batch --ray`)."""
    from solver.backends import BackendSpec

    settings: dict = {}
    if args.backend in ("native", "hf"):
        settings["device"] = args.device
    if args.backend == "openai":
        settings.update(base_url=args.base_url, api_key=args.api_key, api=args.api, concurrency=args.concurrency,
                        per_request=args.per_request)
    if args.backend == "vllm":
        settings.update(api=args.api, tensor_parallel_size=args.tensor_parallel_size,
                        gpu_memory_utilization=args.gpu_memory_utilization, max_model_len=args.max_model_len)
    if args.template is not None:
        if args.backend not in ("hf", "openai", "vllm"):
            raise CommandError("--template applies to the hf, openai and vllm backends")
        try:
            settings["template"] = args.template.read_text(encoding="utf-8")
        except OSError as error:
            raise CommandError(f"--template: {error}") from None
    return BackendSpec(args.backend, args.model, settings)


def make_backend_from(args: argparse.Namespace):
    """The backend the command line names, built here."""
    from solver.backends import BackendError

    try:
        return backend_spec_from(args).build()
    except BackendError as error:
        raise CommandError(str(error)) from None


def check_params(backend: str, params) -> None:
    """Options the backend would refuse are refused now, before a model loads or a sandbox starts."""
    from solver.backends import BackendError, backend_class

    try:
        params.check_options(backend, backend_class(backend).options)
    except BackendError as error:
        raise CommandError(str(error).removeprefix("options.")) from None


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
    add_selection_arguments(parser)
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
    params = sampling_params_from(args)
    check_params(args.backend, params)
    selection = selection_from(args)
    backend = make_backend_from(args)
    try:
        result = solve(problem, backend, samples=args.samples, seconds=args.seconds, params=params,
                       on_progress=None if args.json else ProgressLine(), submissions=args.submissions,
                       selection=selection)
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
    from sandbox import Verdict

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
        verdict = f"  hidden tests: {result.hidden_verdicts[number - 1].value}" if result.hidden_verdicts else ""
        candidate = submission.candidate
        print(f"\n── submission {number}: {candidate.language}, cluster {submission.cluster} of size "
              f"{submission.cluster_size}{verdict}")
        print(candidate.code.rstrip("\n"))
    if result.hidden_verdicts is not None:
        print(f"\nsolved: {'yes' if result.solved else 'no'} "
              f"({sum(v is Verdict.ACCEPTED for v in result.hidden_verdicts)} of {len(result.hidden_verdicts)} "
              "submissions accepted)")
