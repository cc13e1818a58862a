"""ICPC / Kattis problem packages (the legacy format and the parts of 2023-07 that matter for judging).

Read: `problem.yaml`; the statement from `problem_statement/` or `statement/` (LaTeX turned into plain text, or
Markdown); `data/sample` as the examples and `data/secret` (nested groups too) as hidden tests, `*.in` with
`*.ans`; `submissions/accepted` as solutions and `wrong_answer`, `time_limit_exceeded`, `run_time_error` and
`rejected` as incorrect ones; `validator_flags` of the default validator; a custom output validator (called
Kattis-style: exit 42 accepts) and interactive problems.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import yaml

from problems.model import (
    Checker,
    CheckerKind,
    CheckerProtocol,
    Language,
    Problem,
    ProblemFormatError,
    Solution,
)
from problems.native import EXTENSIONS, MIB, natural_key, read_test_dir, read_text
from problems.statement import render_description

ACCEPTED = ("accepted",)
REJECTED = ("wrong_answer", "time_limit_exceeded", "run_time_error", "rejected")
SOURCE_EXTENSIONS = {**EXTENSIONS, ".cc": Language.CPP, ".cxx": Language.CPP, ".c++": Language.CPP}
STATEMENT_DIRS = ("problem_statement", "statement")
STATEMENT_FILES = ("problem.en.tex", "problem.tex", "problem.en.md", "problem.md")


def is_package(path: Path) -> bool:
    return (Path(path) / "problem.yaml").is_file()


def scan_package(folder: Path) -> Iterator[Problem | ProblemFormatError]:
    try:
        yield read_package(folder)
    except ProblemFormatError as error:
        yield error


def read_package(folder: Path) -> Problem:
    """Read one Kattis problem package; raises ProblemFormatError naming the file and field at fault."""
    folder = Path(folder)
    yaml_path = folder / "problem.yaml"
    where = str(yaml_path)
    try:
        meta = yaml.safe_load(read_text(yaml_path, where, "file")) or {}
    except yaml.YAMLError as error:
        raise ProblemFormatError(where, "file", f"invalid YAML: {str(error).splitlines()[0]}") from None
    if not isinstance(meta, dict):
        raise ProblemFormatError(where, "file", "problem.yaml must be a mapping")

    statement_path = _find_statement(folder)
    raw_statement = read_text(statement_path, str(statement_path), "description")
    if statement_path.suffix == ".tex":
        title, statement = latex_to_text(raw_statement)
    else:
        title, statement = _markdown_statement(raw_statement)
    name = _name(meta, where) or title or folder.name

    data = folder / "data"
    samples = read_test_dir(data / "sample", str(data / "sample"), "public_tests", ".ans")
    secret = read_test_dir(data / "secret", str(data / "secret"), "private_tests", ".ans")
    if not samples and not secret:
        raise ProblemFormatError(str(data), "private_tests", "no tests: data/sample and data/secret hold no .in files")

    limits = meta.get("limits") or {}
    if not isinstance(limits, dict):
        raise ProblemFormatError(where, "limits", f"must be a mapping, got {limits!r}")
    memory_mib = limits.get("memory", 0)
    if isinstance(memory_mib, bool) or not isinstance(memory_mib, int) or memory_mib < 0:
        raise ProblemFormatError(where, "limits.memory", f"must be a whole number of MiB, got {memory_mib!r}")

    interactive, checker = _checker(folder, meta, where)
    keywords = meta.get("keywords") or []
    if isinstance(keywords, str):
        keywords = keywords.split()
    solutions = _submissions(folder, ACCEPTED)
    incorrect = _submissions(folder, REJECTED)
    try:
        return Problem(
            name=name,
            description=render_description(statement, samples),
            public_tests=samples,
            private_tests=secret,
            solutions=solutions,
            incorrect_solutions=incorrect,
            cf_tags=tuple(str(k) for k in keywords),
            time_limit=_time_limit(folder, limits, where),
            memory_limit_bytes=memory_mib * MIB,
            checker=checker,
            interactive=interactive,
        )
    except ValueError as error:
        field, _, message = str(error).partition(": ")
        raise ProblemFormatError(where, field.removeprefix("Problem."), message) from None


def _name(meta: dict, where: str) -> str:
    name = meta.get("name", "")
    if isinstance(name, dict):  # 2023-07: a map from language code to name
        name = name.get("en") or next(iter(name.values()), "")
    if not isinstance(name, str):
        raise ProblemFormatError(where, "name", f"must be a string or a map of strings, got {name!r}")
    return name.strip()


def _find_statement(folder: Path) -> Path:
    for sub in STATEMENT_DIRS:
        for filename in STATEMENT_FILES:
            if (folder / sub / filename).is_file():
                return folder / sub / filename
        others = sorted((folder / sub).glob("problem.*.tex")) + sorted((folder / sub).glob("problem.*.md"))
        if others:
            return others[0]
    where = str(folder / "problem_statement")
    raise ProblemFormatError(where, "description", "no problem statement (problem.tex or problem.md)")


def _time_limit(folder: Path, limits: dict, where: str) -> float | None:
    value = limits.get("time_limit")
    if value is None and (folder / ".timelimit").is_file():
        value = read_text(folder / ".timelimit", str(folder / ".timelimit"), "time_limit").strip()
    if value is None and (folder / "domjudge-problem.ini").is_file():
        ini = read_text(folder / "domjudge-problem.ini", str(folder / "domjudge-problem.ini"), "time_limit")
        match = re.search(r"^\s*timelimit\s*=\s*['\"]?([0-9.]+)", ini, re.M)
        value = match.group(1) if match else None
    if value is None:
        return None
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise ProblemFormatError(where, "time_limit", f"not a number of seconds: {value!r}") from None
    if seconds <= 0:
        raise ProblemFormatError(where, "time_limit", f"must be positive, got {seconds}")
    return seconds


def parse_validator_flags(flags: str, where: str) -> Checker:
    """The default output validator's flags (case_sensitive, space_change_sensitive, float tolerances)."""
    words = flags.split()
    case_sensitive = space_sensitive = False
    absolute = relative = None
    i = 0
    while i < len(words):
        flag = words[i]
        if flag == "case_sensitive":
            case_sensitive = True
        elif flag == "space_change_sensitive":
            space_sensitive = True
        elif flag in ("float_tolerance", "float_absolute_tolerance", "float_relative_tolerance"):
            try:
                value = float(words[i + 1])
            except (IndexError, ValueError):
                raise ProblemFormatError(where, "validator_flags", f"{flag} needs a number") from None
            if flag != "float_relative_tolerance":
                absolute = value
            if flag != "float_absolute_tolerance":
                relative = value
            i += 1
        else:
            raise ProblemFormatError(where, "validator_flags", f"unknown flag {flag!r}")
        i += 1
    if space_sensitive:
        # Our exact rule also compares case and numbers as text; the closest rule we have.
        return Checker(CheckerKind.EXACT, case_sensitive=True, float_abs_tol=None, float_rel_tol=None)
    return Checker(CheckerKind.TOKENS, case_sensitive, absolute, relative)


def _checker(folder: Path, meta: dict, where: str) -> tuple[bool, Checker]:
    validation = str(meta.get("validation", "default"))
    kinds = str(meta.get("type", "pass-fail")).split()
    interactive = "interactive" in validation.split() or "interactive" in kinds
    custom = interactive or validation.split()[0] == "custom"
    flags = meta.get("validator_flags", "")
    if not isinstance(flags, str):
        raise ProblemFormatError(where, "validator_flags", f"must be a string, got {flags!r}")
    program = _validator_program(folder)
    if not custom and program is not None and "validation" not in meta:
        custom = True  # 2023-07: an output_validator directory alone means custom validation
    if not custom:
        return interactive, parse_validator_flags(flags, where)
    if program is None:
        raise ProblemFormatError(where, "validation", f"{validation!r} needs a program in output_validators/")
    return interactive, Checker(CheckerKind.CUSTOM, program=program, protocol=CheckerProtocol.KATTIS)


def _validator_program(folder: Path) -> Solution | None:
    """The custom output validator as one source file (local `#include "x.h"` headers inlined)."""
    roots = sorted(p for p in (folder / "output_validators").glob("*") if p.is_dir())
    roots += [folder / "output_validator"] if (folder / "output_validator").is_dir() else []
    for root in roots:
        sources = sorted(p for p in root.iterdir() if p.suffix in SOURCE_EXTENSIONS and p.suffix != ".txt")
        if not sources:
            continue
        main = next((p for p in sources if p.suffix == ".py"), sources[0])
        code = read_text(main, str(main), "checker")
        if SOURCE_EXTENSIONS[main.suffix] is Language.CPP:
            code = _inline_headers(code, root, set())
        return Solution(SOURCE_EXTENSIONS[main.suffix], code)
    return None


def _inline_headers(code: str, root: Path, seen: set[str]) -> str:
    def replace(match: re.Match) -> str:
        header = match.group(1)
        if header in seen or not (root / header).is_file():
            return match.group(0) if header not in seen else ""
        seen.add(header)
        return _inline_headers(read_text(root / header, str(root / header), "checker"), root, seen)

    return re.sub(r'^\s*#\s*include\s*"([^"]+)"\s*$', replace, code, flags=re.M)


def _submissions(folder: Path, verdicts: tuple[str, ...]) -> tuple[Solution, ...]:
    found = []
    for verdict in verdicts:
        directory = folder / "submissions" / verdict
        if not directory.is_dir():
            continue
        for path in sorted(directory.iterdir(), key=natural_key):
            # A directory is a multi-file submission: our Solution holds one file, so those are left out.
            if path.is_file() and not path.name.startswith("."):
                language = SOURCE_EXTENSIONS.get(path.suffix, Language.UNKNOWN)
                found.append(Solution(language, read_text(path, str(path), "solutions")))
    return tuple(found)


# ------------------------------------------------------------------------------------------------------ statements

_LATEX_SYMBOLS = {
    r"\leq": "≤", r"\le": "≤", r"\geq": "≥", r"\ge": "≥", r"\neq": "≠", r"\ne": "≠", r"\cdot": "⋅",
    r"\times": "×", r"\ldots": "…", r"\dots": "…", r"\cdots": "…", r"\infty": "∞", r"\pm": "±",
    r"\to": "→", r"\rightarrow": "→", r"\lfloor": "⌊", r"\rfloor": "⌋", r"\lceil": "⌈", r"\rceil": "⌉",
    r"\%": "%", r"\&": "&", r"\_": "_", r"\$": "$", r"\#": "#", "~": " ",
    "``": '"', "''": '"', "---": "—", "--": "–",
}


def latex_to_text(tex: str) -> tuple[str, str]:
    """A Kattis LaTeX statement as (title, plain text) in CodeContests' style; enough for models and people."""
    tex = re.sub(r"(?<!\\)%.*", "", tex)
    title_match = re.search(r"\\problemname\{([^}]*)\}", tex)
    title = title_match.group(1).strip() if title_match else ""
    tex = re.sub(r"\\problemname\{[^}]*\}", "", tex)
    tex = re.sub(r"\\(?:sub)*section\*?\{([^}]*)\}", r"\n\n\1\n\n", tex)
    tex = re.sub(r"\\begin\{(?:itemize|enumerate)\}|\\end\{(?:itemize|enumerate)\}", "\n", tex)
    tex = re.sub(r"\\item\s*", "\n  * ", tex)
    tex = re.sub(r"\\(?:illustration|includegraphics)(?:\[[^\]]*\])?(?:\{[^}]*\})+", "", tex)
    tex = re.sub(r"\\(?:begin|end)\{[^}]*\}", "", tex)
    tex = re.sub(r"\\(?:texttt|textbf|textit|emph|text|mathrm|mathit|mathbf|t|url|bf|it)\{([^}]*)\}", r"\1", tex)
    tex = re.sub(r"\\frac\{([^}]*)\}\{([^}]*)\}", r"\1/\2", tex)
    tex = tex.replace("\\\\", "\n")
    for command, symbol in sorted(_LATEX_SYMBOLS.items(), key=lambda item: -len(item[0])):
        if command.startswith("\\") and command[1:].isalpha():
            tex = re.sub(re.escape(command) + r"(?![A-Za-z])", symbol, tex)
        else:
            tex = tex.replace(command, symbol)
    tex = re.sub(r"\^\{([^}]*)\}", r"^\1", tex)
    tex = re.sub(r"_\{([^}]*)\}", r"_\1", tex)
    tex = re.sub(r"\\[A-Za-z]+\*?", "", tex)
    tex = tex.replace("$", "").replace("{", "").replace("}", "")
    lines = [line.strip() for line in tex.splitlines()]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return title, text + "\n"


def _markdown_statement(text: str) -> tuple[str, str]:
    title = ""
    lines = []
    for line in text.splitlines():
        heading = re.match(r"^#+\s*(.*?)\s*#*$", line)
        if heading and not title and line.startswith("# "):
            title = heading.group(1)
            continue
        lines.append(heading.group(1) if heading else line)
    return title, "\n".join(lines).strip() + "\n"

