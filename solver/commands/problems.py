"""`solver problems validate | list | show | convert`: check, summarise, print and convert problem files."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from problems import ProblemFormatError, load, scan, write_jsonl, write_parquet, write_problem_dir
from problems.model import Language, Problem
from solver.commands import CommandError


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("problems", help="validate, list, show and convert problems in any supported format")
    commands = parser.add_subparsers(dest="problems_command", metavar="ACTION", required=True)

    validate = commands.add_parser(
        "validate",
        help="check problem files; one line per error, exit 2 when any",
        description="Check CodeContests parquet / JSON Lines, Kattis packages and problem directories. Prints one "
        "line per error (file, field, fault) and exits 2 when there is any, else 0.",
    )
    validate.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    validate.set_defaults(handler=run_validate)

    listing = commands.add_parser("list", help="one line per problem and a summary")
    listing.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    listing.set_defaults(handler=run_list)

    show = commands.add_parser("show", help="print a problem: metadata, statement, tests and solutions")
    show.add_argument("path", type=Path, metavar="PATH")
    show.add_argument("--name", help="the problem to show when PATH holds several (default: all)")
    show.add_argument("--code", action="store_true", help="also print the solutions' code")
    show.set_defaults(handler=run_show)

    verify = commands.add_parser(
        "verify",
        help="judge every jury submission of problem packages; exit 1 unless each gets its folder's verdict",
        description="As problemtools' verifyproblem: run every submission filed under submissions/<verdict>/ "
        "(Python, C++, Java) on all test data, in the sandbox, and check that each gets the verdict its folder "
        "names. The time limit is the package's, or derived from its slowest accepted submission; a submission "
        "judged right only with the high limit's extra time counts as agreeing, and says so. Prints one line "
        "per submission and a summary; exits 0 when all agree, 1 otherwise, 2 when a package cannot be read.",
    )
    verify.add_argument("paths", nargs="+", type=Path, metavar="PKG")
    verify.set_defaults(handler=run_verify)

    convert = commands.add_parser(
        "convert",
        help="write problems in another format",
        description="Convert problems: DST ending in .parquet or .jsonl (.jsonl.gz) is written in the CodeContests "
        "hub schema; any other DST is a directory that receives one problem directory per problem.",
    )
    convert.add_argument("source", type=Path, metavar="SRC")
    convert.add_argument("destination", type=Path, metavar="DST")
    convert.set_defaults(handler=run_convert)


def run_verify(args: argparse.Namespace) -> int:
    from sandbox import ProblemError, Sandbox
    from sandbox.verify import verify

    problems = []
    for path in args.paths:
        for item in scan(path):
            if isinstance(item, ProblemFormatError):
                raise CommandError(str(item))
            problems.append((path, item))
    agree = disagree = 0
    with Sandbox() as sandbox:
        for path, problem in problems:
            try:
                report, checks = verify(sandbox, problem)
                source = (f"from the slowest accepted submission, {report.slowest_solution}: {report.slowest:.2f} s"
                          if report.slowest_solution else "as stated")
                print(f"{problem.name} ({path}): time limit {report.time_limit:g} s {source}; high limit "
                      f"{report.high_limit:g} s")
                for check in checks:
                    agree += check.agrees
                    disagree += not check.agrees
                    detail = f"  {check.message}" if check.message and not check.agrees else ""
                    print(f"  {check.name:<48} {check.expected:<22} got {check.verdict.value:<14} "
                          f"{check.time:6.2f} s  {check.outcome}{detail}", flush=True)
            except ProblemError as error:  # its checker fails, no accepted submission passes: the package is wrong
                disagree += 1
                print(f"{problem.name} ({path}): {error}")
    print(f"{agree + disagree} submissions in {len(problems)} package{'s' if len(problems) != 1 else ''}: "
          f"{agree} agree with their folders, {disagree} do not")
    return 0 if disagree == 0 else 1


def run_validate(args: argparse.Namespace) -> int:
    valid = errors = 0
    for path in args.paths:
        for item in scan(path):
            if isinstance(item, ProblemFormatError):
                print(item)
                errors += 1
            else:
                valid += 1
    if errors:
        return 2
    print(f"ok: {valid} problem{'s' if valid != 1 else ''} valid", file=sys.stderr)
    return 0


def _language_summary(problem: Problem) -> str:
    counts = Counter(s.language for s in problem.solutions)
    names = {Language.PYTHON3: "py3", Language.PYTHON: "py2", Language.CPP: "cpp", Language.JAVA: "java"}
    return ",".join(f"{names.get(lang, 'other')}" for lang in sorted(counts)) or "-"


def run_list(args: argparse.Namespace) -> int:
    print(f"{'name':<34} {'rating':>6} {'examples':>8} {'hidden':>6} {'correct':>12} {'wrong':>5} {'checker':>8}  tags")
    problems = errors = tests = 0
    ratings: list[int] = []
    checkers: Counter[str] = Counter()
    for path in args.paths:
        for item in scan(path):
            if isinstance(item, ProblemFormatError):
                print(item, file=sys.stderr)
                errors += 1
                continue
            problems += 1
            tests += len(item.public_tests) + len(item.hidden_tests)
            if item.cf_rating:
                ratings.append(item.cf_rating)
            kind = item.checker.kind.value + ("+interactive" if item.interactive else "")
            checkers[kind] += 1
            print(
                f"{item.name[:34]:<34} {item.cf_rating or '-':>6} {len(item.public_tests):>8} "
                f"{len(item.hidden_tests):>6} {_language_summary(item):>12} {len(item.incorrect_solutions):>5} "
                f"{kind:>8}  {', '.join(item.cf_tags)}"
            )
    span = f", ratings {min(ratings)} to {max(ratings)}" if ratings else ""
    kinds = ", ".join(f"{n} {k}" for k, n in checkers.most_common())
    print(f"{problems} problems{span}, {tests} tests; checkers: {kinds or 'none'}; {errors} errors")
    return 2 if errors else 0


def _block(title: str, text: str, limit: int = 2000) -> str:
    if len(text) > limit:
        text = text[:limit] + f"\n… ({len(text) - limit} more characters)"
    return f"--- {title}\n{text.rstrip()}\n"


def format_problem(problem: Problem, with_code: bool = False) -> str:
    limits = f"{problem.time_limit:g} s" if problem.time_limit else "unknown"
    memory = f"{problem.memory_limit_bytes >> 20} MiB" if problem.memory_limit_bytes else "unknown"
    checker = problem.checker
    rule = checker.kind.value
    if checker.kind.value == "tokens":
        case = "sensitive" if checker.case_sensitive else "insensitive"
        rule += f" (case {case}, float abs {checker.float_abs_tol}, rel {checker.float_rel_tol})"
    lines = [
        f"=== {problem.name}",
        f"source {problem.source.name}, difficulty {problem.difficulty_name}, rating {problem.cf_rating or '-'}, "
        f"tags: {', '.join(problem.cf_tags) or '-'}",
        f"time limit {limits}, memory limit {memory}, checker {rule}"
        + (", interactive" if problem.interactive else ""),
        f"tests: {len(problem.public_tests)} public, {len(problem.private_tests)} private, "
        f"{len(problem.generated_tests)} generated; solutions: {len(problem.solutions)} correct, "
        f"{len(problem.incorrect_solutions)} incorrect",
        "",
        problem.description.rstrip(),
        "",
    ]
    text = "\n".join(lines)
    if with_code:
        for label, solutions in (("correct", problem.solutions), ("incorrect", problem.incorrect_solutions)):
            for i, solution in enumerate(solutions, 1):
                text += _block(f"{label} solution {i} ({solution.language.name})", solution.code)
    return text


def run_show(args: argparse.Namespace) -> int:
    shown = 0
    try:
        for problem in load(args.path):
            if args.name is None or problem.name == args.name:
                print(format_problem(problem, args.code))
                shown += 1
    except ProblemFormatError as error:
        raise CommandError(str(error)) from None
    if not shown:
        raise CommandError(f"no problem named {args.name!r} in {args.path}")
    return 0


def run_convert(args: argparse.Namespace) -> int:
    destination: Path = args.destination
    name = destination.name
    try:
        problems = load(args.source)
        if name.endswith((".parquet", ".jsonl", ".jsonl.gz")):
            # Written beside the destination and renamed at the end: a failed conversion leaves no half file.
            partial = destination.with_name(f".partial-{name}")
            writer = write_parquet if name.endswith(".parquet") else write_jsonl
            try:
                count = writer(problems, partial)
            except BaseException:
                partial.unlink(missing_ok=True)
                raise
            partial.replace(destination)
        else:
            if destination.exists() and any(destination.iterdir()):
                raise CommandError(f"{destination} exists and is not empty")
            count = 0
            for problem in problems:
                count += 1
                write_problem_dir(problem, destination / f"{count:04d}-{slug(problem.name)}")
    except ProblemFormatError as error:
        raise CommandError(str(error)) from None
    except OSError as error:
        raise CommandError(f"{error.filename or destination}: {error.strerror or error}") from None
    print(f"wrote {count} problems to {destination}", file=sys.stderr)
    return 0


def slug(name: str) -> str:
    """A file-system-safe short form of a problem name."""
    kept = "".join(c.lower() if c.isalnum() else "-" for c in name)
    return "-".join(part for part in kept.split("-") if part)[:60] or "problem"
