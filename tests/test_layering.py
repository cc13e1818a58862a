"""The layering of DESIGN.md, read from the code: every import of every module (lazy ones inside functions
included), found with `ast`, points down the house.

    problems/  imports nothing of ours
    sandbox/   imports only problems/, and never torch
    solver/    builds on both; only the command line (solver/cli.py, solver/commands/) may import service/
    service/   builds on solver/; a job's states are spelled once, in service/states.py
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OURS = ("problems", "sandbox", "solver", "service")
COMMAND_LINE = ("solver/cli.py", "solver/commands/")


def modules(package: str) -> list[Path]:
    return sorted(path for path in (ROOT / package).rglob("*.py") if "bundled" not in path.parts)


def imported(path: Path) -> set[str]:
    """The modules `path` imports, relative imports resolved, as dotted names."""
    return imports_in(path.read_text(encoding="utf-8"), path.relative_to(ROOT).with_suffix("").parts[:-1])


def imports_in(source: str, package: tuple[str, ...]) -> set[str]:
    """The modules a module of `package` imports, wherever the import statement stands."""
    tree = ast.parse(source)
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[:len(package) - node.level + 1]) if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            names.add(module)
            if node.module is None:  # `from . import x`: x is a module of the package
                names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def top_levels(path: Path) -> set[str]:
    return {name.split(".")[0] for name in imported(path)}


def where(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.mark.parametrize("package", OURS)
def test_every_package_has_modules(package):
    assert len(modules(package)) > 1


def test_problems_imports_nothing_of_ours():
    wrong = {where(path): sorted(top_levels(path) & set(OURS) - {"problems"}) for path in modules("problems")}
    assert not {name: found for name, found in wrong.items() if found}


def test_sandbox_imports_only_problems_and_never_torch():
    wrong = {where(path): sorted(top_levels(path) & {"solver", "service", "torch"}) for path in modules("sandbox")}
    assert not {name: found for name, found in wrong.items() if found}


def test_only_the_command_line_imports_the_service():
    wrong = [where(path) for path in modules("solver") if "service" in top_levels(path)
             and not where(path).startswith(COMMAND_LINE)]
    assert not wrong
    # ... and it does: `solver serve` starts the server (so the scan above sees lazy imports).
    assert "service" in top_levels(ROOT / "solver" / "commands" / "serve.py")


def test_the_scan_sees_every_kind_of_import():
    source = ("from . import jobs\nfrom ..sandbox import run\nimport torch.nn as nn\nif TYPE_CHECKING:\n"
              "    from service.app import create_app\ndef f():\n    import problems.model\n")
    assert imports_in(source, ("solver", "pipeline")) == {
        "solver.pipeline", "solver.pipeline.jobs", "solver.sandbox", "torch.nn", "service.app", "problems.model"}


def test_job_states_are_spelled_once():
    """Everyone in service/ imports service.states.JobState; no module writes a state's name as a string."""
    from service.states import JobState

    names = {state.value for state in JobState}
    spelled = {}
    for path in modules("service"):
        if path.name == "states.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found = sorted({node.value for node in ast.walk(tree) if isinstance(node, ast.Constant)
                        and isinstance(node.value, str) and node.value in names})
        if found:
            spelled[where(path)] = found
    assert not spelled
