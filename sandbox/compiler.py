"""Compilation inside the jail, cached by a hash of the sources, the language and the compiler's identity.

Compilers run confined with limits of their own: a template bomb or a `#include </dev/random>` is a compile
error, not an outage. C++ programs that include <bits/stdc++.h> use a precompiled header built once per cache
(itself in the jail), which removes most of their compile time.

A program may come with further files (a validator's headers and other sources): they are written beside the main
source, so `#include "validate.h"` finds its header, and every one of them in the language's own extensions is
compiled with it (all `.cpp`/`.cc`/`.cxx` files into one binary; all `.java` files; Python modules just sit
beside the main one, importable).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from sandbox.errors import SandboxError
from sandbox.jail import Jail, Mount
from sandbox.languages import CPP_FLAGS, LanguageSpec
from sandbox.limits import COMPILE_LIMITS, Limits
from sandbox.results import Outcome

COMPILE_MESSAGE_LIMIT = 8 * 1024
# Part of every cache key: bump it when the way programs are built changes, and old artefacts are ignored.
CACHE_VERSION = "1"
PCH_HEADER = "bits/stdc++.h"


# What the build directory records about the build, beside the program's files.
RESULT_FILE = "result.json"


@dataclass(frozen=True)
class Program:
    """Source code in a language of the table ('python3', 'cpp', 'java'), with further files it is built with:
    `(name, text)` pairs, plain file names (headers, other sources)."""

    language: str
    source: str
    files: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.source, str):
            raise ValueError(f"Program.source: must be a string, got {type(self.source).__name__}")
        object.__setattr__(self, "files", tuple(tuple(entry) for entry in self.files))
        for entry in self.files:
            if len(entry) != 2 or not all(isinstance(part, str) for part in entry) or not entry[0] \
                    or "/" in entry[0] or entry[0].startswith("."):
                raise ValueError(f"Program.files: must be (file name, text) pairs with plain file names, got {entry!r}")


@dataclass(frozen=True)
class Executable:
    """A program ready to run: its files in `directory`, shown read-only as /box in the jail."""

    spec: LanguageSpec
    directory: Path
    main: str
    digest: str

    def argv(self, limits: Limits) -> list[str]:
        return self.spec.format(self.spec.run, box="/box", main=self.main, heap=str(limits.memory >> 20))


@dataclass(frozen=True)
class CompileError:
    """The compiler rejected the program (or ran out of its limits); `message` is what it said."""

    message: str
    digest: str


class Compiler:
    def __init__(self, jail: Jail, cache_dir: Path, use_pch: bool = True) -> None:
        self.jail = jail
        self.cache_dir = cache_dir
        self.artifacts = cache_dir / "artifacts"
        self.artifacts.mkdir(parents=True, exist_ok=True)
        self.use_pch = use_pch
        self._pch_lock = threading.Lock()
        self._pch_dir: Path | None = None
        self._pch_failed = False
        self._identity: dict[str, str] = {}
        # How many times a compiler actually ran (cache misses), for tests and reports.
        self.builds = 0
        self._builds_lock = threading.Lock()

    def compile(self, program: Program, spec: LanguageSpec) -> Executable | CompileError:
        main = spec.main_name(program.source)
        pch = "pch" if self._wants_pch(spec, program) else ""
        parts = [CACHE_VERSION, spec.name, self._compiler_identity(spec), pch, program.source]
        for name, text in program.files:  # absent for one-file programs, whose keys stay as they were
            parts += [name, text]
        digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()
        source_name = spec.source_file(program.source)
        names = [source_name, main, RESULT_FILE]
        for name, _ in program.files:
            if name in names:  # a file of the program's would overwrite another
                return CompileError(f"the file {name} clashes with the program's source, binary or another file",
                                    digest)
            names.append(name)
        final = self.artifacts / digest[:2] / digest
        cached = self._load(final, spec, main, digest)
        if cached is not None:
            return cached

        final.parent.mkdir(parents=True, exist_ok=True)
        build = Path(tempfile.mkdtemp(prefix="build-", dir=self.artifacts))
        try:
            os.chmod(build, 0o777)  # the jail's unprivileged user writes the build output here
            (build / source_name).write_text(program.source, encoding="utf-8")
            for name, text in program.files:
                (build / name).write_text(text, encoding="utf-8")
            outcome = {"ok": True}
            if spec.compiled:
                with self._builds_lock:
                    self.builds += 1
                sources = [source_name] + [name for name, _ in program.files if name.endswith(spec.extensions)]
                message = self._run_compiler(spec, program, build, sources, main)
                if message is not None:
                    outcome = {"ok": False, "message": message}
            (build / RESULT_FILE).write_text(json.dumps(outcome))
            for path in build.iterdir():
                os.chmod(path, 0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
            os.chmod(build, 0o755)
            try:
                build.rename(final)
            except OSError:  # another thread or process compiled the same program first: use theirs
                shutil.rmtree(build, ignore_errors=True)
        except BaseException:
            shutil.rmtree(build, ignore_errors=True)
            raise
        result = self._load(final, spec, main, digest)
        if result is None:
            raise SandboxError(f"compiled artefact missing from the cache at {final}")
        return result

    def _load(self, directory: Path, spec: LanguageSpec, main: str, digest: str) -> Executable | CompileError | None:
        try:
            outcome = json.loads((directory / RESULT_FILE).read_text())
        except (OSError, ValueError):
            return None
        if not outcome.get("ok"):
            return CompileError(outcome.get("message", ""), digest)
        return Executable(spec, directory, main, digest)

    def _run_compiler(self, spec: LanguageSpec, program: Program, build: Path, sources: list[str], main: str) \
            -> str | None:
        argv: list[str] = []
        mounts = [Mount(build, "/build", writable=True), *(Mount(Path(p), p) for p in spec.mounts)]
        for part in spec.compile:
            if part == "{pch_flags}":
                pch = self._pch() if self._wants_pch(spec, program) else None
                if pch is not None:
                    argv += ["-I", "/pch"]
                    mounts.append(Mount(pch, "/pch"))
                continue
            if part == "{src}":
                argv += [f"/build/{name}" for name in sources]
                continue
            argv.append(part.format(out="/build", main=main))
        result = self.jail.run(argv, limits=COMPILE_LIMITS, mounts=tuple(mounts), env=spec.env)
        if result.ok:
            return None
        text = (result.stderr or result.stdout).decode("utf-8", errors="replace")
        if result.outcome is not Outcome.RUNTIME_ERROR:
            text = f"compiler stopped: {result.outcome.value}\n{text}"
        return text[-COMPILE_MESSAGE_LIMIT:] or f"compiler failed (exit {result.exit_code}, signal {result.signal})"

    def _wants_pch(self, spec: LanguageSpec, program: Program) -> bool:
        return self.use_pch and spec.name == "cpp" and any(
            PCH_HEADER in text for text in (program.source, *(text for _, text in program.files)))

    def _compiler_identity(self, spec: LanguageSpec) -> str:
        """The compiler's version (part of the cache key: a new compiler must not reuse old binaries)."""
        if not spec.compiled:
            return ""
        if spec.name not in self._identity:
            try:
                done = subprocess.run([spec.compile[0], "--version"], capture_output=True, text=True, timeout=30)
                self._identity[spec.name] = (done.stdout or done.stderr).strip().splitlines()[0]
            except (OSError, IndexError, subprocess.TimeoutExpired) as error:
                raise SandboxError(f"{spec.name} compiler {spec.compile[0]} does not run: {error}") from None
        return self._identity[spec.name]

    def _pch(self) -> Path | None:
        """The directory holding bits/stdc++.h.gch for our flags, built once (in the jail) on first use."""
        with self._pch_lock:
            if self._pch_dir is not None or self._pch_failed:
                return self._pch_dir
            identity = hashlib.sha256(
                "\0".join((self._identity.get("cpp", ""), *CPP_FLAGS)).encode()
            ).hexdigest()[:16]
            directory = self.cache_dir / "pch" / identity
            gch = directory / "bits" / "stdc++.h.gch"
            directory.mkdir(parents=True, exist_ok=True)
            with open(self.cache_dir / "pch" / f"{identity}.lock", "w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)  # several processes may share one cache
                if not gch.exists():
                    self._build_pch(directory)
            if gch.exists():
                self._pch_dir = directory
            else:
                self._pch_failed = True  # compile without it: slower, same result
            return self._pch_dir

    def _build_pch(self, directory: Path) -> None:
        header = _system_header(PCH_HEADER)
        if header is None:
            return
        build = Path(tempfile.mkdtemp(prefix="pch-", dir=self.cache_dir))
        try:
            os.chmod(build, 0o777)
            argv = ["/usr/bin/g++", *CPP_FLAGS, "-x", "c++-header", str(header), "-o", "/build/stdc++.h.gch"]
            result = self.jail.run(argv, limits=COMPILE_LIMITS, mounts=(Mount(build, "/build", writable=True),))
            if result.ok and (build / "stdc++.h.gch").exists():
                (directory / "bits").mkdir(exist_ok=True)
                os.chmod(build / "stdc++.h.gch", 0o644)
                os.chmod(directory, 0o755)
                os.chmod(directory / "bits", 0o755)
                (build / "stdc++.h.gch").rename(directory / "bits" / "stdc++.h.gch")
        finally:
            shutil.rmtree(build, ignore_errors=True)


def _system_header(name: str) -> Path | None:
    """Where g++ finds a system header (under /usr, so the jail sees it at the same path)."""
    try:
        done = subprocess.run(
            ["/usr/bin/g++", "-std=c++17", "-x", "c++", "-E", "-H", "-o", os.devnull, "-"],
            input=f"#include <{name}>\n", capture_output=True, text=True, timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    for line in done.stderr.splitlines():
        if line.startswith(". ") and line.endswith(name):
            return Path(line[2:].strip())
    return None
