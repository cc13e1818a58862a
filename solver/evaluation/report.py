"""A Markdown report of one batch run (or two side by side) with AlphaCode-style solve-rate curves.

For each problem with hidden tests, every sample is an outcome (passed the examples?, behaviour signature, correct
on all tests?); duplicates take the outcome of the program they repeat. From those, for k up to the run's K:
10@k with clustering (the solver's own selection), 10@k with random choice among the filtered samples, and
pass@k (AlphaCode's Figure 8 shows these three).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from solver.evaluation.batch import RUN_FILE, read_results
from solver.evaluation.metrics import SampleOutcome, mean_and_interval, n_at_k, pass_at_k

KS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000)
CURVES = ("10@k clustering", "10@k random", "pass@k")


def sample_outcomes(row: dict, scores: dict[int, float] | None = None) -> list[SampleOutcome]:
    """A problem's samples in stream order, with duplicates resolved to the program they repeat; with the speed
    test's figures, and each program's score (`scores` by candidate index, else the one the solve recorded)."""
    records = sorted(row.get("candidates", []), key=lambda r: r["candidate"]["index"])
    by_index = {r["candidate"]["index"]: r for r in records}
    outcomes = []
    for record in records:
        original = by_index.get(record["duplicate_of"], record) if record["duplicate_of"] is not None else record
        passed = bool(original["passed_examples"])
        correct = passed and original.get("hidden_verdict") == "ACCEPTED"
        times = original.get("maximal_times") or []
        score = (scores or {}).get(original["candidate"]["index"], original.get("score"))
        outcomes.append(SampleOutcome(passed, original.get("signature"), correct, bool(original.get("demoted")),
                                      sum(times) / len(times) if times else None, score))
    return outcomes


@dataclass
class RunSummary:
    name: str
    settings: dict
    rows: list[dict]
    ks: list[int]
    curves: dict[str, list[float]]  # curve name → mean solve rate at each k
    intervals: dict[str, tuple[float, float]]  # at the largest k: 95% interval over problems

    @property
    def evaluated(self) -> list[dict]:
        return evaluated_rows(self.rows)


def evaluated_rows(rows: list[dict]) -> list[dict]:
    """The problems the curves are computed over: solved (not skipped) and with hidden tests to judge by."""
    return [row for row in rows if row.get("hidden_tests") and "candidates" in row]


def summarize(directory: Path, trials: int = 200) -> RunSummary:
    directory = Path(directory)
    rows = read_results(directory)
    if not rows:
        raise ValueError(f"{directory}: no results yet (expected {directory / 'results.jsonl'})")
    run_file = directory / RUN_FILE
    settings = json.loads(run_file.read_text(encoding="utf-8")) if run_file.is_file() else {}
    outcomes = [sample_outcomes(row) for row in evaluated_rows(rows)]
    smallest = min((len(o) for o in outcomes if o), default=0)
    ks = [k for k in KS if k <= smallest]
    curves: dict[str, list[float]] = {name: [] for name in CURVES}
    intervals: dict[str, tuple[float, float]] = {}
    for k in ks:
        per_problem = {
            "10@k clustering": [n_at_k(o, 10, k, trials=trials, selection="cluster") for o in outcomes],
            "10@k random": [n_at_k(o, 10, k, trials=trials, selection="random") for o in outcomes],
            "pass@k": [pass_at_k(len(o), sum(s.correct for s in o), k) for o in outcomes],
        }
        for name, values in per_problem.items():
            mean, low, high = mean_and_interval(values)
            curves[name].append(mean)
            intervals[name] = (low, high)
    return RunSummary(directory.name, settings, rows, ks, curves, intervals)


def plot(summaries: list[RunSummary], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axis = plt.subplots(figsize=(7, 4.5))
    styles = {"10@k clustering": "-", "10@k random": "--", "pass@k": ":"}
    for number, summary in enumerate(summaries):
        for name in CURVES:
            if summary.ks:
                axis.plot(summary.ks, [100 * v for v in summary.curves[name]], styles[name], marker="o",
                          color=f"C{number}", label=f"{summary.name}: {name}")
    axis.set_xscale("log")
    axis.set_xlabel("samples per problem (k)")
    axis.set_ylabel("solve rate (%)")
    axis.set_title("Solve rate against the sample budget")
    axis.grid(True, which="both", alpha=0.3)
    axis.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)


def _curve_table(summary: RunSummary) -> list[str]:
    lines = ["| k | " + " | ".join(CURVES) + " |", "|---:|" + "---:|" * len(CURVES)]
    for i, k in enumerate(summary.ks):
        lines.append(f"| {k} | " + " | ".join(f"{100 * summary.curves[name][i]:.1f}%" for name in CURVES) + " |")
    return lines


def _problem_table(summary: RunSummary) -> list[str]:
    lines = ["| problem | sampled | unique | compiled | passed examples | clusters | correct samples | "
             "solved (10 submissions) | seconds |", "|---|---:|---:|---:|---:|---:|---:|---|---:|"]
    for row in summary.rows:
        if row.get("error") or row.get("skipped"):
            what = f"error: {row['error']}" if row.get("error") else f"skipped: {row['skipped']}"
            lines.append(f"| {row['problem']} | {_cell(what)} |||||||")
            continue
        s = row["stats"]
        correct = sum(o.correct for o in sample_outcomes(row))
        solved = {True: "yes", False: "no", None: "no hidden tests"}[row.get("solved")]
        lines.append(f"| {row['problem']} | {s['sampled']} | {s['unique']} | {s['compiled']} | "
                     f"{s['passed_examples']} | {s['clusters']} | {correct} | {solved} | {row.get('elapsed', 0):.1f} |")
    return lines


def _cell(text: str) -> str:
    """Text that stays inside one Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")[:300]


def write_report(directories: list[Path], out: Path | None = None, trials: int = 200) -> Path:
    """report.md and solve_rate.png in `out` (default: the first run's directory)."""
    summaries = [summarize(d, trials) for d in directories]
    out = Path(out or directories[0])
    out.mkdir(parents=True, exist_ok=True)
    plot(summaries, out / "solve_rate.png")
    lines = ["# Batch report", ""]
    for summary in summaries:
        evaluated = summary.evaluated
        solved = sum(1 for row in evaluated if row.get("solved"))
        errored = sum(1 for row in summary.rows if row.get("error"))
        lines += [f"## {summary.name}", "",
                  "Settings: " + ", ".join(f"{k} `{v}`" for k, v in summary.settings.items() if v is not None), "",
                  f"{len(summary.rows)} problems done, {errored} of them with an error (not counted below), "
                  f"{len(evaluated)} with hidden tests; the run's own 10 submissions solved {solved} of "
                  f"{len(evaluated)}.", ""]
        if summary.ks:
            lines += ["Solve rate (mean over problems; n@k estimated from 200 subsamples per k, "
                      "AlphaCode Appendix A.3):", "", *_curve_table(summary), ""]
            k = summary.ks[-1]
            lines += ["95% intervals over problems at k = " + str(k) + ": " + ", ".join(
                f"{name} {100 * low:.1f}–{100 * high:.1f}%" for name, (low, high) in summary.intervals.items()), ""]
        lines += ["### Problems", "", *_problem_table(summary), ""]
    if len(summaries) == 2:
        a, b = summaries
        shared = [k for k in a.ks if k in b.ks]
        lines += ["## Side by side", "", f"| k | curve | {a.name} | {b.name} | difference |",
                  "|---:|---|---:|---:|---:|"]
        for k in shared:
            for name in CURVES:
                va, vb = a.curves[name][a.ks.index(k)], b.curves[name][b.ks.index(k)]
                lines.append(f"| {k} | {name} | {100 * va:.1f}% | {100 * vb:.1f}% | {100 * (vb - va):+.1f} |")
        lines.append("")
    lines += ["![solve rate against k](solve_rate.png)", ""]
    path = out / "report.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path
