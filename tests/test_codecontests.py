"""CodeContests rows: the exact hub schema, parquet and JSON Lines round trips, the shared data, bad rows."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pyarrow.parquet as pq
import pytest

from problems import (
    HUB_SCHEMA,
    Language,
    Problem,
    ProblemFormatError,
    Solution,
    Source,
    Test,
    load,
    problem_to_row,
    row_to_problem,
    scan,
    write_jsonl,
    write_parquet,
)


def sample_problem(index: int = 0) -> Problem:
    return Problem(
        name=f"{1000 + index}_A. Unicode ✓ and\r\nline endings",
        description="Print the sum.\n\nInput\n\nTwo integers a and b (1 ≤ a, b ≤ 10^9).",
        public_tests=(Test("1 2\n", "3\n"),),
        private_tests=(Test("5 5\r\n", "10\n"), Test("  \t7 8\n", "15")),
        generated_tests=(Test("0 0\n", "0\n"),),
        source=Source.CODEFORCES,
        difficulty=7,
        solutions=(Solution(Language.PYTHON3, "print(sum(map(int, input().split())))\n"),
                   Solution(Language.CPP, "#include <cstdio>\nint main(){}\n")),
        incorrect_solutions=(Solution(Language.PYTHON, "print 0\n"),),
        cf_contest_id=1000 + index,
        cf_index="A",
        cf_points=500.0,
        cf_rating=800,
        cf_tags=("math", "implementation"),
        time_limit=2.5,
        memory_limit_bytes=256 << 20,
        input_file="",
        output_file="",
    )


def test_parquet_round_trip_in_exact_hub_schema(tmp_path):
    problems = [sample_problem(i) for i in range(150)]  # more than one row group
    path = tmp_path / "split.parquet"
    assert write_parquet(problems, path) == 150
    parquet = pq.ParquetFile(path)
    assert parquet.schema_arrow.equals(HUB_SCHEMA, check_metadata=False)
    assert parquet.num_row_groups > 1
    assert list(load(path)) == problems


def test_hub_schema_matches_the_published_file(shared_codecontests):
    published = pq.ParquetFile(shared_codecontests / "train300.parquet").schema_arrow
    assert published.equals(HUB_SCHEMA, check_metadata=False)


def test_jsonl_round_trip(tmp_path):
    problems = [sample_problem(i) for i in range(3)]
    for name in ("split.jsonl", "split.jsonl.gz"):
        path = tmp_path / name
        assert write_jsonl(problems, path) == 3
        assert list(load(path)) == problems


def test_time_limit_keeps_nanoseconds():
    row = problem_to_row(sample_problem())
    assert row["time_limit"] == {"seconds": 2, "nanos": 500_000_000}
    assert row_to_problem(row, "x").time_limit == 2.5
    row["time_limit"] = None
    assert row_to_problem(row, "x").time_limit is None


def test_all_300_rows_load_from_parquet_and_jsonl(shared_codecontests):
    from_parquet = list(load(shared_codecontests / "train300.parquet"))
    from_jsonl = list(load(shared_codecontests / "train300.jsonl"))
    assert len(from_parquet) == len(from_jsonl) == 300
    assert from_parquet == from_jsonl
    assert all(p.solutions and p.solutions[0].language is Language.PYTHON3 for p in from_parquet)
    assert all(p.private_tests for p in from_parquet)
    assert sum(1 for p in from_parquet if p.public_tests) == 299  # one statement's examples did not parse
    assert {p.source for p in from_parquet} <= set(Source)


def test_shared_rows_survive_a_round_trip(shared_codecontests, tmp_path):
    rows = [json.loads(line) for line in (shared_codecontests / "train300.jsonl").open()][:40]
    problems = [row_to_problem(row, "row") for row in rows]
    write_parquet(problems, tmp_path / "again.parquet")
    again = pq.read_table(tmp_path / "again.parquet").to_pylist()
    for original, written in zip(rows, again):
        for key in ("name", "description", "public_tests", "private_tests", "solutions", "cf_tags", "cf_rating"):
            assert written[key] == original[key]


BAD_ROWS = [
    ("{not json", "row: invalid JSON"),
    ("[1, 2]", "row: expected a JSON object"),
    (json.dumps({"task_id": 1, "prompt": "x"}), "not a CodeContests row"),
    (json.dumps({"name": "", "description": "d"}), "name: missing or empty"),
    (json.dumps({"name": "x"}), "description: missing"),
    (json.dumps({"name": "x", "description": "d", "public_tests": {"input": ["1"], "output": []}}),
     "public_tests: 1 inputs but 0 outputs"),
    (json.dumps({"name": "x", "description": "d", "private_tests": {"input": [1], "output": ["1"]}}),
     "private_tests.input[0]: expected a string"),
    (json.dumps({"name": "x", "description": "d", "solutions": {"language": [7], "solution": ["x"]}}),
     "solutions.language[0]: unknown language 7"),
    (json.dumps({"name": "x", "description": "d", "cf_rating": "hard"}), "cf_rating: expected an integer"),
    (json.dumps({"name": "x", "description": "d", "source": 17}), "source: unknown source 17"),
    (json.dumps({"name": "x", "description": "d", "difficulty": 99}), "difficulty: must be an integer"),
    (json.dumps({"name": "x", "description": "d", "time_limit": {"seconds": "2"}}), "time_limit.seconds"),
    (json.dumps({"name": "x", "description": "d", "is_description_translated": 1}),
     "is_description_translated: expected true or false"),
]


@pytest.mark.parametrize(("line", "message"), BAD_ROWS)
def test_bad_rows_name_the_line_and_field(tmp_path, line, message):
    good = json.dumps(problem_to_row(sample_problem()), ensure_ascii=False)
    path = tmp_path / "bad.jsonl"
    path.write_text(good + "\n\n" + line + "\n" + good + "\n")
    items = list(scan(path))
    assert len(items) == 3  # the blank line is skipped, the bad row does not stop the scan
    error = items[1]
    assert isinstance(error, ProblemFormatError)
    assert str(error).startswith(f"{path}:3: ")
    assert message in str(error)
    with pytest.raises(ProblemFormatError):
        list(load(path))


def test_not_a_parquet_file(tmp_path):
    path = tmp_path / "broken.parquet"
    path.write_bytes(b"PAR1 this is not parquet")
    (error,) = list(scan(path))
    assert isinstance(error, ProblemFormatError) and "not a readable parquet file" in str(error)


STREAM_PROBE = textwrap.dedent(
    """
    import sys
    import pyarrow as pa
    from problems import load
    import tracemalloc
    import pyarrow.parquet as pq
    path, stop, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    tracemalloc.start()
    if mode == "whole":
        rows = pq.read_table(path).to_pylist()
    else:
        for i, problem in enumerate(load(path), 1):
            if i == stop:
                break
    print(pa.default_memory_pool().max_memory(), tracemalloc.get_traced_memory()[1])
    """
)


def test_parquet_loading_streams(shared_codecontests, tmp_path):
    """Peak memory does not grow with the number of rows: 900 rows peak where 300 do, far below a whole read."""
    source = shared_codecontests / "train300.parquet"
    big = tmp_path / "train900.parquet"
    table = pq.read_table(source)
    import pyarrow as pa

    pq.write_table(pa.concat_tables([table] * 3), big)  # one row group, the worst case for streaming

    def peak(path, stop, mode="stream"):
        out = subprocess.run([sys.executable, "-c", STREAM_PROBE, str(path), str(stop), mode],
                             capture_output=True, text=True, check=True)
        arrow, python = map(int, out.stdout.split())
        return arrow + python

    first_rows, all_rows, triple = peak(source, 10), peak(source, 10**9), peak(big, 10**9)
    whole = peak(big, 0, "whole")
    print(f"peak bytes: 10 rows {first_rows}, 300 rows {all_rows}, 900 rows {triple}; 900 read whole {whole}")
    # Three times the rows, the same peak; and the peak is set by the first few rows' buffers, not by the count.
    assert triple < 1.25 * all_rows
    assert all_rows < 2 * first_rows
    assert triple < whole / 3
