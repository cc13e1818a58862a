"""The `solver` command line: one subcommand per part of the system, each registered by its own module."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from sandbox.errors import SandboxError
from solver.commands import CommandError
from solver.commands import evaluate as evaluate_commands
from solver.commands import judge as judge_commands
from solver.commands import model as model_commands
from solver.commands import problems as problems_commands
from solver.commands import rating as rating_commands
from solver.commands import serve as serve_commands
from solver.commands import solve as solve_commands
from solver.commands import train as train_commands

COMMAND_MODULES = (problems_commands, judge_commands, model_commands, train_commands, solve_commands, evaluate_commands,
                   rating_commands, serve_commands)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="solver",
        description="An open AlphaCode: sample, filter, cluster and submit programs for contest problems.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def quiet_libraries() -> None:
    """transformers' own progress bars and notices would interleave with ours."""
    import os

    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # nothing is ever downloaded


def main(argv: Sequence[str] | None = None) -> int:
    quiet_libraries()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except CommandError as error:
        print(f"solver: error: {error}", file=sys.stderr)
        return 2
    except SandboxError as error:
        print(f"solver: sandbox error: {error}", file=sys.stderr)
        return 3
    except KeyboardInterrupt:
        print("solver: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
