"""Checker programs: how an output validator (or interactor) is called, what its exit means, what it said.

Two protocols, as `problems.CheckerProtocol` names them:
- testlib (Codeforces, Polygon): `checker input output answer`; exit 0 accepts, 1 or 2 rejects.
- Kattis (problemtools' `OutputValidators.validate`): `validator input answer feedback_dir/ [flags...] < output`;
  exit 42 accepts, 43 rejects. The flags are the checker's `flags` (the package's validator_flags, then a
  group's output_validator_flags). The validator may explain itself in judgemessage.txt and teammessage.txt in
  its feedback directory; their first FEEDBACK_KEPT bytes become the verdict's message.

Anything else (another exit code, a crash, a limit reached) is the problem's fault, as problemtools' "judge error"
is: CheckerFailure, an exception, never a verdict about the program.

Checkers run in the jail like any program: the test's files are shown read-only under /judge, and a fresh
feedback directory, writable by the jail's user alone, at /feedback.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from problems import Checker, CheckerProtocol
from sandbox.errors import CheckerFailure
from sandbox.jail import Mount
from sandbox.results import Outcome, RunResult

KATTIS_ACCEPT, KATTIS_REJECT = 42, 43
TESTLIB_ACCEPT, TESTLIB_REJECT = 0, (1, 2)
FEEDBACK_FILES = ("judgemessage.txt", "teammessage.txt")
# Bytes of each feedback file kept in a message: enough to explain a verdict, bounded against a validator that
# writes megabytes.
FEEDBACK_KEPT = 4 * 1024
# Bytes of a checker's own stderr (or stdout) kept when it leaves no feedback, or in a judge error's message.
OUTPUT_KEPT = 300
JUDGE_DIR = "/judge"
FEEDBACK_DIR = "/feedback"


def flags_of(checker: Checker) -> tuple[str, ...]:
    """A Kattis checker's flags (read through getattr: older models have none)."""
    return tuple(getattr(checker, "flags", ()) or ())


@dataclass(frozen=True)
class JudgeFiles:
    """A test's files for a checker: `folder` (input, answer, and the output when the protocol wants it as a file)
    shown read-only at /judge, and `feedback` shown writable at /feedback."""

    folder: Path
    feedback: Path

    @property
    def mounts(self) -> tuple[Mount, ...]:
        return Mount(self.folder, JUDGE_DIR), Mount(self.feedback, FEEDBACK_DIR, writable=True)


@contextmanager
def judge_files(scratch: Path, owner: tuple[int, int], files: dict[str, bytes]) -> Iterator[JudgeFiles]:
    """Write `files` (name -> content) for one check; `owner` is the (uid, gid) the jail's user has outside,
    the only one (beside us) who may write the feedback directory. Everything is gone afterwards."""
    top = Path(tempfile.mkdtemp(dir=scratch, prefix="check-"))
    try:
        os.chmod(top, 0o755)
        folder, feedback = top / "files", top / "feedback"
        folder.mkdir(mode=0o755)
        feedback.mkdir(mode=0o700)
        if (os.getuid(), os.getgid()) != owner:
            os.chown(feedback, *owner)
        for name, data in files.items():
            (folder / name).write_bytes(data)
            os.chmod(folder / name, 0o644)
        yield JudgeFiles(folder, feedback)
    finally:
        shutil.rmtree(top, ignore_errors=True)  # never follows the links a checker may have left


def read_feedback(feedback: Path) -> str:
    """judgemessage.txt and teammessage.txt, the first FEEDBACK_KEPT bytes of each, as one message.

    The directory was writable by untrusted code: a name there may be a link to a host file or a FIFO, so only
    regular files are read, never through a link, never blocking.
    """
    parts = []
    for name in FEEDBACK_FILES:
        try:
            descriptor = os.open(feedback / name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue
        try:
            if stat.S_ISREG(os.fstat(descriptor).st_mode):
                text = os.read(descriptor, FEEDBACK_KEPT).decode("utf-8", errors="replace").strip()
                if text:
                    parts.append(text if name == "judgemessage.txt" else f"team message: {text}")
        finally:
            os.close(descriptor)
    return "\n".join(parts)


def checker_input(checker: Checker, test_input: bytes, output: bytes, answer: bytes) \
        -> tuple[dict[str, bytes], list[str], str | None]:
    """The files a checker is given, its arguments after its own argv, and which of the files is its stdin."""
    if checker.protocol is CheckerProtocol.TESTLIB:
        files = {"input": test_input, "output": output, "answer": answer}
        return files, [f"{JUDGE_DIR}/input", f"{JUDGE_DIR}/output", f"{JUDGE_DIR}/answer"], None
    files = {"input": test_input, "answer": answer, "output": output}
    return files, [f"{JUDGE_DIR}/input", f"{JUDGE_DIR}/answer", f"{FEEDBACK_DIR}/", *flags_of(checker)], "output"


def interactor_arguments(flags: tuple[str, ...] = ()) -> list[str]:
    """An interactor's arguments (the Kattis interactive protocol): input, answer, feedback directory, flags."""
    return [f"{JUDGE_DIR}/input", f"{JUDGE_DIR}/answer", f"{FEEDBACK_DIR}/", *flags]


def checker_verdict(protocol: CheckerProtocol, result: RunResult, feedback: str, role: str = "checker") \
        -> tuple[bool, str]:
    """Whether the checker accepted, and its message; CheckerFailure when it answered outside its protocol."""
    own = (result.stderr or result.stdout).decode("utf-8", errors="replace").strip()[-OUTPUT_KEPT:]
    message = feedback or own
    accept, reject = (TESTLIB_ACCEPT, TESTLIB_REJECT) if protocol is CheckerProtocol.TESTLIB \
        else (KATTIS_ACCEPT, (KATTIS_REJECT,))
    finished = result.outcome in (Outcome.OK, Outcome.RUNTIME_ERROR)  # not stopped by a limit
    if finished and result.exit_code == accept:
        return True, message
    if finished and result.exit_code in reject:
        return False, message or f"rejected by the {role}"
    raise CheckerFailure(
        f"the problem's {role} failed ({result.outcome.value}, exit {result.exit_code}, "
        f"signal {result.signal}): {message}"
    )
