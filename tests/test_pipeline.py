"""The solve loop's promises: hidden tests are read only after the submissions are fixed; clustering groups
identical behaviour and orders clusters by size; wrap-around below ten clusters; duplicates count once; cancel,
time budget and backend errors behave; and on the bundled problems, with their human correct and incorrect
solutions as candidates, clustering picks a correct first submission more often than a random pick would."""

from __future__ import annotations

import dataclasses
import itertools
import math
import threading
import time

import pytest

from problems import BUNDLED_DIR, CheckerKind, Problem, Test, load
from sandbox import Sandbox, Verdict
from solver.backends import BackendError, SamplingParams
from solver.backends.replay import ReplayBackend
from solver.pipeline import Cancelled, Selection, public_view, solve
from solver.pipeline.cluster import (
    behaviour_signature,
    clusters,
    ordered_clusters,
    select_submissions,
    speed_class,
)
from solver.pipeline.inputs import StructuredGenerator
from solver.pipeline.normalize import normalize_c_like, normalize_python, normalized
from solver.pipeline.records import Candidate

PROBLEMS = list(load(BUNDLED_DIR))

SUM = Problem(
    "Plain Sum",
    "Print a + b.\n\nInput\n\nOne line with two integers a and b (1 ≤ a, b ≤ 100).\n\nOutput\n\nPrint a + b.\n",
    public_tests=(Test("1 2\n", "3\n"), Test("10 20\n", "30\n")),
    private_tests=(Test("50 50\n", "100\n"), Test("99 1\n", "100\n")),
    time_limit=1.0, memory_limit_bytes=256 << 20,
)
READ = "a, b = map(int, input().split())\n"
RIGHT = READ + "print(a + b)\n"
RIGHT_TOO = "print(sum(map(int, input().split())))\n"  # other code, same behaviour
WRONG_ABOVE_20 = READ + "print(a + b if a <= 20 else a - b)\n"  # passes the examples, not the rest
WRONG = "print(0)\n"  # fails the examples


class Scripted:
    """A backend that yields given Python programs (forever, cycling, when `endless`), `pause` seconds apart,
    and raises `error` after `fail_after` of them."""

    name = "scripted"

    def __init__(self, codes, *, pause: float = 0.0, endless: bool = False, fail_after: int | None = None,
                 error: Exception | None = None) -> None:
        self.codes, self.pause, self.endless = list(codes), pause, endless
        self.fail_after, self.error = fail_after, error
        self.yielded = 0
        self.problems: list[Problem] = []

    def sample(self, problem, count, params=None):
        self.problems.append(problem)
        codes = itertools.cycle(self.codes) if self.endless else iter(self.codes)
        for index, code in zip(range(count), codes):
            if self.fail_after is not None and index == self.fail_after:
                raise self.error
            time.sleep(self.pause)
            self.yielded += 1
            yield Candidate(index, "python3", code, self.name, None, {"correct": code in (RIGHT, RIGHT_TOO)})

    def close(self) -> None:
        pass


@pytest.fixture(scope="module")
def sandbox():
    with Sandbox() as box:
        yield box


# ------------------------------------------------------------------------------------- clustering (pure)


def test_behaviour_signature():
    assert behaviour_signature(["OK:1", "OK:2"]) == behaviour_signature(["OK:1", "OK:2"])
    assert behaviour_signature(["OK:1", "OK:2"]) != behaviour_signature(["OK:2", "OK:1"])
    assert behaviour_signature(["OK:1", "OK:2"]) != behaviour_signature(["OK:1OK:2"])  # inputs kept apart
    assert behaviour_signature(["OK:1", "TIME_LIMIT"]) != behaviour_signature(["OK:1", "RUNTIME_ERROR"])


def test_clusters_group_identical_behaviour_largest_first():
    assert clusters(["a", "b", "a", "c", "b", "a"]) == [[0, 2, 5], [1, 4], [3]]
    assert clusters(["x", "y", "y", "x"]) == [[0, 3], [1, 2]]  # a tie goes to the cluster seen first
    assert clusters(["b", "a", "c"]) == [[0], [1], [2]]
    assert clusters([None, "a", None, "a"]) == [[1, 3], [0], [2]]  # unknown behaviour: a cluster of its own
    assert clusters([]) == []


def test_select_submissions_wraps_around_below_ten_clusters():
    signatures = ["a", "b", "a", "c", "b", "a"]  # clusters [0, 2, 5], [1, 4], [3]
    assert select_submissions(signatures, 10) == [0, 1, 3, 2, 4, 5]  # every program, largest clusters first
    assert select_submissions(signatures, 4) == [0, 1, 3, 2]  # the second of the largest comes next
    assert select_submissions(["a"] * 15, 10) == list(range(10))
    assert select_submissions([], 10) == []


def test_select_submissions_takes_exactly_one_from_each_of_the_ten_largest_clusters():
    sizes = [5, 1, 4, 4, 2, 3, 1, 2, 2, 1, 3, 1, 1]  # 13 clusters
    signatures = [f"s{cluster}" for cluster, size in enumerate(sizes) for _ in range(size)]
    order = [2, 0, 4, 7, 9, 1, 5, 3, 8, 6]  # shuffle the positions so that clusters interleave
    signatures = [signatures[i] for i in sorted(range(len(signatures)), key=lambda i: (order[i % 10], i))]
    chosen = select_submissions(signatures, 10)
    assert len(chosen) == 10
    chosen_clusters = [signatures[p] for p in chosen]
    assert len(set(chosen_clusters)) == 10
    by_size = clusters(signatures)
    assert chosen == [members[0] for members in by_size[:10]]
    assert sorted(len(m) for m in by_size[:10]) == sorted(sizes)[3:]


def test_speed_orders_members_healthy_then_fast_and_clusters_by_healthy_members():
    signatures = ["a", "a", "b", "a", "b"]
    demoted = [True, False, False, False, False]
    times = [5.0, 1.0, 0.5, 2.0, 0.4]
    assert ordered_clusters(signatures, demoted, times) == [[1, 3, 0], [2, 4]]  # 0.5 s and 0.4 s: one speed
    assert select_submissions(signatures, 10, demoted, times) == [1, 2, 3, 4, 0]
    assert ordered_clusters(["b", "b"], [False, False], [0.9, 0.3]) == [[1, 0]]  # three times as fast
    assert [speed_class(t) for t in (None, 0.01, 0.09, 0.1, 0.19, 0.2, 0.45)] == [math.inf, 0, 0, 1, 1, 2, 3]
    # A cluster whose programs are all too slow goes after every cluster with a healthy one, however large.
    assert ordered_clusters(["x", "x", "x", "y"], [True, True, True, False], [9.0, 9.0, 9.0, 1.0]) == \
        [[3], [0, 1, 2]]
    # Equal sizes: the faster cluster first; no figures at all: AlphaCode's order.
    assert ordered_clusters(["p", "q"], [False, False], [2.0, 1.0]) == [[1], [0]]
    assert ordered_clusters(["p", "q"]) == clusters(["p", "q"]) == [[0], [1]]


class WithMaximal(StructuredGenerator):
    """The structured generator, with one large input of its own at the stated bounds."""

    def maximal(self, statement, examples, count, rng):
        n = 30_000
        return [f"{n}\n" + " ".join(str(rng.randint(1, 100)) for _ in range(n)) + "\n"]


SUM_N = Problem(
    "Sum of n",
    "Print the sum of n numbers.\n\nInput\n\nThe first line holds n (1 ≤ n ≤ 30000), the second n integers a_i "
    "(1 ≤ a_i ≤ 100).\n\nOutput\n\nTheir sum.\n",
    public_tests=(Test("3\n1 2 3\n", "6\n"), Test("2\n5 5\n", "10\n")),
    private_tests=(Test("4\n1 1 1 1\n", "4\n"),), time_limit=1.0, memory_limit_bytes=256 << 20,
)
FAST = "input()\nprint(sum(map(int, input().split())))\n"
QUADRATIC = ("input()\na = list(map(int, input().split()))\n"
             "print(sum(sum(a[:i + 1]) - sum(a[:i]) for i in range(len(a))))\n")


def test_a_program_too_slow_at_the_stated_bounds_is_demoted_below_a_correct_one_of_its_cluster(sandbox):
    backend = Scripted([QUADRATIC, FAST])  # the slow one comes first: AlphaCode's rule would submit it first
    plain = solve(SUM_N, backend, samples=2, sandbox=sandbox, generated_inputs=4, input_generator=WithMaximal(),
                  selection=Selection(speed=False))
    assert plain.stats.clusters == 1 and plain.submissions[0].candidate.code == QUADRATIC
    result = solve(SUM_N, backend, samples=2, sandbox=sandbox, generated_inputs=4, input_generator=WithMaximal())
    assert result.stats.clusters == 1 and result.stats.maximal_inputs == 1
    assert [s.candidate.code for s in result.submissions] == [FAST, QUADRATIC]
    slow, fast = sorted((r for r in result.records if r.passed_examples), key=lambda r: r.candidate.code != QUADRATIC)
    assert slow.demoted and slow.maximal_outcomes == ["TIME_LIMIT"] and not fast.demoted
    assert fast.maximal_outcomes == ["OK"] and fast.maximal_times[0] < 1.0 and fast.maximal_memory[0] > 0
    assert "speed" in result.timings


def test_a_scorer_orders_the_clusters_by_their_best_member_and_submits_it(sandbox):
    from solver.selection import FEATURE_NAMES, Scorer

    # A scorer that likes short programs, whatever its cluster's size: the one-line RIGHT_TOO comes first, though
    # WRONG_ABOVE_20 and the two RIGHTs are as many clusters.
    weights = [-5.0 if name == "chars_log" else 0.0 for name in FEATURE_NAMES]
    scorer = Scorer((0.0,) * len(FEATURE_NAMES), (1.0,) * len(FEATURE_NAMES), tuple(weights), 0.0)
    backend = Scripted([WRONG_ABOVE_20, RIGHT, RIGHT_TOO])
    result = solve(SUM, backend, samples=10, sandbox=sandbox, generated_inputs=8, selection=Selection(scorer=scorer))
    assert [s.candidate.code for s in result.submissions][0] == RIGHT_TOO
    assert result.submissions[0].cluster == 0 and result.submissions[0].cluster_size == 2
    survivors = sorted((r for r in result.records if r.passed_examples), key=lambda r: r.score, reverse=True)
    assert survivors[0].candidate.code == RIGHT_TOO and all(0 < r.score < 1 for r in survivors)


# -------------------------------------------------------------------------------------------- duplicates


def test_comments_and_whitespace_do_not_make_a_program_different():
    python = [RIGHT, "# sum\n" + READ + "\n\nprint( a+b )   # done\n", READ.replace(" ", "  ") + "print(a + b)"]
    assert len({normalize_python(code) for code in python}) == 1
    assert normalize_python(RIGHT) != normalize_python(RIGHT_TOO)
    assert normalize_python("if x:\n    y = 1\nz = 2\n") != normalize_python("if x:\n    y = 1\n    z = 2\n")
    assert normalize_python("print('a  b')") != normalize_python("print('a b')")  # strings are kept
    cpp = ["int main(){int a,b;std::cin>>a>>b;std::cout<<a+b;}",
           "// sum\nint main() {\n  int a, b;  /* two */\n  std::cin >> a >> b;\n  std::cout << a + b;\n}\n"]
    assert normalize_c_like(cpp[0]) == normalize_c_like(cpp[1])
    assert normalize_c_like('puts("a  b");') != normalize_c_like('puts("a b");')
    assert normalize_c_like("x = a - -b;") != normalize_c_like("x = a--b;")  # a space that matters
    assert normalize_c_like("int x;") != normalize_c_like("intx;")
    assert normalized("cpp", cpp[0]) == normalize_c_like(cpp[0]) and normalized("python3", RIGHT) == normalize_python(
        RIGHT)


def test_duplicates_count_once_in_a_solve(sandbox):
    variant = "# the same program\n" + READ + "print(a+b)  # sum\n"
    backend = Scripted([RIGHT, variant, RIGHT_TOO, RIGHT, WRONG])
    result = solve(SUM, backend, samples=10, sandbox=sandbox, generated_inputs=4)
    assert result.stats.sampled == 5 and result.stats.unique == 3
    assert [r.duplicate_of for r in result.records] == [None, 0, None, 0, None]
    assert result.stats.passed_examples == 2  # RIGHT and RIGHT_TOO; WRONG fails the examples


# ---------------------------------------------------------------------------------------------- the loop


def test_a_solve_groups_identical_behaviour_and_submits_the_largest_cluster_first(sandbox):
    backend = Scripted([WRONG_ABOVE_20, RIGHT, WRONG, RIGHT_TOO])
    result = solve(SUM, backend, samples=10, sandbox=sandbox, generated_inputs=8, params=SamplingParams(seed=1),
                   selection=Selection(speed=False))  # AlphaCode's rule; the speed test has tests of its own
    assert result.stats.passed_examples == 3 and result.stats.clusters == 2
    assert [s.cluster_size for s in result.submissions] == [2, 1, 2]  # wrap-around: 3 programs, 2 clusters
    assert [s.candidate.code for s in result.submissions] == [RIGHT, WRONG_ABOVE_20, RIGHT_TOO]
    assert [v.value for v in result.hidden_verdicts] == ["ACCEPTED", "WRONG_ANSWER", "ACCEPTED"] and result.solved
    assert backend.problems and all(p.private_tests == () for p in backend.problems)  # the backend sees no hidden


def test_hidden_tests_are_read_only_after_the_submissions_are_fixed(sandbox):
    accesses: list[tuple[str, bool]] = []
    selected = threading.Event()
    watching = threading.Event()

    class Watched(Problem):
        def __getattribute__(self, name):
            if name in ("private_tests", "generated_tests", "hidden_tests") and watching.is_set():
                accesses.append((name, selected.is_set()))
            return super().__getattribute__(name)

    bundled = next(p for p in PROBLEMS if p.name == "Tallest Candles")
    problem = Watched(**{f.name: getattr(bundled, f.name) for f in dataclasses.fields(Problem)})
    watching.set()  # construction reads every field; what counts is the solve
    stages = []

    def on_progress(event):
        stages.append(event.stage)
        if event.stage == "selected":
            selected.set()

    result = solve(problem, ReplayBackend(), samples=100, sandbox=sandbox, on_progress=on_progress,
                   generated_inputs=6)
    assert accesses, "the hidden tests were never read: no verdict could have been reported"
    assert all(after for _, after in accesses), f"hidden tests read before the selection: {accesses}"
    assert stages[0] == "sampling" and stages[-1] == "done" and stages.index("selected") < stages.index("judging")
    # The verdicts are still reported: one per submission, a correct human solution accepted.
    assert result.hidden_verdicts is not None and len(result.hidden_verdicts) == len(result.submissions)
    for submission, verdict in zip(result.submissions, result.hidden_verdicts):
        accepted = verdict is Verdict.ACCEPTED
        assert accepted if submission.candidate.metadata["correct"] else not accepted
    # The stages' counts fit together.
    stats = result.stats
    assert stats.sampled == len(bundled.solutions) + len(bundled.incorrect_solutions) == len(result.records)
    assert stats.sampled >= stats.unique >= stats.compiled >= stats.passed_examples >= 1
    assert stats.clusters == len({r.cluster for r in result.records if r.passed_examples})
    assert all(r.cluster is None for r in result.records if not r.passed_examples)


def test_public_view_drops_only_the_hidden_tests():
    bundled = PROBLEMS[0]
    view = public_view(bundled)
    assert view.private_tests == () and view.generated_tests == ()
    assert dataclasses.replace(bundled, private_tests=(), generated_tests=()) == view


def test_cancel_from_on_progress_stops_the_solve_promptly(sandbox):
    cancel = threading.Event()
    backend = Scripted([RIGHT, RIGHT_TOO, WRONG] + [f"print({i})\n" for i in range(50)], pause=0.02,
                       endless=True)

    def on_progress(event):
        if event.stats["sampled"] >= 3:
            cancel.set()

    started = time.monotonic()
    with pytest.raises(Cancelled):
        solve(SUM, backend, samples=10_000, sandbox=sandbox, on_progress=on_progress, cancel=cancel)
    assert time.monotonic() - started < 3
    yielded = backend.yielded
    time.sleep(0.2)
    assert backend.yielded <= yielded + 1  # sampling stopped too


def test_a_cancel_set_before_the_start_samples_nothing(sandbox):
    cancel = threading.Event()
    cancel.set()
    backend = Scripted([RIGHT], endless=True, pause=0.01)
    with pytest.raises(Cancelled):
        solve(SUM, backend, samples=1000, sandbox=sandbox, cancel=cancel)
    assert backend.yielded <= 1


def test_the_seconds_budget_stops_sampling(sandbox):
    backend = Scripted([RIGHT] + [f"print({i})\n" for i in range(200)], pause=0.02, endless=True)
    started = time.monotonic()
    result = solve(SUM, backend, samples=100_000, seconds=1.0, sandbox=sandbox, generated_inputs=3)
    took = time.monotonic() - started
    assert took < 3.5
    assert 5 <= result.stats.sampled < 100  # about one second's worth at one candidate per 20 ms
    assert [s.candidate.code for s in result.submissions] == [RIGHT]


def test_the_seconds_budget_holds_when_the_backend_outpaces_the_sandbox(sandbox):
    backend = Scripted([f"print({i})\n" for i in range(5000)], endless=True)
    started = time.monotonic()
    solve(SUM, backend, samples=100_000, seconds=0.5, sandbox=sandbox, generated_inputs=2)
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("error", [BackendError("the server refused: 401"), RuntimeError("model crashed")])
def test_a_backend_error_propagates(sandbox, error):
    backend = Scripted([RIGHT, RIGHT_TOO, WRONG], fail_after=2, error=error)
    with pytest.raises(type(error), match=str(error)):
        solve(SUM, backend, samples=10, sandbox=sandbox)


def test_bad_arguments():
    with pytest.raises(ValueError, match="samples"):
        solve(SUM, Scripted([RIGHT]), samples=0)
    with pytest.raises(ValueError, match="seconds"):
        solve(SUM, Scripted([RIGHT]), seconds=0)
    with pytest.raises(ValueError, match="needs its interactor"):
        solve(dataclasses.replace(SUM, interactive=True), Scripted([RIGHT]))


# ------------------------------------------------------------------------ clustering against random choice


COMPARED = [p for p in PROBLEMS if p.solutions and p.incorrect_solutions]
COMPARISON_INPUTS = 6  # fewer than a real solve's 20 to keep this test fast; bench/selection.py runs with 20


def first_submission_chances(result) -> tuple[float, float, float]:
    """(pipeline, clustering over every candidate order, random) chances that the first submission is correct.

    A random pick among the candidates that pass the examples is correct with their share of correct programs.
    Clustering submits a member of the largest cluster; which one, and which of equally large clusters, depends
    on the candidates' order, so its chance over every order is the mean correct share of the largest clusters.
    """
    filtered = [r for r in result.records if r.passed_examples]
    if not filtered:
        return 0.0, 0.0, 0.0
    members: dict[int, list[bool]] = {}
    for record in filtered:
        members.setdefault(record.cluster, []).append(bool(record.candidate.metadata["correct"]))
    largest = max(len(m) for m in members.values())
    tied = [m for m in members.values() if len(m) == largest]
    pipeline = float(bool(result.submissions[0].candidate.metadata["correct"]))
    return pipeline, sum(sum(m) / len(m) for m in tied) / len(tied), sum(r.candidate.metadata["correct"]
                                                                          for r in filtered) / len(filtered)


@pytest.fixture(scope="module")
def comparison(sandbox):
    rows = {}
    for number, problem in enumerate(COMPARED):
        # The public view: the labels say which programs are correct, the hidden tests are not needed. Each
        # problem has its own seed, so that problems with as many candidates do not share one order.
        result = solve(public_view(problem), ReplayBackend(), samples=1000, params=SamplingParams(seed=number),
                       sandbox=sandbox, generated_inputs=COMPARISON_INPUTS)
        rows[problem.name] = (result, *first_submission_chances(result))
    return rows


def test_clustering_picks_a_correct_first_submission_more_often_than_random(comparison):
    assert len(COMPARED) >= 20
    print(f"\n{'problem':<24} {'pipeline':>8} {'clustering':>10} {'random':>7}")
    for name, (_, pipeline, clustering, chance) in comparison.items():
        print(f"{name:<24} {pipeline:>8.0f} {clustering:>10.2f} {chance:>7.2f}")
    pipeline, clustering, chance = (sum(row[i] for row in comparison.values()) for i in (1, 2, 3))
    print(f"first submission correct over {len(comparison)} problems: clustering {clustering:.2f} "
          f"(this run's order: {pipeline:.0f}) vs random {chance:.2f}")
    # Problem by problem, where outputs can be compared exactly: with a custom checker (any valid pair may be
    # printed), correct programs may disagree and a wrong one may agree with one of them.
    exact = {p.name for p in COMPARED if p.checker.kind is not CheckerKind.CUSTOM}
    assert len(exact) >= len(COMPARED) - 2
    for name, (_, _, per_problem_clustering, per_problem_chance) in comparison.items():
        if name in exact:
            assert per_problem_clustering >= per_problem_chance - 1e-9, name
    assert clustering > chance + 1  # strictly better, by more than one problem's worth
    assert pipeline > chance


def test_the_pipeline_submits_from_the_largest_cluster(comparison):
    for name, (result, *_) in comparison.items():
        filtered = [r for r in result.records if r.passed_examples]
        assert filtered, name  # every bundled problem has correct programs, which pass the examples
        sizes = {r.cluster: sum(1 for s in filtered if s.cluster == r.cluster) for r in filtered}
        first = result.submissions[0]
        assert first.cluster_size == sizes[first.cluster] == max(sizes.values()), name
        assert result.submissions[0].cluster == 0, name
        assert len(result.submissions) == len(filtered)  # fewer than ten: every filtered program, wrapped around
