"""`solver batch DATASET --out DIR` and `solver report DIR [DIR2]`: solve a split, then read the run."""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from pathlib import Path

from problems import ProblemFormatError, scan
from solver.commands import CommandError
from solver.commands.solve import (
    add_backend_arguments,
    add_selection_arguments,
    backend_spec_from,
    check_params,
    make_backend_from,
    sampling_params_from,
    selection_from,
)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "batch",
        help="solve every problem of a split, resumable, with per-problem JSON Lines results",
        description="Solve every problem of DATASET (any source the loaders read) and append one JSON line per "
        "problem to DIR/results.jsonl as soon as it is done: every candidate's verdicts on the example tests, its "
        "cluster on the generated inputs and, when it passed the examples, its verdict on the hidden tests. "
        "Rerunning the same command resumes a killed run. A problem that cannot be loaded or judged gets a line "
        "with its error and the run goes on; the exit code is then 1 (after every other problem is done), else 0.",
    )
    parser.add_argument("dataset", metavar="DATASET", help="a problem source (file, directory, curriculum:...)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="the run directory")
    parser.add_argument("--samples", type=int, default=100, metavar="K", help="samples per problem (default 100)")
    parser.add_argument("--seconds", type=float, metavar="S", help="at most S seconds of sampling per problem")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N problems")
    parser.add_argument("--retry-errors", action="store_true",
                        help="when resuming, solve again the problems whose line holds an error")
    parser.add_argument("--ray", nargs="?", const="auto", metavar="auto|local|ADDRESS",
                        help="spread the problems over a Ray cluster: auto (the default with no value: the cluster "
                        "this machine belongs to), local (start one in this process), or the head's address, "
                        "HOST:6379 or ray://HOST:10001; lines are written in the order problems complete. Needs the "
                        "ray extra: pip install 'open-alphacode[ray]'")
    add_backend_arguments(parser)
    add_selection_arguments(parser)
    parser.set_defaults(handler=run_batch)

    report = sub.add_parser(
        "report",
        help="a Markdown report with solve-rate plots of one batch run, or two side by side",
        description="Write report.md and solve_rate.png (10@k with clustering, 10@k with random choice among the "
        "filtered samples, and pass@k against k) into the first run's directory, or --out.",
    )
    report.add_argument("runs", type=Path, nargs="+", metavar="DIR", help="one or two batch run directories")
    report.add_argument("--out", type=Path, metavar="DIR")
    report.add_argument("--trials", type=int, default=200, help="subsamples per k for the n@k estimate")
    report.set_defaults(handler=run_report)


def _items(dataset: str, limit: int | None):
    """The dataset's problems, and the load errors in their places (each becomes an error line)."""
    for number, item in enumerate(scan(dataset)):
        if limit is not None and number >= limit:
            return
        yield item


def run_batch(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from solver.evaluation.batch import BatchSettings, read_results, start_run

    if args.samples < 1:
        raise CommandError("--samples must be at least 1")
    if args.ray is not None:
        try:
            _distributed().check_address(args.ray)
        except ValueError as error:
            raise CommandError(str(error)) from None
    if not str(args.dataset).startswith("curriculum:") and not Path(args.dataset).exists():
        raise CommandError(f"{args.dataset}: no such file or directory")
    total = 0
    for item in _items(args.dataset, args.limit):  # a streaming pass for the progress bar: nothing is kept
        if isinstance(item, ProblemFormatError) and item.field == "path":
            raise CommandError(str(item))  # nothing to solve at all (an empty directory, an unknown format)
        total += 1
    params = sampling_params_from(args)
    check_params(args.backend, params)
    settings = BatchSettings(args.samples, args.seconds, params, args.backend, args.model, selection_from(args))
    try:
        done = start_run(args.out, settings, args.dataset, retry_errors=args.retry_errors)
    except ValueError as error:
        raise CommandError(str(error)) from None
    already = len(done)
    solved = errored = 0
    runner = _local if args.ray is None else _on_cluster
    with tqdm(total=total, initial=min(already, total), unit="problem", desc="batch", file=sys.stderr) as bar, \
            runner(args, settings, done, lambda text: tqdm.write(text, file=sys.stderr)) as (summaries, status):
        for summary in summaries:
            solved += bool(summary["solved"])
            if summary["error"]:
                errored += 1
                tqdm.write(f"{summary['problem']}: {summary['error']}", file=sys.stderr)
            bar.set_postfix(solved=solved, errors=errored, **status(), refresh=False)
            bar.update(1)
    errors = sum(1 for row in read_results(args.out) if "error" in row)
    print(f"{args.out}: {total} problems ({already} from before this run); solved in this run: {solved}; "
          f"errors in the run: {errors}" + ("" if not errors or args.retry_errors else
                                            " (rerun with --retry-errors to try them again)"))
    return 1 if errors else 0


@contextmanager
def _local(args: argparse.Namespace, settings, done: set[str], notice):
    """The problems solved one after another in this process: their summaries, and nothing more to show."""
    from solver.evaluation.batch import batch

    backend = make_backend_from(args)
    try:
        yield batch(_items(args.dataset, args.limit), args.out, backend, settings, done=done), dict
    finally:
        backend.close()


@contextmanager
def _on_cluster(args: argparse.Namespace, settings, done: set[str], notice):
    """The problems spread over a Ray cluster: their summaries as they complete, and the cluster's pace."""
    distributed = _distributed()
    try:
        with distributed.connected(args.ray):
            cluster = distributed.ClusterBatch(backend_spec_from(args), settings, on_notice=notice)

            def status() -> dict:
                return {"rate": f"{cluster.rate:.2f}/s", "nodes": cluster.nodes, "cpus": cluster.cpus}

            yield cluster.run(_items(args.dataset, args.limit), args.out, done=done), status
    except distributed.ClusterError as error:
        raise CommandError(str(error)) from None


def _distributed():
    """The Ray driver, imported only here: without --ray nothing imports Ray."""
    try:
        from solver.evaluation import distributed
    except ModuleNotFoundError as error:
        if (error.name or "").partition(".")[0] != "ray":
            raise
        raise CommandError("--ray needs Ray, an optional extra: pip install 'open-alphacode[ray]'") from None
    return distributed


def run_report(args: argparse.Namespace) -> int:
    from solver.evaluation.report import write_report

    if len(args.runs) > 2:
        raise CommandError("report compares at most two runs")
    for directory in args.runs:
        if not directory.is_dir():
            raise CommandError(f"{directory}: not a run directory")
    try:
        path = write_report(args.runs, args.out, args.trials)
    except ValueError as error:
        raise CommandError(str(error)) from None
    print(path)
    return 0
