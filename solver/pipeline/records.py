"""Records that flow through the solve loop: candidates, their fate, the submissions, and progress events."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from sandbox import Verdict


@dataclass(frozen=True)
class Candidate:
    """One sampled program. `index` is its place in the backend's stream; `logprob` is None when unknown."""

    index: int
    language: str  # python3, cpp or java
    code: str
    backend: str
    logprob: float | None = None
    metadata: dict = field(default_factory=dict)  # how it was sampled: header, temperature, model, ...


@dataclass
class CandidateRecord:
    """What happened to a candidate: a duplicate, a compile error, its example verdicts, its cluster."""

    candidate: Candidate
    duplicate_of: int | None = None
    compiled: bool | None = None
    example_verdict: Verdict | None = None  # ACCEPTED or the first failing verdict
    passed_examples: bool = False
    signature: str | None = None  # digest of its behaviour on the generated inputs
    generated_outcomes: list[str] | None = None  # how each run on a generated input ended (OK, TIME_LIMIT, ...)
    generated_times: list[float] | None = None  # CPU seconds of each of those runs
    shown_outputs: list[str] | None = None  # what it printed on the few generated inputs a result shows
    # Its runs on the maximal inputs (at the stated bounds, under the problem's own limits): how each ended, its
    # CPU seconds and peak memory in bytes; `demoted` when it failed one that most survivors pass.
    maximal_outcomes: list[str] | None = None
    maximal_times: list[float] | None = None
    maximal_memory: list[int] | None = None
    demoted: bool = False
    score: float | None = None  # the learned scorer's estimate that it is correct, when one chose the submissions
    cluster: int | None = None
    hidden_verdict: Verdict | None = None  # judged after selection (the submissions, or every survivor in a batch)
    hidden_groups: dict[str, Verdict] | None = None  # each test data group's verdict, when the problem has groups

    def to_json(self) -> dict:
        data = asdict(self)
        data["candidate"] = asdict(self.candidate)
        for name in ("example_verdict", "hidden_verdict"):
            data[name] = _value(getattr(self, name))
        if self.hidden_groups is not None:
            data["hidden_groups"] = {group: verdict.value for group, verdict in self.hidden_groups.items()}
        return data


@dataclass(frozen=True)
class Submission:
    candidate: Candidate
    cluster: int
    cluster_size: int


@dataclass(frozen=True)
class ClusterSummary:
    """A cluster as a result shows it: its place in the order, size, representative (the member it would submit
    first) and the representative's output on a few generated inputs, as (input, output) pairs."""

    cluster: int
    size: int
    representative: Candidate
    outputs: tuple[tuple[str, str], ...] = ()

    def to_json(self) -> dict:
        return {"cluster": self.cluster, "size": self.size, "candidate": self.representative.index,
                "language": self.representative.language, "code": self.representative.code,
                "outputs": [{"input": given, "output": printed} for given, printed in self.outputs]}


@dataclass
class SolveStats:
    sampled: int = 0
    unique: int = 0
    compiled: int = 0
    passed_examples: int = 0
    generated_inputs: int = 0
    maximal_inputs: int = 0
    clusters: int = 0
    runs: int = 0  # sandbox runs so far: examples, generated and maximal inputs, hidden tests

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class ProgressEvent:
    """The same stream feeds the command line's progress line, the service's events and the batch runner's log."""

    stage: str  # sampling, filtering, clustering, speed, selected, judging, done
    stats: dict
    elapsed: float
    message: str = ""


@dataclass
class SolveResult:
    problem: str
    submissions: list[Submission]
    stats: SolveStats
    records: list[CandidateRecord]
    generated_inputs: list[str]
    timings: dict[str, float]
    hidden_verdicts: list[Verdict] | None = None  # the contest's verdict of each submission, with hidden tests
    clusters: list[ClusterSummary] = field(default_factory=list)  # the best clusters, in the selection's order

    @property
    def solved(self) -> bool | None:
        """Whether a submission is accepted: on every test, so on a scoring problem on every subtask."""
        if self.hidden_verdicts is None:
            return None
        return Verdict.ACCEPTED in self.hidden_verdicts

    def to_json(self, with_records: bool = False) -> dict:
        data = {
            "problem": self.problem,
            "submissions": [
                {"code": s.candidate.code, "language": s.candidate.language, "cluster_size": s.cluster_size,
                 "cluster": s.cluster, "candidate": s.candidate.index, "metadata": s.candidate.metadata}
                for s in self.submissions
            ],
            "stats": self.stats.as_dict(),
            "timings": {name: round(value, 3) for name, value in self.timings.items()},
            "clusters": [summary.to_json() for summary in self.clusters],
        }
        if self.hidden_verdicts is not None:
            data["hidden_verdicts"] = [verdict.value for verdict in self.hidden_verdicts]
            data["solved"] = self.solved
        if with_records:
            data["candidates"] = [record.to_json() for record in self.records]
            data["generated_inputs"] = self.generated_inputs
        return data


def _value(verdict: Verdict | None) -> str | None:
    return None if verdict is None else verdict.value
