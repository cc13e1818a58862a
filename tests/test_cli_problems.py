"""`solver problems ...`: exit codes, one line per error, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pyarrow.parquet as pq

from problems import BUNDLED_DIR, HUB_SCHEMA, load
from solver.cli import main
from tests.test_native_format import make_dir


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "solver", *args], capture_output=True, text=True)


def test_validate_valid_dir(tmp_path, capsys):
    make_dir(tmp_path / "a")
    make_dir(tmp_path / "b")
    assert main(["problems", "validate", str(tmp_path)]) == 0
    assert "ok: 2 problems valid" in capsys.readouterr().err


def test_validate_corrupted_file_one_line_exit_2(tmp_path):
    root = make_dir(tmp_path / "a")
    (root / "problem.toml").write_text('name = "x"\ntime_limit = 1\nmemory_limit = 64\ntags = "dp"\n')
    done = run_cli("problems", "validate", str(tmp_path))
    assert done.returncode == 2
    lines = done.stdout.strip().splitlines()
    assert lines == [f"{root / 'problem.toml'}: tags: expected list, got 'dp'"]
    assert "Traceback" not in done.stderr


def test_validate_reports_every_bad_row(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text('{"name": "a", "description": "d"}\n{oops\n{"name": "b"}\n')
    done = run_cli("problems", "validate", str(path))
    assert done.returncode == 2
    assert done.stdout.splitlines() == [
        f"{path}:2: row: invalid JSON: Expecting property name enclosed in double quotes at column 2",
        f"{path}:3: description: missing",
    ]


def test_validate_missing_path(tmp_path):
    done = run_cli("problems", "validate", str(tmp_path / "nothing"))
    assert done.returncode == 2 and "no such file or directory" in done.stdout and "Traceback" not in done.stderr


def test_usage_errors_exit_2():
    done = run_cli("problems", "frobnicate")
    assert done.returncode == 2 and "invalid choice" in done.stderr


def test_show_and_list(tmp_path, capsys):
    make_dir(tmp_path / "a")
    assert main(["problems", "show", str(tmp_path / "a"), "--code"]) == 0
    out = capsys.readouterr().out
    assert "=== Tiny" in out and "time limit 1.5 s, memory limit 64 MiB" in out and "print(0)" in out
    assert main(["problems", "list", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Tiny" in out and "1 problems, ratings 900 to 900, 13 tests" in out


def test_show_unknown_name_is_an_error(tmp_path):
    make_dir(tmp_path / "a")
    done = run_cli("problems", "show", str(tmp_path), "--name", "Other")
    assert done.returncode == 2 and done.stderr.startswith("solver: error: no problem named 'Other'")


def test_convert_between_formats(tmp_path):
    make_dir(tmp_path / "src" / "a")
    make_dir(tmp_path / "src" / "b")
    assert main(["problems", "convert", str(tmp_path / "src"), str(tmp_path / "out.parquet")]) == 0
    assert pq.ParquetFile(tmp_path / "out.parquet").schema_arrow.equals(HUB_SCHEMA, check_metadata=False)
    assert main(["problems", "convert", str(tmp_path / "out.parquet"), str(tmp_path / "out.jsonl.gz")]) == 0
    assert main(["problems", "convert", str(tmp_path / "out.jsonl.gz"), str(tmp_path / "dirs")]) == 0
    back = list(load(tmp_path / "dirs"))
    assert [p.name for p in back] == ["Tiny", "Tiny"]
    assert back[0].private_tests == next(load(tmp_path / "src" / "a")).private_tests


def test_convert_failure_leaves_no_partial_file(tmp_path):
    make_dir(tmp_path / "src" / "a")
    broken = make_dir(tmp_path / "src" / "b")
    (broken / "statement.md").unlink()
    done = run_cli("problems", "convert", str(tmp_path / "src"), str(tmp_path / "out.jsonl"))
    assert done.returncode == 2 and "missing statement.md" in done.stderr
    assert list(tmp_path.glob("*.jsonl")) == [] and list(tmp_path.glob(".partial*")) == []


def test_bundled_problems_validate():
    done = run_cli("problems", "validate", str(BUNDLED_DIR.parent))
    assert done.returncode == 0, done.stdout
