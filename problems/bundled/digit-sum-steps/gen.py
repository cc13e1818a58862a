"""Hidden tests for Shrinking Counter: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""

import random
import sys
from pathlib import Path

MAXT = 10**4
MAXN = 10**7
MAXSUM = 10**7


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(9090)
    tests = []

    # 1: the smallest input
    tests.append([1])
    # 2: every single-digit number and a few two-digit ones
    tests.append(list(range(1, 100)))
    # 3: the largest n in a single test case
    tests.append([MAXN])
    # 4: numbers made of nines and powers of ten
    tests.append([9, 99, 999, 9999, 99999, 999999, 6999999, 10, 100, 1000, 10000, 100000, 1000000])
    # 5: the largest t, small numbers (including many equal ones)
    tests.append([rng.randint(1, 1000) for _ in range(MAXT - 2000)] + [1] * 2000)
    # 6: maximal: t = 10^4 and the sum of n exactly 10^7
    a = [rng.randint(1, 1999) for _ in range(MAXT)]
    diff = MAXSUM - sum(a)
    i = 0
    while diff != 0:
        step = max(-(a[i] - 1), min(diff, 1999 - a[i]))
        a[i] += step
        diff -= step
        i += 1
    tests.append(a)
    # 7: a few big random numbers
    a = []
    while True:
        v = rng.randint(10**6, 3 * 10**6)
        if sum(a) + v > MAXSUM:
            break
        a.append(v)
    tests.append(a)
    # 8: medium random numbers
    tests.append([rng.randint(1, 10**5) for _ in range(90)])
    # 9: two large numbers whose sum is exactly 10^7
    tests.append([9999999, 1])
    # 10: all equal numbers
    tests.append([54321] * 150)
    # 11: numbers just below and above powers of ten
    a = []
    for p in range(1, 7):
        a += [10**p - 1, 10**p, 10**p + 1]
    tests.append(a)

    for i, a in enumerate(tests, 1):
        assert 1 <= len(a) <= MAXT and all(1 <= v <= MAXN for v in a) and sum(a) <= MAXSUM
        (out / f"{i:02d}.in").write_text(f"{len(a)}\n" + "".join(f"{v}\n" for v in a))


main()
