"""Exceptions for our own failures. A program's failure is a verdict; these describe the infrastructure."""


class SandboxError(Exception):
    """The sandbox itself cannot work (nsjail missing, a namespace refused, a mount failed).

    The message says what went wrong and how to fix it. It is never turned into a verdict, and nothing is ever
    run unconfined instead.
    """


class ProblemError(SandboxError):
    """The problem cannot be judged as it stands (its package is broken), whatever program is judged on it."""


class CheckerFailure(ProblemError):
    """A problem's custom checker or interactor crashed, ran out of its limits or answered outside its protocol
    (Kattis: an exit code other than 42 or 43): the problem is broken, not the program."""
