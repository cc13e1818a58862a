"""Hidden tests for Lakeside Photo: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""

import random
import sys
from pathlib import Path

MAXT = 10**4
MAXN = 2 * 10**5
MAXL = 10**9


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(161803)
    tests = []

    # 1: smallest cases: one friend, a path of length 1, and tiny paths
    tests.append([(1, 1, 1, 0, 0), (2, 2, 2, 1, 0), (2, 1, 2, 1, 1), (3, 2, 3, 1, 0), (3, 3, 5, 2, 4)])
    # 2: everyone at the same point (a = 0), large n
    tests.append([(MAXN // 2, MAXN // 2, MAXL, 0, MAXL - 1)])
    # 3: evenly spread friends (a coprime to L, n = L): the answer is k - 1
    tests.append([(1000, k, 1000, 7, 3) for k in (1, 2, 500, 999, 1000)] + [(997, 997, 997, 996, 996)])
    # 4: the best arc passes the boathouse
    tests.append([(10, 4, 100, 1, 95), (6, 3, 50, 10, 41), (20, 20, 1000, 1, 990), (5, 2, 10**9, 2 * 10**8, 10**9 - 10)])
    # 5: many small random test cases (the largest t)
    cases = []
    for _ in range(MAXT):
        length = rng.randint(1, 30)
        n = rng.randint(1, 20)
        cases.append((n, rng.randint(1, n), length, rng.randint(0, length - 1), rng.randint(0, length - 1)))
    tests.append(cases)
    # 6: random medium cases over the whole range
    cases = []
    for _ in range(40):
        length = rng.randint(1, MAXL)
        n = rng.randint(1, 3000)
        cases.append((n, rng.randint(1, n), length, rng.randint(0, length - 1), rng.randint(0, length - 1)))
    tests.append(cases)
    # 7: maximal: one test case, n = 2 * 10^5, the largest L and a (a * i exceeds 2^32)
    tests.append([(MAXN, MAXN // 3, MAXL, MAXL - 1, MAXL - 2)])
    # 8: maximal n, k = n: the photo must show everyone
    tests.append([(MAXN, MAXN, MAXL - 7, 999_999_937 % (MAXL - 7), 123_456_789)])
    # 9: a divides L: friends cycle over a few points
    tests.append([(50_000, 20_000, 10**9, 10**8, 5), (50_000, 1, 10**9, 10**8, 5), (50_000, 5001, 10**9, 10**8, 5)])
    # 10: n much larger than L: heavy duplicates
    tests.append([(50_000, k, 17, 5, 3) for k in (1, 2942, 2943, 49_999)])
    # 11: k = 1 always gives 0; k = 2 with distinct far points
    tests.append([(1000, 1, MAXL, 987_654_321, 0), (3, 2, MAXL, 333_333_333, 0)])

    for i, cases in enumerate(tests, 1):
        assert 1 <= len(cases) <= MAXT and sum(c[0] for c in cases) <= MAXN
        for n, k, length, a, b in cases:
            assert 1 <= k <= n <= MAXN and 1 <= length <= MAXL and 0 <= a < length and 0 <= b < length
        body = "".join(" ".join(map(str, c)) + "\n" for c in cases)
        (out / f"{i:02d}.in").write_text(f"{len(cases)}\n{body}")


main()
