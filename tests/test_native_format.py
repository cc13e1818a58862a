"""The project's own problem directories: read, write, round trips and every kind of fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from problems import (
    Checker,
    CheckerKind,
    Language,
    Problem,
    ProblemFormatError,
    Solution,
    Source,
    Test,
    load,
    read_problem_dir,
    scan,
    write_problem_dir,
)
from problems.statement import render_description, split_description


def make_dir(root: Path) -> Path:
    (root / "tests" / "sample").mkdir(parents=True)
    (root / "tests" / "hidden").mkdir(parents=True)
    (root / "solutions" / "correct").mkdir(parents=True)
    (root / "solutions" / "incorrect").mkdir(parents=True)
    (root / "problem.toml").write_text(
        'name = "Tiny"\nrating = 900\ntags = ["math"]\ntime_limit = 1.5\nmemory_limit = 64\nfloat_tolerance = 1e-6\n'
    )
    (root / "statement.md").write_text("Add.\n\nInput\n\nTwo numbers.\n\nOutput\n\nTheir sum.\n")
    (root / "note.md").write_text("1 + 2 = 3.\n")
    for i, (a, b) in enumerate([(1, 2), (3, 4)], 1):
        (root / "tests" / "sample" / f"{i}.in").write_text(f"{a} {b}\n")
        (root / "tests" / "sample" / f"{i}.out").write_text(f"{a + b}\n")
    for i in range(1, 12):
        (root / "tests" / "hidden" / f"{i}.in").write_text(f"{i} {i}\r\n")
        (root / "tests" / "hidden" / f"{i}.out").write_text(f"{2 * i}\n")
    (root / "solutions" / "correct" / "sol.py").write_text("print(sum(map(int, input().split())))\n")
    (root / "solutions" / "correct" / "sol.cpp").write_text("int main(){}\n")
    (root / "solutions" / "incorrect" / "wrong.py").write_text("print(0)\n")
    return root


def test_reads_every_part(tmp_path):
    problem = read_problem_dir(make_dir(tmp_path / "tiny"))
    assert problem.name == "Tiny" and problem.cf_rating == 900 and problem.cf_tags == ("math",)
    assert problem.time_limit == 1.5 and problem.memory_limit_bytes == 64 << 20
    assert problem.checker == Checker(CheckerKind.TOKENS, False, 1e-6, 1e-6)
    assert len(problem.public_tests) == 2
    # natural order (2 before 10) and bytes kept as they are (\r\n survives)
    assert [t.input for t in problem.private_tests][:3] == ["1 1\r\n", "2 2\r\n", "3 3\r\n"]
    assert problem.private_tests[9].input == "10 10\r\n"
    assert [s.language for s in problem.solutions] == [Language.CPP, Language.PYTHON3]
    assert problem.description == render_description(
        "Add.\n\nInput\n\nTwo numbers.\n\nOutput\n\nTheir sum.\n", problem.public_tests, "1 + 2 = 3."
    )
    assert "Examples\n\nInput\n\n1 2\n\n\nOutput\n\n3\n\n\nInput\n\n3 4" in problem.description
    assert problem.description.endswith("\nNote\n\n1 + 2 = 3.\n")


def test_round_trip_through_the_format(tmp_path):
    original = read_problem_dir(make_dir(tmp_path / "tiny"))
    write_problem_dir(original, tmp_path / "copy")
    assert read_problem_dir(tmp_path / "copy") == original


def test_codecontests_problem_round_trips(tmp_path):
    problem = Problem(
        name="1_A. Theatre Square",
        description="Pave the square.\n\nExamples\n\nInput\n\n6 6 4\n\n\nOutput\n\n4\n",
        public_tests=(Test("6 6 4\n", "4\n"),),
        private_tests=(Test("1 1 1\n", "1\n"),),
        generated_tests=(Test("2 2 1\n", "4\n"),),
        source=Source.CODEFORCES, difficulty=7, cf_contest_id=1, cf_index="A", cf_points=500.0,
        cf_rating=1000, time_limit=1.0, memory_limit_bytes=256 << 20,
        solutions=(Solution(Language.PYTHON, "print 4\n"),),
        checker=Checker(CheckerKind.CUSTOM, program=Solution(Language.PYTHON3, "import sys\n")),
    )
    write_problem_dir(problem, tmp_path / "cc")
    assert read_problem_dir(tmp_path / "cc") == problem
    # an unusual description is kept verbatim rather than re-rendered
    odd = Problem(name="odd", description="Statement.\nSample: 1 -> 1\n", public_tests=(Test("1\n", "1\n"),),
                  time_limit=2.0, memory_limit_bytes=256 << 20)
    write_problem_dir(odd, tmp_path / "odd")
    assert read_problem_dir(tmp_path / "odd") == odd


def test_write_refuses_to_clobber(tmp_path):
    problem = read_problem_dir(make_dir(tmp_path / "tiny"))
    with pytest.raises(FileExistsError):
        write_problem_dir(problem, tmp_path / "tiny")


def test_split_description_inverts_render():
    examples = [Test("1\n", "2\n")]
    text = render_description("Story.\n", examples, "A note.")
    assert split_description(text, examples) == ("Story.\n", "A note.\n")
    assert split_description("no examples here", examples) is None


FAULTS = [
    (lambda r: (r / "problem.toml").write_text("name = \n"), "problem.toml: file: invalid TOML"),
    (lambda r: (r / "problem.toml").unlink(), None),  # no longer a problem directory at all
    (lambda r: (r / "problem.toml").write_text('name = "x"\nmemory_limit = 64\n'), "time_limit: must be a positive"),
    (lambda r: (r / "problem.toml").write_text('name = "x"\ntime_limit = 1\n'), "memory_limit: missing"),
    (lambda r: (r / "problem.toml").write_text('name = "x"\ntime_limit = 1\nmemory_limit = 64\nratting = 5\n'),
     "ratting: unknown key"),
    (lambda r: (r / "problem.toml").write_text('name = "x"\ntime_limit = "fast"\nmemory_limit = 64\n'),
     "time_limit: expected int or float"),
    (lambda r: (r / "problem.toml").write_text('name = "x"\ntime_limit = 1\nmemory_limit = 64\nchecker = "fuzzy"\n'),
     "checker: 'fuzzy' is not one of"),
    (lambda r: (r / "problem.toml").write_text('name = "x"\ntime_limit = 1\nmemory_limit = 64\nchecker = "custom"\n'),
     "custom checker but no checker.py"),
    (lambda r: (r / "problem.toml").write_text('name = "x"\ntime_limit = 1\nmemory_limit = 64\nsource = "moon"\n'),
     "source: 'moon' is not one of"),
    (lambda r: (r / "problem.toml").write_text('name = "x"\ntime_limit = 1\nmemory_limit = 64\ntags = [1]\n'),
     "tags: must be a list of strings"),
    (lambda r: (r / "statement.md").unlink(), "statement.md: description: missing statement.md"),
    (lambda r: (r / "statement.md").write_text("  \n"), "statement.md is empty"),
    (lambda r: (r / "tests" / "hidden" / "3.out").unlink(), "hidden/3.in has no 3.out"),
    (lambda r: (r / "tests" / "sample" / "9.out").write_text("1\n"), "sample/9.out has no matching .in"),
    (lambda r: (r / "tests" / "hidden" / "1.in").write_bytes(b"\xff\xfe\n"), "1.in is not UTF-8 text"),
    (lambda r: (r / "solutions" / "correct" / "sol.rb").write_text("puts 1\n"), "sol.rb: unknown language"),
    (lambda r: (r / "checker.py").write_text("import sys\n"), "checker.py exists but checker = 'tokens'"),
]


@pytest.mark.parametrize(("damage", "message"), FAULTS)
def test_faults_name_the_file_and_field(tmp_path, damage, message):
    root = make_dir(tmp_path / "tiny")
    damage(root)
    items = list(scan(root))
    assert len(items) == 1 and isinstance(items[0], ProblemFormatError)
    if message is None:
        assert "no problems found" in str(items[0])
    else:
        assert message in str(items[0])
        assert str(root) in str(items[0])


def test_directory_of_problems_is_searched(tmp_path):
    make_dir(tmp_path / "set" / "b-second")
    make_dir(tmp_path / "set" / "a-first")
    (tmp_path / "set" / "README.md").write_text("not a problem")
    (tmp_path / "set" / "__pycache__").mkdir()
    assert len(list(load(tmp_path / "set"))) == 2


def test_missing_path_and_unknown_file(tmp_path):
    (error,) = list(scan(tmp_path / "nope"))
    assert "no such file or directory" in str(error)
    (tmp_path / "x.csv").write_text("a,b\n")
    (error,) = list(scan(tmp_path / "x.csv"))
    assert "unknown format" in str(error)
    (tmp_path / "empty").mkdir()
    (error,) = list(scan(tmp_path / "empty"))
    assert "no problems found" in str(error)
