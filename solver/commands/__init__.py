"""The `solver` subcommands: each module parses its arguments and calls the library, nothing more."""


class CommandError(Exception):
    """Bad input from the user: printed as one line on stderr, exit code 2."""
