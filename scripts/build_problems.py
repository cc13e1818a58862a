"""Build the tests of bundled problems from their generators and reference solutions.

A maintainer's tool, not part of the library: it runs the project's own trusted programs (gen.py and the
solutions under solutions/) to produce and cross-check every expected output, as described in
problems/FORMAT.md. Usage:

    python3 scripts/build_problems.py problems/bundled/<slug> [...]
    python3 scripts/build_problems.py --all
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "problems" / "bundled"
CACHE = Path(tempfile.gettempdir()) / "build-problems-cache"


def test_label(test_in: Path) -> str:
    """sample/01.in or hidden/01.in: both groups number from 01."""
    return f"{test_in.parent.name}/{test_in.name}"


def natural_key(path: Path) -> list:
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", path.name)]


@dataclass
class Program:
    path: Path
    argv: list[str]

    @property
    def label(self) -> str:
        return f"{self.path.parent.name}/{self.path.name}"


def prepare(path: Path) -> Program:
    """Compile if needed; return how to run the program."""
    if path.suffix == ".py":
        return Program(path, [sys.executable, str(path)])
    if path.suffix == ".cpp":
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        binary = CACHE / f"{path.stem}-{digest}"
        if not binary.exists():
            CACHE.mkdir(parents=True, exist_ok=True)
            subprocess.run(["g++", "-std=c++17", "-O2", "-o", str(binary), str(path)], check=True)
        return Program(path, [str(binary)])
    if path.suffix == ".java":
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
        outdir = CACHE / f"java-{path.stem}-{digest}"
        if not outdir.exists():
            outdir.mkdir(parents=True)
            shutil.copy(path, outdir / "Main.java")
            subprocess.run(["javac", "Main.java"], cwd=outdir, check=True)
        return Program(path, ["java", "-Xss64m", "-cp", str(outdir), "Main"])
    raise SystemExit(f"{path}: unknown language (use .py, .cpp or .java)")


def run(program: Program, data: bytes, timeout: float) -> tuple[str, bytes, float]:
    """Return (status, stdout, seconds); status is ok, crash or timeout."""
    start = time.perf_counter()
    try:
        done = subprocess.run(program.argv, input=data, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return "timeout", b"", time.perf_counter() - start
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        return f"crash (exit {done.returncode}: {done.stderr.decode(errors='replace')[-300:]})", b"", elapsed
    return "ok", done.stdout, elapsed


def tokens_equal(a: bytes, b: bytes, tolerance: float, case_sensitive: bool) -> bool:
    left, right = a.split(), b.split()
    if len(left) != len(right):
        return False
    for x, y in zip(left, right):
        if x == y or (not case_sensitive and x.lower() == y.lower()):
            continue
        try:
            fx, fy = float(x), float(y)
        except ValueError:
            return False
        if abs(fx - fy) > tolerance * max(1.0, abs(fy)):
            return False
    return True


def build(problem_dir: Path) -> bool:
    meta = tomllib.loads((problem_dir / "problem.toml").read_text())
    time_limit = float(meta["time_limit"])
    custom = meta.get("checker", "tokens") == "custom"
    tolerance = float(meta.get("float_tolerance", 1e-5))
    case_sensitive = bool(meta.get("case_sensitive", False))
    print(f"== {problem_dir.name}: {meta['name']} (rating {meta.get('rating', 0)})")

    hidden = problem_dir / "tests" / "hidden"
    if (problem_dir / "gen.py").exists():
        with tempfile.TemporaryDirectory() as tmp:
            again = Path(tmp) / "again"
            again.mkdir()
            # Twice, under different hash seeds: set and dict orders must not leak into the tests.
            for seed, target in (("1", tmp), ("2", str(again))):
                env = {**os.environ, "PYTHONHASHSEED": seed}
                subprocess.run([sys.executable, "gen.py", target], cwd=problem_dir, check=True, env=env)
            generated = sorted(Path(tmp).glob("*.in"), key=natural_key)
            if [p.read_bytes() for p in generated] != [again.joinpath(p.name).read_bytes() for p in generated]:
                raise SystemExit(f"{problem_dir}/gen.py is not deterministic")
            if not generated:
                raise SystemExit(f"{problem_dir}/gen.py wrote no .in files")
            if hidden.exists():
                shutil.rmtree(hidden)
            hidden.mkdir(parents=True)
            for path in generated:
                shutil.copy(path, hidden / path.name)
    inputs = sorted((problem_dir / "tests" / "sample").glob("*.in"), key=natural_key)
    inputs += sorted(hidden.glob("*.in"), key=natural_key)

    correct = sorted((problem_dir / "solutions" / "correct").iterdir())
    incorrect = sorted((problem_dir / "solutions" / "incorrect").iterdir())
    references = [prepare(p) for p in correct]
    python_refs = [p for p in references if p.path.suffix == ".py"]
    if not python_refs or not any(p.path.suffix == ".cpp" for p in references):
        raise SystemExit(f"{problem_dir}: needs a correct .py and a correct .cpp solution")
    reference = python_refs[0]
    checker = problem_dir / "checker.py"

    ok = True
    slowest: dict[str, float] = {}
    for test_in in inputs:
        data = test_in.read_bytes()
        status, expected, elapsed = run(reference, data, timeout=time_limit * 5)
        if status != "ok":
            print(f"  FAIL {test_label(test_in)}: reference {reference.label} {status}")
            ok = False
            continue
        slowest[reference.label] = max(slowest.get(reference.label, 0.0), elapsed)
        test_in.with_suffix(".out").write_bytes(expected)
        for other in references:
            if other is reference and not custom:
                continue
            status, got, elapsed = (status, expected, elapsed) if other is reference else run(
                other, data, timeout=time_limit * 5
            )
            slowest[other.label] = max(slowest.get(other.label, 0.0), elapsed)
            if status != "ok":
                print(f"  FAIL {test_label(test_in)}: {other.label} {status}")
                ok = False
            elif custom:
                with tempfile.NamedTemporaryFile() as out_file:
                    out_file.write(got)
                    out_file.flush()
                    verdict = subprocess.run(
                        [sys.executable, str(checker), str(test_in), out_file.name, str(test_in.with_suffix(".out"))],
                        capture_output=True,
                    )
                if verdict.returncode != 0:
                    why = verdict.stderr.decode()[-200:]
                    print(f"  FAIL {test_label(test_in)}: checker rejects {other.label}: {why}")
                    ok = False
            elif got != expected:
                print(f"  FAIL {test_label(test_in)}: {other.label} differs from {reference.label}")
                ok = False
    for label, seconds in sorted(slowest.items()):
        flag = "" if seconds <= time_limit / 2 else "  <-- over half the time limit"
        print(f"  {label}: slowest test {seconds:.2f}s (limit {time_limit}s){flag}")
        if seconds > time_limit:
            ok = False

    for path in incorrect:
        program = prepare(path)
        failure = None
        for test_in in inputs:
            status, got, elapsed = run(program, test_in.read_bytes(), timeout=time_limit * 1.5)
            if status != "ok":
                failure = f"{status.split(' (')[0]} on {test_label(test_in)}"
            elif elapsed > time_limit:
                failure = f"too slow on {test_label(test_in)} ({elapsed:.2f}s)"
            elif custom:
                with tempfile.NamedTemporaryFile() as out_file:
                    out_file.write(got)
                    out_file.flush()
                    verdict = subprocess.run(
                        [sys.executable, str(checker), str(test_in), out_file.name, str(test_in.with_suffix(".out"))],
                        capture_output=True,
                    )
                if verdict.returncode != 0:
                    failure = f"wrong answer on {test_label(test_in)}"
            elif not tokens_equal(got, test_in.with_suffix(".out").read_bytes(), tolerance, case_sensitive):
                failure = f"wrong answer on {test_label(test_in)}"
            if failure:
                break
        if failure:
            print(f"  incorrect {program.label}: fails as intended ({failure})")
        else:
            print(f"  FAIL incorrect {program.label} passes every test")
            ok = False

    size = sum(p.stat().st_size for p in (problem_dir / "tests").rglob("*") if p.is_file())
    print(f"  {len(inputs)} tests, {size / 1e6:.2f} MB; {'OK' if ok else 'FAILED'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dirs", nargs="*", type=Path)
    parser.add_argument("--all", action="store_true", help="build every problem under problems/bundled")
    args = parser.parse_args()
    dirs = sorted(p for p in BUNDLED.iterdir() if (p / "problem.toml").exists()) if args.all else args.dirs
    if not dirs:
        parser.error("name problem directories or pass --all")
    failed = [d.name for d in dirs if not build(d.resolve())]
    if failed:
        print("failed: " + ", ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
