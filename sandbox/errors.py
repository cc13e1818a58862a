"""Exceptions for our own failures. A program's failure is a verdict; these describe the infrastructure."""


class SandboxError(Exception):
    """The sandbox itself cannot work (nsjail missing, a namespace refused, a mount failed).

    The message says what went wrong and how to fix it. It is never turned into a verdict, and nothing is ever
    run unconfined instead.
    """


class CheckerFailure(SandboxError):
    """A problem's custom checker crashed or answered outside its protocol: the problem is broken, not the program."""
