"""Output validators (the Kattis protocol) and programs built from several files: headers, further sources,
feedback in the verdict's message, flags, exit codes 42 / 43 / anything else, and one compile per validator."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

import pytest

from problems import Checker, CheckerKind, CheckerProtocol, Language, Solution, Test
from sandbox import CheckerFailure, CompileError, Limits, Program, Sandbox, SandboxConfig, Verdict
from sandbox.validators import read_feedback
from tests.conftest import sandbox_with_own_cache

HEADER = """#pragma once
#include <string>
std::string normalise(const std::string& token);
"""
# A second translation unit: the validator only links if every source of the program is compiled.
NORMALISE = """#include "validate.h"
#include <cctype>
std::string normalise(const std::string& token) {
    std::string out;
    for (char c : token) out += (char)std::tolower((unsigned char)c);
    return out;
}
"""
VALIDATOR = r"""#include "validate.h"
#include <fstream>
#include <iostream>
#include <string>
int main(int argc, char** argv) {
    std::ifstream answer(argv[2]);
    std::string feedback = argv[3];
    std::ofstream judge(feedback + "judgemessage.txt"), team(feedback + "teammessage.txt");
    bool strict = false;
    judge << "flags:";
    for (int i = 4; i < argc; i++) {
        judge << " " << argv[i];
        if (std::string(argv[i]) == "case_sensitive") strict = true;
    }
    judge << "\n";
    std::string expected, got;
    while (answer >> expected) {
        if (expected == "crash") return 1;
        if (!(std::cin >> got)) { judge << "too short"; return 43; }
        if (strict ? got != expected : normalise(got) != normalise(expected)) {
            judge << "expected " << expected << ", got " << got;
            team << "look again";
            return 43;
        }
    }
    if (std::cin >> got) { judge << "too long"; return 43; }
    return 42;
}
"""
PROGRAM = Solution(Language.CPP, VALIDATOR, files=(("validate.h", HEADER), ("normalise.cpp", NORMALISE)))


def kattis(program: Solution, flags: tuple[str, ...] = ()) -> Checker:
    return Checker(CheckerKind.CUSTOM, program=program, protocol=CheckerProtocol.KATTIS, flags=flags)


@pytest.fixture(scope="module")
def sandbox():
    """A sandbox with a cache of its own, so compiles are counted from zero."""
    with sandbox_with_own_cache("sandbox-validators-") as box:
        yield box


def test_multi_file_validator_accepts_rejects_and_explains(sandbox):
    loose, strict = kattis(PROGRAM), kattis(PROGRAM, ("case_sensitive", "float_tolerance", "1e-6"))
    assert sandbox.check(loose, b"", b"HELLO world", b"hello World") == (True, "flags:")
    accepted, message = sandbox.check(strict, b"", b"HELLO", b"hello")
    assert not accepted
    # judgemessage.txt, then teammessage.txt, both from the feedback directory; the flags reached the validator
    assert message == "flags: case_sensitive float_tolerance 1e-6\nexpected hello, got HELLO\nteam message: look again"
    result = sandbox.judge(Program("python3", "print('Hello')\n"), [Test("", "hello\n")], Limits(), strict)
    assert result.verdict is Verdict.WRONG_ANSWER and "expected hello, got Hello" in result.tests[0].message
    assert sandbox.judge(Program("python3", "print('hello')\n"), [Test("", "hello\n")], Limits(), strict).accepted


def test_validator_is_compiled_once(sandbox):
    checker = kattis(dataclasses.replace(PROGRAM, code=PROGRAM.code + "// compiled once\n"))
    before = sandbox.compiler.builds
    for output in (b"a", b"b", b"a"):
        sandbox.check(checker, b"", output, b"a")
    sandbox.judge(Program("python3", "print('a')\n"), [Test("", "a\n")] * 2, Limits(), checker)
    assert sandbox.compiler.builds == before + 1
    # Another sandbox on the same cache finds the compiled validator on disk.
    with Sandbox(SandboxConfig(cache_dir=sandbox.cache_dir)) as other:
        assert other.check(checker, b"", b"a", b"a")[0]
        assert other.compiler.builds == 0


def test_exit_codes_other_than_42_and_43_are_judge_errors(sandbox):
    with pytest.raises(CheckerFailure, match=r"checker failed \(RUNTIME_ERROR, exit 1"):
        sandbox.check(kattis(PROGRAM), b"", b"x", b"crash")
    # (a validator that hangs is one too: test_sandbox_judging's broken checkers)
    for source in ("import sys\nsys.exit(0)\n", "import os\nos.kill(os.getpid(), 9)\n"):
        with pytest.raises(CheckerFailure, match="checker failed"):
            sandbox.check(kattis(Solution(Language.PYTHON3, source)), b"", b"1", b"1")
    rejecting = kattis(Solution(Language.PYTHON3, "import sys\nsys.exit(43)\n"))
    assert sandbox.check(rejecting, b"", b"1", b"1") == (False, "rejected by the checker")


def test_validator_arguments_follow_the_kattis_protocol(sandbox):
    source = (
        "import os, sys\n"
        "stdin = sys.stdin.read()\n"
        "print(sys.argv[1:], open(sys.argv[1]).read(), open(sys.argv[2]).read(), stdin,\n"
        "      os.access(sys.argv[1], os.W_OK), os.path.isdir(sys.argv[3]), file=sys.stderr)\n"
        "sys.exit(42)\n"
    )
    accepted, message = sandbox.check(kattis(Solution(Language.PYTHON3, source), ("-x",)), b"in", b"out", b"ans")
    assert accepted
    assert message == "['/judge/input', '/judge/answer', '/feedback/', '-x'] in ans out False True"


def test_feedback_links_and_fifos_are_not_followed(sandbox, tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("host secret")
    (tmp_path / "feedback").mkdir()
    (tmp_path / "feedback" / "judgemessage.txt").symlink_to(secret)
    os.mkfifo(tmp_path / "feedback" / "teammessage.txt")
    assert read_feedback(tmp_path / "feedback") == ""
    # and from inside the jail: the validator links its judge message to a file it may read, but we may not follow
    source = "import os, sys\nos.symlink('/judge/answer', sys.argv[3] + 'judgemessage.txt')\nsys.exit(43)\n"
    assert sandbox.check(kattis(Solution(Language.PYTHON3, source)), b"", b"", b"ans") == (False, "rejected by the "
                                                                                                  "checker")


def test_program_built_from_several_files(sandbox):
    main = '#include "validate.h"\n#include <iostream>\nint main() { std::string s; std::cin >> s; ' \
           'std::cout << normalise(s) << "\\n"; }\n'
    program = Program("cpp", main, files=(("validate.h", HEADER), ("normalise.cpp", NORMALISE)))
    result = sandbox.judge(program, [Test("MiXeD\n", "mixed\n")], Limits(), Checker(CheckerKind.EXACT))
    assert result.accepted
    # The files are part of the cache key: another header is another program.
    broken = Program("cpp", main, files=(("validate.h", "#error no\n"), ("normalise.cpp", NORMALISE)))
    assert isinstance(sandbox.compile(broken), CompileError)
    python = Program("python3", "from helper import double\nprint(double(int(input())))\n",
                     files=(("helper.py", "def double(x):\n    return 2 * x\n"),))
    assert sandbox.judge(python, [Test("21\n", "42\n")], Limits()).accepted
    assert sandbox.program(Solution(Language.PYTHON3, "pass", files=(("a.py", ""),))).files == (("a.py", ""),)


def test_program_files_are_validated():
    with pytest.raises(ValueError, match="Program.files"):
        Program("cpp", "", files=(("../x.h", ""),))


@pytest.mark.parametrize("files", [(("main.cpp", ""),), (("main", ""),), (("result.json", ""),),
                                   (("a.h", ""), ("a.h", ""))])
def test_a_file_that_would_overwrite_another_is_a_compile_error(sandbox, files):
    clash = sandbox.compile(Program("cpp", "int main() {}\n", files=files))
    assert isinstance(clash, CompileError) and files[-1][0] in clash.message


def test_judge_files_leave_nothing_behind(sandbox):
    scratch = Path(sandbox.jail.scratch)
    sandbox.check(kattis(PROGRAM), b"", b"a", b"a")
    assert not [p for p in scratch.iterdir() if not p.name.startswith("slot-")]
