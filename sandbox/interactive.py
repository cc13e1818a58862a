"""Interactive problems, judged as problemtools' `validate_interactive` does (the Kattis interactive protocol).

The program and the interactor run at once, each in a jail of its own (Jail.run_pair), joined by two pipes: the
interactor's stdout is the program's stdin and the program's stdout the interactor's stdin. The interactor is
called `interactor input answer feedback_dir/ [flags...]`, the test's files shown read-only in its jail, and its
exit code decides: 42 accepted, 43 wrong answer. It runs with SIGPIPE ignored, as under problemtools' runner, so
that a program quitting early shows it an error on write rather than killing it.

Which verdict, in order (`interactive_verdict`):
1. The interactor failed (another exit code, a crash, a limit): a judge error, CheckerFailure, whatever the
   program did.
2. The interactor ended first, rejecting: WRONG_ANSWER, even if the program then misbehaved (it was cut off).
3. The program did not end normally: TIME_LIMIT, MEMORY_LIMIT, RUNTIME_ERROR or OUTPUT_LIMIT, from its own
   run (its CPU time, wall time and memory are measured as for any run). A program that goes silent, waiting
   for input that never comes, is stopped by its wall-clock limit; the interactor's own lasts longer
   (limits.interactor_limits), so the program is the one stopped.
4. Otherwise the interactor's answer: ACCEPTED (42) or WRONG_ANSWER (43).
The message is the interactor's feedback (judgemessage.txt, teammessage.txt), or its stderr.
"""

from __future__ import annotations

from dataclasses import dataclass

from problems import CheckerProtocol
from sandbox.results import Outcome, RunResult, Verdict, failure_message
from sandbox.validators import checker_verdict

# Run the interactor with SIGPIPE ignored (an ignored signal stays ignored across exec).
IGNORE_SIGPIPE = ("/usr/bin/sh", "-c", 'trap "" PIPE; exec "$@"', "sh")


@dataclass(frozen=True)
class InteractiveRun:
    """One interactive run: the program's run (its stdout went to the interactor, so it is empty here), the
    interactor's, whether the interactor ended first, and its feedback."""

    program: RunResult
    interactor: RunResult
    interactor_first: bool
    feedback: str = ""


def interactive_verdict(run: InteractiveRun) -> tuple[Verdict, str]:
    """The verdict of an interactive run and its message (see the module doc); CheckerFailure on a judge error."""
    accepted, message = checker_verdict(CheckerProtocol.KATTIS, run.interactor, run.feedback, role="interactor")
    if not accepted and run.interactor_first:
        return Verdict.WRONG_ANSWER, message
    if run.program.outcome is not Outcome.OK:
        return Verdict.of_outcome(run.program.outcome), failure_message(run.program)
    return (Verdict.ACCEPTED if accepted else Verdict.WRONG_ANSWER), message
