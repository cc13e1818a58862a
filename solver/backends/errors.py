"""The one exception a backend raises for a configuration or a server it cannot work with."""


class BackendError(Exception):
    """A backend cannot work as configured (a missing checkpoint, a server that refuses): says how to fix it."""
