"""The language table: how each language is compiled and run inside the jail. Add a row to add a language.

Every command runs in the jail. `{src}` is the source file and `{out}` the build directory (both under /build
while compiling), `{box}` the read-only directory holding the compiled program when it runs, `{main}` the
program's main name (the class name for Java), `{heap}` the memory limit in MiB.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from problems import Language
from sandbox.errors import SandboxError

MIB = 1 << 20


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
    aliases = {"py": "python3", "python": "python3", "c++": "cpp", "c++17": "cpp", "cpp17": "cpp", "java17": "java"}
    key = aliases.get(key, key)
    if key in table:
        return table[key]
    for spec in table.values():
        if key in spec.extensions or "." + key in spec.extensions:
            return spec
    raise ValueError(f"unknown language {language!r} (available: {', '.join(sorted(table))})")
