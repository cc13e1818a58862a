"""ICPC / Kattis problem packages, legacy and 2023-07, read with the meaning problemtools gives them.

Read: `problem.yaml`, each key left empty or out taking problemtools' default (`DEFAULTS`); the statement from
`problem_statement/` or `statement/` (LaTeX or Markdown as plain text, Code Jam's HTML through `problems.codejam`);
`data/sample` as the examples and `data/secret` as hidden tests, `*.in` with `*.ans`, in test data groups with the
settings of their `testdata.yaml`; the jury's submissions from `submissions/<verdict>/`; the default output
validator's flags, or a custom output validator or interactor (called Kattis-style: exit 42 accepts) with the
files beside its main source. A time limit the package does not state is left for the judge to derive from the
accepted submissions by the package's `TimeLimitRule`.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from problems import codejam
from problems.model import (
    SUBMISSION_VERDICTS,
    Checker,
    CheckerKind,
    CheckerProtocol,
    Language,
    Problem,
    ProblemFormatError,
    Solution,
    Source,
    TestGroup,
    TimeLimitRule,
)
from problems.native import MIB, natural_key, read_test_dir, read_text
from problems.statement import latex_math_to_text, render_description

LEGACY = "legacy"
V2023 = "2023-07"

# What a key of problem.yaml or testdata.yaml means when a package leaves it empty or out, copied from
# problemtools' own config files (github.com/Kattis/problemtools, problemtools/config/):
#   legacy:   problem.yaml (validation, validator_flags, keywords, limits), the defaults of
#             legacy_config_specification.yaml;
#   2023-07:  2023-07_config_specification.yaml (type, time_multipliers, time_limit 0 = derived from the accepted
#             submissions, time_resolution); memory is problem.yaml's, which problemtools' metadata.py merges into
#             the limits of both versions;
#   testdata: testdata.yaml, a test data group's settings before its parent's and its own are laid over them.
# Of problem.yaml only the keys this loader reads are listed (the others are metadata it has no use for); of
# testdata.yaml every key but input_validator_flags (this loader validates no inputs).
DEFAULTS: dict[str, dict[str, Any]] = {
    LEGACY: {
        "type": "pass-fail",
        "validation": "default",
        "validator_flags": "",
        "keywords": "",
        "limits": {"time_multiplier": 5.0, "time_safety_margin": 2.0, "memory": 1024},
    },
    V2023: {
        "type": "pass-fail",
        "keywords": [],
        "limits": {
            "time_multipliers": {"ac_to_time_limit": 2.0, "time_limit_to_tle": 1.5},
            "time_limit": 0.0,
            "time_resolution": 1.0,
            "memory": 1024,
        },
    },
    "testdata": {
        "output_validator_flags": "",
        "on_reject": "break",
        "grading": "default",
        "grader_flags": "",
        "accept_score": 1.0,
        "reject_score": 0.0,
        "range": "-inf +inf",
    },
}
# Keys whose value may be more than a string (a list, or a map); their readers check them.
_STRING_OR_MORE = {"type", "keywords", "output_validator_flags"}

# File name endings of the languages we run, as problemtools' languages.yaml gives them. A `.py` file is Python 3
# unless its first line is a python2 shebang (languages.yaml's `shebang: ^#!.*python2\b`). C (`.c`) and the other
# languages problemtools knows have no Language here: programs in them are left out.
LANGUAGES = {
    ".cc": Language.CPP, ".C": Language.CPP, ".cpp": Language.CPP, ".cxx": Language.CPP, ".c++": Language.CPP,
    ".java": Language.JAVA, ".py": Language.PYTHON3, ".py3": Language.PYTHON3, ".py2": Language.PYTHON,
}
PROBLEM_TYPES = ("pass-fail", "scoring", "interactive", "multi-pass", "submit-answer")
STATEMENT_DIRS = ("problem_statement", "statement")
STATEMENT_FILES = ("problem.en.tex", "problem.tex", "problem.en.md", "problem.md", "problem.en.html", "problem.html")


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
    meta = _read_yaml(yaml_path)
    version = _format_version(meta, where)
    settings = _with_defaults(meta, DEFAULTS[version], where, "")
    kinds = _problem_types(settings, version, where)

    statement_path = _find_statement(folder)
    page = None
    note = ""
    if statement_path.suffix == ".html":
        page = codejam.read_statement(statement_path)
        title, statement, note = page.title, page.statement, page.note
    elif statement_path.suffix == ".tex":
        title, statement = latex_to_text(read_text(statement_path, str(statement_path), "description"))
    else:
        title, statement = _markdown_statement(read_text(statement_path, str(statement_path), "description"))

    checker, flags = _checker(folder, settings, kinds, version, where)
    data = folder / "data"
    samples = read_test_dir(data / "sample", str(data / "sample"), "public_tests", ".ans", group="sample")
    secret = read_test_dir(data / "secret", str(data / "secret"), "private_tests", ".ans", group="secret")
    if not samples and page is not None:
        samples = page.samples
    if not samples and not secret:
        raise ProblemFormatError(str(data), "private_tests", "no tests: data/sample and data/secret hold no .in files")
    groups = _test_groups(data, version, checker, flags, "scoring" in kinds)

    limits = settings["limits"]
    memory_mib = limits["memory"]
    if memory_mib < 1:
        raise ProblemFormatError(where, "limits.memory", f"must be a whole number of MiB ≥ 1, got {memory_mib!r}")
    stated_limits = meta.get("limits") or {}
    if page is not None and page.memory_mib and stated_limits.get("memory") is None:
        memory_mib = page.memory_mib  # Code Jam states its limits in the statement, not in problem.yaml
    time_limit = _time_limit(folder, limits, version, where)
    if time_limit is None and page is not None:
        time_limit = page.time_limit

    keywords = settings["keywords"]
    keywords = keywords.split() if isinstance(keywords, str) else keywords
    if not isinstance(keywords, list):
        raise ProblemFormatError(where, "keywords", f"must be a string or a list, got {keywords!r}")
    from_code_jam = re.search(r"code ?jam", str(meta.get("source") or ""), re.I)
    solutions, incorrect = _submissions(folder)
    try:
        return Problem(
            name=_name(meta, where) or title or folder.name,
            description=render_description(statement, samples, note),
            public_tests=samples,
            private_tests=secret,
            source=Source.CODEJAM if from_code_jam else Source.UNKNOWN_SOURCE,
            solutions=solutions,
            incorrect_solutions=incorrect,
            cf_tags=tuple(str(k) for k in keywords),
            time_limit=time_limit,
            memory_limit_bytes=memory_mib * MIB,
            checker=checker,
            interactive="interactive" in kinds,
            groups=groups,
            scoring="scoring" in kinds,
            time_rule=_time_rule(limits, version, where),
        )
    except ValueError as error:
        field, _, message = str(error).partition(": ")
        raise ProblemFormatError(where, field.removeprefix("Problem."), message) from None


# ------------------------------------------------------------------------------------------------------ settings


def _read_yaml(path: Path) -> dict:
    """A YAML file that must hold a mapping; an empty file is an empty mapping."""
    where = str(path)
    try:
        value = yaml.safe_load(read_text(path, where, "file"))
    except yaml.YAMLError as error:
        raise ProblemFormatError(where, "file", f"invalid YAML: {str(error).splitlines()[0]}") from None
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ProblemFormatError(where, "file", f"{path.name} must be a mapping")
    return value


def _with_defaults(value: Any, default: Any, where: str, field: str) -> Any:
    """`value` read from YAML with every empty or missing key given its default, checked against the default's type.

    Keys without a default are kept as they are.
    """
    if value is None:
        return copy.deepcopy(default)
    if isinstance(default, dict):
        if not isinstance(value, dict):
            raise ProblemFormatError(where, field, f"must be a mapping, got {value!r}")
        merged = dict(value)
        for key, sub_default in default.items():
            merged[key] = _with_defaults(value.get(key), sub_default, where, f"{field}.{key}" if field else key)
        return merged
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ProblemFormatError(where, field, f"must be true or false, got {value!r}")
    elif isinstance(default, (int, float)):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
            raise ProblemFormatError(where, field, f"must be a number, got {value!r}")
        if isinstance(default, int) and not float(value).is_integer():
            raise ProblemFormatError(where, field, f"must be a whole number, got {value!r}")
        return type(default)(value)
    elif isinstance(default, str) and not isinstance(value, str) and field.rsplit(".", 1)[-1] not in _STRING_OR_MORE:
        raise ProblemFormatError(where, field, f"must be a string, got {value!r}")
    return value


def _format_version(meta: dict, where: str) -> str:
    version = meta.get("problem_format_version")
    if version is None or str(version) in ("legacy", "legacy-icpc"):
        return LEGACY
    # 2023-07-draft became 2025-09; what this loader reads of them is the same.
    if str(version).startswith(("2023-07", "2025-09")) or str(version) == "draft":
        return V2023
    raise ProblemFormatError(where, "problem_format_version", f"unknown version {version!r} (known: legacy, 2023-07)")


def _problem_types(settings: dict, version: str, where: str) -> set[str]:
    """The problem's types (2023-07's list; legacy's single type with `validation`'s `interactive`)."""
    value = settings["type"]
    kinds = value.split() if isinstance(value, str) else value
    if not isinstance(kinds, list) or not kinds or not all(isinstance(kind, str) for kind in kinds):
        raise ProblemFormatError(where, "type", f"must be a string or a list of strings, got {value!r}")
    unknown = [kind for kind in kinds if kind not in PROBLEM_TYPES]
    if unknown:
        raise ProblemFormatError(where, "type", f"unknown type {unknown[0]!r} (known: {', '.join(PROBLEM_TYPES)})")
    kinds = set(kinds)
    if version == LEGACY:
        validation = settings["validation"].split() or ["default"]
        if validation[0] not in ("default", "custom"):
            raise ProblemFormatError(where, "validation", f"must begin with default or custom, got {validation[0]!r}")
        if validation[0] == "custom" and "interactive" in validation[1:]:
            kinds.add("interactive")
    unsupported = sorted(kinds & {"multi-pass", "submit-answer"})
    if unsupported:
        raise ProblemFormatError(where, "type", f"{unsupported[0]} problems cannot be judged here")
    return kinds


def _name(meta: dict, where: str) -> str:
    name = meta.get("name") or ""
    if isinstance(name, dict):  # 2023-07: a map from language code to name
        name = name.get("en") or next(iter(name.values()), "") or ""
    if not isinstance(name, str):
        raise ProblemFormatError(where, "name", f"must be a string or a map of strings, got {name!r}")
    return name.strip()


def _find_statement(folder: Path) -> Path:
    for sub in STATEMENT_DIRS:
        for filename in STATEMENT_FILES:
            if (folder / sub / filename).is_file():
                return folder / sub / filename
        others = [path for suffix in ("tex", "md", "html") for path in
                  sorted((folder / sub).glob(f"problem.*.{suffix}"))]
        if others:
            return others[0]
    where = str(folder / "problem_statement")
    raise ProblemFormatError(where, "description", "no problem statement (problem.tex, problem.md or problem.html)")


def _time_limit(folder: Path, limits: dict, version: str, where: str) -> float | None:
    value = limits.get("time_limit")
    if version == V2023 and value == 0:
        value = None  # 2023-07's default: derived from the accepted submissions
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


def _time_rule(limits: dict, version: str, where: str) -> TimeLimitRule:
    """How the time limit follows from the accepted submissions. Set even when the package states its limit: the
    rule's high limit is what a submission filed as too slow must still fail within when the package is verified."""
    if version == LEGACY:
        fields = {"limits.time_multiplier": limits["time_multiplier"],
                  "limits.time_safety_margin": limits["time_safety_margin"]}
    else:
        multipliers = limits["time_multipliers"]
        fields = {"limits.time_multipliers.ac_to_time_limit": multipliers["ac_to_time_limit"],
                  "limits.time_multipliers.time_limit_to_tle": multipliers["time_limit_to_tle"],
                  "limits.time_resolution": limits["time_resolution"]}
    for field, value in fields.items():
        if value <= 0:
            raise ProblemFormatError(where, field, f"must be positive, got {value!r}")
    return TimeLimitRule(version, *fields.values())


# ------------------------------------------------------------------------------------------------------ checking


def _checker(folder: Path, settings: dict, kinds: set[str], version: str, where: str) -> tuple[Checker, str]:
    """The problem's checker, and its validator's flags (the default validator's rule, or a program's arguments)."""
    flags = _problem_flags(settings, where)
    interactive = "interactive" in kinds
    program = _validator_program(folder)
    if version == LEGACY:
        custom = interactive or settings["validation"].split()[0] == "custom"
    else:
        custom = interactive or program is not None  # 2023-07 has no `validation`: a validator is used when given
    if not custom:
        return parse_validator_flags(flags, where), flags
    if program is None:
        field = "validation" if version == LEGACY else "type"
        raise ProblemFormatError(where, field, "custom validation needs a program in output_validators/ "
                                 "(or output_validator/)")
    return Checker(CheckerKind.CUSTOM, program=program, protocol=CheckerProtocol.KATTIS, flags=flags.split()), flags


def _problem_flags(settings: dict, where: str) -> str:
    """The problem's flags for its output validator: `validator_flags`, and `output_validator_flags` where Code Jam's
    archive puts it (at the top of problem.yaml, which the format does not define; its meaning is the same)."""
    parts = []
    for key in ("validator_flags", "output_validator_flags"):
        value = settings.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ProblemFormatError(where, key, f"must be a string, got {value!r}")
        parts.append(value.strip())
    return " ".join(part for part in parts if part)


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


def _validator_program(folder: Path) -> Solution | None:
    """The custom output validator or interactor: 2023-07's `output_validator/`, else the first directory holding a
    program in `output_validators/`, else the files directly in it (one source, and any headers beside it)."""
    legacy = folder / "output_validators"
    places = [folder / "output_validator"]
    if legacy.is_dir():
        places += sorted((p for p in legacy.iterdir() if p.is_dir() and not p.name.startswith(".")), key=natural_key)
        places.append(legacy)
    for place in places:
        if place.is_dir():
            program = _program(folder, place)
            if program is not None:
                return program
    return None


def _program(package: Path, directory: Path, verdict: str = "") -> Solution | None:
    """A program given as a directory: its main source as `code`, every other text file of the directory in `files`
    (headers, further sources: the sandbox writes them beside the main source and compiles all sources together).
    None when the directory holds no source in a language we run."""
    texts: dict[Path, str] = {}
    for path in sorted(directory.iterdir(), key=natural_key):
        # Subdirectories are left out (a program's files sit side by side), and so are binaries: nothing to build.
        if path.is_file() and not path.name.startswith("."):
            try:
                texts[path] = path.read_bytes().decode("utf-8")
            except UnicodeDecodeError:
                continue
            except OSError as error:
                raise ProblemFormatError(str(path), "program", f"cannot read {path.name}: {error.strerror}") from None
    sources = [path for path in texts if path.suffix in LANGUAGES]
    if not sources:
        return None
    main = _main_source(sources, texts)
    name = (main if directory == package / "output_validators" else directory).relative_to(package).as_posix()
    files = tuple((path.name, text) for path, text in texts.items() if path != main)
    return Solution(_language(main, texts[main]), texts[main], files=files, name=name, verdict=verdict)


def _main_source(sources: list[Path], texts: dict[Path, str]) -> Path:
    """The entry point: `__main__.py` (2023-07), else the C++ or Java source defining `main(`, else a source named
    main.* (problemtools' {mainfile}), else the only Python file, else the first source."""
    compiled = (Language.CPP, Language.JAVA)
    for chosen in (
        [p for p in sources if p.name == "__main__.py"],
        [p for p in sources if LANGUAGES[p.suffix] in compiled and re.search(r"\bmain\s*\(", texts[p])],
        [p for p in sources if p.stem.lower() == "main"],
    ):
        if chosen:
            return chosen[0]
    python = [p for p in sources if LANGUAGES[p.suffix] in (Language.PYTHON3, Language.PYTHON)]
    return python[0] if len(python) == 1 else sources[0]


def _language(path: Path, code: str) -> Language:
    if path.suffix == ".py" and re.match(r"#!.*python2\b", code):
        return Language.PYTHON
    return LANGUAGES[path.suffix]


def _submissions(folder: Path) -> tuple[tuple[Solution, ...], tuple[Solution, ...]]:
    """The jury's submissions as (accepted, all others), each named by its path and filed under its verdict."""
    accepted, others = [], []
    for verdict in SUBMISSION_VERDICTS:
        directory = folder / "submissions" / verdict
        if not directory.is_dir():
            continue
        for path in sorted(directory.iterdir(), key=natural_key):
            if path.name.startswith("."):
                continue
            if path.is_dir():  # a submission of several files
                solution = _program(folder, path, verdict)
            elif path.suffix in LANGUAGES:
                code = read_text(path, str(path), "solutions")
                solution = Solution(_language(path, code), code, name=path.relative_to(folder).as_posix(),
                                    verdict=verdict)
            else:
                solution = None  # C (`.c`) and the languages we do not run
            if solution is not None:
                (accepted if verdict == "accepted" else others).append(solution)
    return tuple(accepted), tuple(others)


# ---------------------------------------------------------------------------------------------- test data groups


def _test_groups(data: Path, version: str, checker: Checker, flags: str, scoring: bool) -> tuple[TestGroup, ...]:
    """One TestGroup per directory of data/sample and data/secret that holds tests or its own settings, outermost
    first, with the settings problemtools' TestCaseGroup gives it: its testdata.yaml over its parent's settings,
    data/testdata.yaml over DEFAULTS at the root.

    A group's checker is the problem's validator given the problem's flags and then the group's
    `output_validator_flags` (as problemtools passes them), None when that is the problem's checker. On a scoring
    problem a group's score is what accepting all its tests earns: each test its `accept_score`, aggregated over the
    tests and subgroups as the default grader's `grader_flags` say (sum unless avg, min or max).
    """
    root, _ = _group_settings(data, DEFAULTS["testdata"])
    # Samples earn nothing: 2023-07 says so, and legacy packages say `ignore_sample` at the root.
    samples_score = version == LEGACY and "ignore_sample" not in str(root["grader_flags"]).split()
    groups: list[TestGroup] = []

    def visit(directory: Path, name: str, parent: dict) -> float | None:
        settings, settings_file = _group_settings(directory, parent)
        tests = sum(1 for path in directory.glob("*.in") if path.is_file())
        group_flags = f"{flags} {settings['output_validator_flags']}".strip()
        if checker.kind is CheckerKind.CUSTOM:
            group_checker = dataclasses.replace(checker, flags=group_flags.split())
        else:  # checked here, where a group's own flags are first read, so that an error names their file
            group_checker = parse_validator_flags(group_flags, str(settings_file or directory))
        place = len(groups)
        scores: list[float | None] = [settings["accept_score"]] * tests
        for child in sorted((p for p in directory.iterdir() if p.is_dir()), key=natural_key):
            scores.append(visit(child, f"{name}/{child.name}", settings))
        score = _aggregate(scores, settings) if scoring and (samples_score or name.split("/")[0] != "sample") else None
        if tests or settings_file is not None:
            groups.insert(place, TestGroup(name, None if group_checker == checker else group_checker, score))
        return score

    for top in ("sample", "secret"):
        if (data / top).is_dir():
            visit(data / top, top, root)
    return tuple(groups)


def _group_settings(directory: Path, parent: dict) -> tuple[dict, Path | None]:
    """A group's settings, and the file they come from: its testdata.yaml (or 2023-07's test_group.yaml, of which
    only `output_validator_args` is read) over its parent's settings; a key left empty is inherited."""
    path = directory / "testdata.yaml"
    if not path.is_file():
        path = directory / "test_group.yaml"
        if not path.is_file():
            return dict(parent), None
    own = _read_yaml(path)
    if path.name == "test_group.yaml":
        arguments = own.get("output_validator_args")
        own = {"output_validator_flags": " ".join(map(str, arguments)) if isinstance(arguments, list) else arguments}
    settings = _with_defaults(own, parent, str(path), "")
    flags = settings["output_validator_flags"]
    if isinstance(flags, dict):  # the legacy format's map form: {name: validator, flags: "..."}
        flags = flags.get("flags") or ""
    if not isinstance(flags, str):
        raise ProblemFormatError(str(path), "output_validator_flags", f"must be a string, got {flags!r}")
    settings["output_validator_flags"] = flags
    return settings, path


def _aggregate(scores: list[float | None], settings: dict) -> float | None:
    """The default grader's score for a group whose every item was accepted; None for a custom grader's."""
    if settings["grading"] != "default" or not scores or any(score is None for score in scores):
        return None
    modes = [flag for flag in str(settings["grader_flags"]).split() if flag in ("sum", "avg", "min", "max")]
    mode = modes[-1] if modes else "sum"
    if mode == "avg":
        return sum(scores) / len(scores)
    return {"sum": sum, "min": min, "max": max}[mode](scores)


# ------------------------------------------------------------------------------------------------------ statements

# Text-mode typography of LaTeX; the rest (math, symbols, fonts) is shared with Code Jam's MathJax.
_LATEX_TYPOGRAPHY = {"``": '"', "''": '"', "---": "—", "--": "–"}


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
    tex = tex.replace("\\\\", "\n")
    tex = re.sub(r"(?<!\\)\$", "", tex)
    for mark, character in _LATEX_TYPOGRAPHY.items():
        tex = tex.replace(mark, character)
    tex = latex_math_to_text(tex)
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

