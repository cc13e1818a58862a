"""`solver judge PROGRAM --problem PATH`: judge one program in the sandbox, test by test."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from problems import ProblemFormatError, load
from problems.model import Problem, Test
from solver.commands import CommandError

GROUPS = ("public", "hidden", "all")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "judge",
        help="judge a program on a problem's tests in the sandbox",
        description="Compile and run PROGRAM in the sandbox on a problem's tests and check each output with the "
        "problem's rule. Exit code 0 when accepted, 1 when not, 2 on bad input, 3 when the sandbox cannot work.",
    )
    parser.add_argument("program", type=Path, metavar="PROGRAM", help="source file (.py, .cpp, .java)")
    parser.add_argument("--problem", type=Path, required=True, metavar="PATH", help="any problem source")
    parser.add_argument("--name", help="which problem, when PATH holds several")
    parser.add_argument("--language", help="python3, cpp or java (default: from the file extension)")
    parser.add_argument("--tests", choices=GROUPS, default="all", help="which tests (default: all)")
    parser.add_argument("--time-limit", type=float, metavar="S", help="CPU seconds per test (default: the problem's)")
    parser.add_argument("--stop", action="store_true", help="stop at the first failing test")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run_judge)


def pick_problem(path: Path, name: str | None) -> Problem:
    """The one problem at PATH (or the one called NAME); bad input becomes a CommandError."""
    chosen = None
    count = 0
    try:
        for problem in load(path):
            count += 1
            if name is None or problem.name == name:
                if chosen is not None and name is None:
                    raise CommandError(f"{path} holds several problems; choose one with --name")
                chosen = chosen or problem
    except ProblemFormatError as error:
        raise CommandError(str(error)) from None
    if chosen is None:
        raise CommandError(f"no problem named {name!r} in {path}" if name else f"no problem in {path}")
    return chosen


def selected_tests(problem: Problem, group: str) -> list[tuple[str, int, Test]]:
    tests = []
    if group in ("public", "all"):
        tests += [("public", i, t) for i, t in enumerate(problem.public_tests, 1)]
    if group in ("hidden", "all"):
        tests += [("hidden", i, t) for i, t in enumerate(problem.hidden_tests, 1)]
    return tests


def run_judge(args: argparse.Namespace) -> int:
    from sandbox import ProblemError, Program, Sandbox, SandboxError, Verdict, limits_for_problem, problem_limits

    try:
        source = args.program.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CommandError(f"cannot read {args.program}: {getattr(error, 'strerror', None) or error}") from None
    problem = pick_problem(args.problem, args.name)
    tests = selected_tests(problem, args.tests)
    if not tests:
        raise CommandError(f"{problem.name} has no {args.tests} tests")
    if args.time_limit is not None and args.time_limit <= 0:
        raise CommandError("--time-limit must be positive")

    sandbox = Sandbox()
    try:
        spec = sandbox.language(args.language or args.program.suffix)
    except (ValueError, SandboxError) as error:  # an unknown or unavailable language: the user's input
        raise CommandError(str(error)) from None
    try:
        if args.time_limit is not None:
            limits = limits_for_problem(args.time_limit, problem.memory_limit_bytes)
        else:  # stated, or derived from the accepted submissions (measured once per package, then cached)
            limits = problem_limits(sandbox, problem)
        result = sandbox.judge_problem(Program(spec.name, source), problem, [t for _, _, t in tests], limits,
                                       stop_on_failure=args.stop)
    except ProblemError as error:  # a broken package (its checker fails, no accepted submission passes)
        raise CommandError(f"{problem.name}: {error}") from None

    rows = []
    for test in result.tests:
        group, index, _ = tests[test.index if test.index is not None else len(rows)]
        run = test.run
        rows.append({
            "group": group, "index": index, "verdict": test.verdict.value, "message": test.message,
            "time": round(run.time, 3) if run else None, "memory": run.memory if run else None,
        })
    groups = [{"name": g.name, "verdict": g.verdict.value, "score": g.score} for g in result.groups]
    if args.json:
        print(json.dumps({"problem": problem.name, "language": spec.name, "verdict": result.verdict.value,
                          "time_limit": limits.time, "cgroups": sandbox.cgroups_version,
                          "compile_message": result.compile_message, "tests": rows, "groups": groups}))
    else:
        if result.verdict is Verdict.COMPILE_ERROR:
            print(result.compile_message.rstrip(), file=sys.stderr)
        for row in rows:
            memory = f"{row['memory'] / 2**20:7.1f} MiB" if row["memory"] is not None else ""
            line = f"{row['group']:>6} {row['index']:>3}  {row['verdict']:<14} {row['time']:6.2f} s {memory}"
            print(line + (f"  {row['message']}" if row["message"] and row["verdict"] != "ACCEPTED" else ""))
        for group in groups:
            score = f" ({group['score']:g} points)" if group["score"] is not None else ""
            print(f"group {group['name']}: {group['verdict']}{score}")
        passed = sum(1 for row in rows if row["verdict"] == "ACCEPTED")
        print(f"{result.verdict.value}: {passed}/{len(tests)} tests passed ({problem.name}, {spec.name}, "
              f"time limit {limits.time:g} s)")
    return 0 if result.verdict is Verdict.ACCEPTED else 1
