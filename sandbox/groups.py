"""Judging by test data groups (subtasks): which tests to run, and each group's verdict. Pure functions.

A group is accepted when all its tests are; otherwise its verdict is that of its first failing test. Stopping at a
failure (`stop_on_failure`) means, on a pass-fail problem, stopping altogether, as a judge does; on a scoring
problem every subtask must still get its verdict, so only the rest of the failed test's innermost group is
skipped (problemtools' `on_reject: break`, per group). A group some of whose tests were skipped without a failure
among those judged has no verdict and is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from problems import Test, TestGroup
from sandbox.results import GroupResult, TestResult, Verdict


def innermost_group(groups: Sequence[TestGroup], test: Test) -> str:
    """The name of the deepest group holding the test ("" when none does); groups come outermost first."""
    name = ""
    for group in groups:
        if group.holds(test) and len(group.name) >= len(name):
            name = group.name
    return name


def judge_in_groups(
    tests: Sequence[Test],
    judge_one: Callable[[int, Test], TestResult],
    groups: Sequence[TestGroup] = (),
    scoring: bool = False,
    stop_on_failure: bool = True,
) -> list[TestResult]:
    """Judge tests in order with `judge_one(index, test)`, skipping as the module doc says; the results of the
    tests judged, each with its index."""
    results: list[TestResult] = []
    failed_groups: set[str] = set()
    for index, test in enumerate(tests):
        group = innermost_group(groups, test)
        if stop_on_failure and group in failed_groups:
            continue
        result = judge_one(index, test)
        if result.index is None:
            result = TestResult(result.verdict, result.run, result.message, index)
        results.append(result)
        if result.verdict is not Verdict.ACCEPTED:
            if stop_on_failure and not scoring:
                break
            failed_groups.add(group)
    return results


def overall_verdict(results: Sequence[TestResult]) -> Verdict:
    """The first failing test's verdict, or ACCEPTED."""
    return next((r.verdict for r in results if r.verdict is not Verdict.ACCEPTED), Verdict.ACCEPTED)


def group_results(groups: Sequence[TestGroup], tests: Sequence[Test], results: Sequence[TestResult]) \
        -> tuple[GroupResult, ...]:
    """Each group's verdict from the results of the tests judged (see the module doc), outermost first."""
    by_index = {result.index: result for result in results}
    found = []
    for group in groups:
        members = [index for index, test in enumerate(tests) if group.holds(test)]
        if not members:
            continue
        judged = [by_index[index] for index in members if index in by_index]
        failure = next((r.verdict for r in judged if r.verdict is not Verdict.ACCEPTED), None)
        if failure is None and len(judged) < len(members):
            continue  # not judged to the end
        verdict = failure or Verdict.ACCEPTED
        score = None if group.score is None else (group.score if verdict is Verdict.ACCEPTED else 0.0)
        found.append(GroupResult(group.name, verdict, score))
    return tuple(found)
