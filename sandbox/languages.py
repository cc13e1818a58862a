"""The language table: how each language is compiled and run inside the jail. Add a row to add a language.

Every command runs in the jail. `{src}` stands for the source files (the main one, then the program's other
files in the language's extensions) and `{out}` for the build directory (all under /build while compiling),
`{box}` the read-only directory holding the compiled program when it runs, `{main}` the program's main name (the
class name for Java), `{heap}` the memory limit in MiB.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from problems import Language
from sandbox.errors import SandboxError

MIB = 1 << 20

# The languages the project knows, by their one name. Every other module (backends, records, the sampler's
# headers, the command line, the service's schemas) takes names and spellings from here.
LANGUAGES = ("python3", "cpp", "java")
# What people and models write for them: a code fence's tag, a JSON row's "language", a word on a command line.
SPELLINGS = {"python3": "python3", "python": "python3", "py": "python3", "py3": "python3",
             "cpp": "cpp", "c++": "cpp", "cc": "cpp", "cxx": "cpp", "c++17": "cpp", "cpp17": "cpp",
             "java": "java", "java17": "java"}
# How a prompt names each, and the tag of a code fence holding it.
DISPLAY = {"python3": ("Python 3", "python"), "cpp": ("C++17", "cpp"), "java": ("Java 17", "java")}
# CodeContests' language numbers by name. Python 2 programs run as Python 3, the nearest runtime we have (most of
# the dataset's Python 2 solutions that use neither print statements nor integer division pass that way).
_BY_PROBLEM_LANGUAGE = {Language.PYTHON3: "python3", Language.PYTHON: "python3", Language.CPP: "cpp",
                        Language.JAVA: "java"}


def canonical(spelling: str) -> str | None:
    """The language's one name for a spelling of it ("py", "C++", "Java"), or None for one we do not know."""
    return SPELLINGS.get(spelling.strip().lower())


def name_of(language: Language) -> str | None:
    """The name of the language of a CodeContests solution, or None when we cannot run it (UNKNOWN)."""
    return _BY_PROBLEM_LANGUAGE.get(language)


@dataclass(frozen=True)
class LanguageSpec:
    name: str
    extensions: tuple[str, ...]
    problem_languages: tuple[Language, ...]
    run: tuple[str, ...]
    compile: tuple[str, ...] = ()  # empty: interpreted, the source is the program
    env: tuple[tuple[str, str], ...] = ()
    # Host paths beyond the base set (/usr, /lib, /lib64) that the compiler or program needs, read-only.
    mounts: tuple[str, ...] = ()
    # Memory the runtime itself needs on top of the problem's limit (a JVM's metaspace, code cache, threads).
    memory_overhead: int = 0
    default_main: str = "main"

    @property
    def compiled(self) -> bool:
        return bool(self.compile)

    def main_name(self, source: str) -> str:
        """The program's main name: Java needs the public class's name as its file name."""
        if self.name == "java":
            match = re.search(r"public\s+(?:final\s+|abstract\s+)*class\s+([A-Za-z_$][\w$]*)", source)
            return match.group(1) if match else self.default_main
        return self.default_main

    def source_file(self, source: str) -> str:
        return self.main_name(source) + self.extensions[0]

    def format(self, argv: tuple[str, ...], **values: str) -> list[str]:
        return [part.format(**values) for part in argv]


# Determinism matters: clustering compares programs by their outputs, so hash randomisation is pinned.
_PYTHON_ENV = (("PYTHONHASHSEED", "0"), ("PYTHONDONTWRITEBYTECODE", "1"), ("PYTHONIOENCODING", "utf-8"),
               ("PYTHONUNBUFFERED", "0"), ("LANG", "C.UTF-8"))

CPP_FLAGS = ("-std=c++17", "-O2", "-pipe")


def build_table(python: Path) -> dict[str, LanguageSpec]:
    """The languages this machine can run, by name."""
    java_home = _java_home()
    java_mounts = tuple(p for p in ("/etc/java-17-openjdk",) if Path(p).is_dir())
    table = {
        "python3": LanguageSpec(
            name="python3",
            extensions=(".py",),
            problem_languages=(Language.PYTHON3,),
            run=(str(python), "{box}/{main}.py"),
            env=_PYTHON_ENV,
        ),
        "cpp": LanguageSpec(
            name="cpp",
            extensions=(".cpp", ".cc", ".cxx"),
            problem_languages=(Language.CPP,),
            compile=("/usr/bin/g++", *CPP_FLAGS, "{pch_flags}", "-o", "{out}/{main}", "{src}"),
            run=("{box}/{main}",),
            env=(("LANG", "C.UTF-8"),),
        ),
    }
    if java_home is not None:
        jvm = ("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto")
        table["java"] = LanguageSpec(
            name="java",
            extensions=(".java",),
            problem_languages=(Language.JAVA,),
            compile=(f"{java_home}/bin/javac", "-J-Xmx512m", *(f"-J{flag}" for flag in jvm), "-encoding", "UTF-8",
                     "-d", "{out}", "{src}"),
            run=(f"{java_home}/bin/java", *jvm, "-Xss64m", "-Xmx{heap}m", "-cp", "{box}", "{main}"),
            env=(("LANG", "C.UTF-8"),),
            mounts=java_mounts,
            memory_overhead=128 * MIB,
            default_main="Main",
        )
    return table


def _java_home() -> str | None:
    javac = shutil.which("javac")
    if javac is None:
        return None
    home = Path(javac).resolve().parent.parent
    return str(home) if str(home).startswith("/usr/") else None


def language_for(table: dict[str, LanguageSpec], language: Language | str) -> LanguageSpec:
    """The spec for a CodeContests language or a name ('python3', 'cpp', 'java', or an extension like '.py')."""
    if isinstance(language, Language):
        for spec in table.values():
            if language in spec.problem_languages:
                return spec
        raise SandboxError(f"no runtime for {language.name} programs on this machine "
                           f"(available: {', '.join(sorted(table))})")
    key = language.lower()
    key = SPELLINGS.get(key, key)
    if key in table:
        return table[key]
    for spec in table.values():
        if key in spec.extensions or "." + key in spec.extensions:
            return spec
    raise ValueError(f"unknown language {language!r} (available: {', '.join(sorted(table))})")
