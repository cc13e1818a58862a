"""`solver solve`: one JSON object with --json, a listing otherwise, JSON Lines with --records, and bad input as one
line on stderr with exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from problems import BUNDLED_DIR, load
from solver.cli import main

NAME = "Tallest Candles"
PROBLEM = next(p for p in load(BUNDLED_DIR) if p.name == NAME)


def solve(capsys, *args: str) -> tuple[int, str, str]:
    code = main(["solve", str(BUNDLED_DIR), "--name", NAME, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_output(capsys, tmp_path):
    records = tmp_path / "out" / "records.jsonl"
    code, out, err = solve(capsys, "--backend", "replay", "--json", "--seed", "3", "--records", str(records))
    assert code == 0 and err == ""
    assert len(out.strip().splitlines()) == 1
    result = json.loads(out)
    human = {s.code for s in PROBLEM.solutions + PROBLEM.incorrect_solutions}
    assert result["problem"] == NAME
    assert result["stats"]["sampled"] == len(human) == result["stats"]["unique"]
    assert {"sampled", "unique", "compiled", "passed_examples", "clusters", "generated_inputs"} <= set(result["stats"])
    submissions = result["submissions"]
    assert len(submissions) == result["stats"]["passed_examples"] >= 1
    for submission in submissions:
        assert submission["code"] in human and submission["language"] in ("python3", "cpp")
        assert submission["cluster_size"] >= 1
    assert submissions[0]["cluster_size"] == max(s["cluster_size"] for s in submissions)
    assert len(result["hidden_verdicts"]) == len(submissions) and result["hidden_verdicts"][0] == "ACCEPTED"
    assert result["solved"] is True

    rows = [json.loads(line) for line in records.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == result["stats"]["sampled"]
    assert sorted(row["candidate"]["index"] for row in rows) == list(range(len(rows)))
    assert {row["candidate"]["code"] for row in rows} == human
    judged = [row for row in rows if row["hidden_verdict"] is not None]
    assert len(judged) == len(submissions)  # hidden tests judge the submissions only
    assert all(row["cluster"] is not None for row in rows if row["passed_examples"])


def test_listing_and_progress():
    done = subprocess.run([sys.executable, "-m", "solver", "solve", str(BUNDLED_DIR), "--name", NAME, "--backend",
                           "replay", "--languages", "cpp", "--submissions", "1"], capture_output=True, text=True)
    out, err = done.stdout, done.stderr
    assert done.returncode == 0, err
    assert "── submission 1: cpp" in out and "── submission 2" not in out
    assert "solved: yes" in out or "solved: no" in out
    assert "sampling" in err and "done" in err  # the progress lines, on stderr


def test_replay_from_a_json_lines_file_removes_duplicates(capsys, tmp_path):
    right = next(s.code for s in PROBLEM.solutions if s.language.name == "PYTHON3")
    rows = [{"code": right, "language": "python3"},
            {"code": "# the same program, commented\n" + right + "\n\n", "language": "python3"},
            {"code": "print(0)\n", "language": "python3"}]
    path = tmp_path / "candidates.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    code, out, _ = solve(capsys, "--backend", "replay", "--model", str(path), "--json")
    result = json.loads(out)
    assert code == 0
    assert result["stats"]["sampled"] == 3 and result["stats"]["unique"] == 2
    assert result["stats"]["passed_examples"] == 1 and result["hidden_verdicts"] == ["ACCEPTED"]


@pytest.mark.parametrize("args, message", [
    (["--samples", "0"], "--samples must be at least 1"),
    (["--seconds", "-1"], "--seconds must be positive"),
    (["--submissions", "0"], "--submissions must be at least 1"),
    (["--backend", "openai", "--model", "m", "--base-url", "localhost:8000"], "must start with http"),
    (["--backend", "hf"], "needs --model"),
    (["--backend", "replay", "--model", "/no/such/file.jsonl"], "no such file"),
    (["--backend", "replay", "--template", "/no/such/template.txt"], "--template applies to the hf, openai and vllm"),
    (["--backend", "replay", "--temperature", "0.5"], "temperature: the replay backend does not take this option"),
    (["--backend", "replay", "--option", "header_variants=2"], "header_variants: the replay backend does not take"),
    (["--backend", "native", "--top-p", "1.5"], "top_p: must be in (0, 1]"),
    (["--option", "shuffle"], "--option: expected NAME=VALUE"),
    (["--backend", "openai", "--model", "m", "--base-url", "http://127.0.0.1:1/v1", "--template", "/no/such"],
     "--template"),
])
def test_bad_arguments_exit_2_with_one_line(capsys, monkeypatch, args, message):
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    code, out, err = solve(capsys, *args)
    assert code == 2 and out == ""
    assert err.startswith("solver: error: ") and message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_bad_problem_arguments(capsys, tmp_path):
    assert main(["solve", str(BUNDLED_DIR), "--name", "No Such Problem", "--backend", "replay"]) == 2
    assert "no problem named 'No Such Problem'" in capsys.readouterr().err
    assert main(["solve", str(BUNDLED_DIR), "--backend", "replay"]) == 2
    assert "choose one with --name" in capsys.readouterr().err
    assert main(["solve", str(tmp_path / "missing"), "--backend", "replay"]) == 2
    assert capsys.readouterr().err.startswith("solver: error: ")


def test_argparse_rejects_unknown_choices(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["solve", str(BUNDLED_DIR), "--backend", "nope"])
    assert exit_info.value.code == 2 and "invalid choice: 'nope'" in capsys.readouterr().err
