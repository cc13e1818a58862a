"""Multi-test variants: t test cases of a single-test family in one input, with the sum of the case sizes bounded
as Codeforces bounds it ("the sum of n over all test cases does not exceed 2 ⋅ 10^5")."""

from __future__ import annotations

from problems.curriculum.families import arrays, formulas, stories_numbers, stories_sequences, strings
from problems.curriculum.multitest import multitest


def _first(case: str) -> int:
    """The size of an array case: its first number, n."""
    return int(case.split()[0])


def _length(case: str) -> int:
    return len(case.strip())


def _sized(train: dict[str, int], story: dict[str, int]) -> dict[str, dict[str, int]]:
    return {"train": {"T": 10**4, "N": 2 * 10**5, "S": 2 * 10**5} | train,
            "story": {"T": 10**4, "N": 10**5, "S": 10**5} | story}


FAMILIES = (
    multitest(formulas.SPLIT_EVEN_PARTS, lines=1, limits={"train": {"T": 10**4, "W": 10**9},
                                                          "story": {"T": 5000, "W": 10**9}}),
    multitest(formulas.DIVISIBLE_BY_EITHER, lines=1, limits={"train": {"T": 10**4, "N": 10**9, "K": 10**9},
                                                             "story": {"T": 10**4, "N": 10**18, "K": 10**18}}),
    multitest(formulas.COUNT_MULTIPLES_RANGE, lines=1, limits={"train": {"T": 10**4, "R": 10**18, "D": 10**18},
                                                               "story": {"T": 2 * 10**4, "R": 10**18, "D": 10**9}}),
    multitest(formulas.MOVES_TO_DIVISIBLE, lines=1, limits={"train": {"T": 10**4, "A": 10**9},
                                                            "story": {"T": 10**4, "A": 10**18}}),
    multitest(formulas.COINS_ONE_AND_K, lines=1, limits={"train": {"T": 10**4, "N": 10**9, "K": 10**9},
                                                         "story": {"T": 1000, "N": 10**18, "K": 10**9}}),
    multitest(formulas.MINUTES_TO_MIDNIGHT, lines=1, limits={"train": {"T": 1439}, "story": {"T": 1439}}),
    multitest(stories_numbers.GCD_TWO, lines=1, limits={"train": {"T": 10**4, "A": 10**9},
                                                        "story": {"T": 10**5, "A": 10**18}}),
    multitest(stories_numbers.MAX_ELEMENT, lines=2, size=_first, limits=_sized({"A": 10**9}, {"A": 10**18})),
    multitest(stories_numbers.SUM_PARITY, lines=2, size=_first, limits=_sized({"A": 10**9}, {"A": 10**9})),
    multitest(stories_sequences.IS_SORTED, lines=2, size=_first, limits=_sized({"A": 10**9}, {"A": 10**9})),
    multitest(arrays.LARGEST_K_SUM, lines=2, size=_first, limits=_sized({"A": 10**9}, {"A": 10**9})),
    multitest(arrays.COUNT_FIXED_POINTS, lines=2, size=_first, limits=_sized({}, {"S": 3 * 10**5, "N": 3 * 10**5})),
    multitest(arrays.SPREAD_AFTER_REMOVAL, lines=2, size=_first, min_size=2,
              limits=_sized({"A": 10**9}, {"A": 10**9})),
    multitest(arrays.PAIR_MIN_MAX_SUM, lines=2, size=_first, min_size=2, limits=_sized({"A": 10**9}, {"A": 10**9})),
    multitest(arrays.COUNT_EQUAL_PAIRS, lines=2, size=_first, limits=_sized({"A": 10**9}, {"A": 10**9})),
    multitest(strings.SQUARE_STRING, lines=1, size=_length, per_case="L", size_name="|s|",
              limits={"train": {"T": 100, "L": 100, "S": 10**4},
                      "story": {"T": 10**4, "L": 2 * 10**5, "S": 2 * 10**5}}),
    multitest(strings.PALINDROME_AFTER_REMOVAL, lines=1, size=_length, per_case="L", size_name="|s|", min_size=2,
              rating=1100, limits={"train": {"T": 10**4, "L": 2 * 10**5, "S": 2 * 10**5},
                                   "story": {"T": 10**4, "L": 10**5, "S": 10**5}}),
)
