"""Hidden tests for Even and Odd Balance: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import sys

MAX_N = 10 ** 4
LIM = 10 ** 9


def render(values):
    assert 1 <= len(values) <= MAX_N
    assert all(-LIM <= v <= LIM for v in values)
    return f"{len(values)}\n{' '.join(map(str, values))}\n"


def with_counts(rng, even, odd, lo, hi):
    """A shuffled list with exactly `even` even and `odd` odd values from [lo, hi]."""
    values = []
    while len(values) < even:
        v = rng.randint(lo, hi)
        if v % 2 == 0:
            values.append(v)
    while len(values) < even + odd:
        v = rng.randint(lo, hi)
        if v % 2 != 0:
            values.append(v)
    rng.shuffle(values)
    return values


def main():
    out_dir = sys.argv[1]
    rng = random.Random(777)
    tests = [
        [0],
        [-1],
        [-LIM],
        [LIM, -LIM + 1],
        [0] * 50,
        [-999999999] * 100,
        [LIM] * 1000,
        with_counts(rng, 40, 60, -LIM, -1),
        with_counts(rng, 51, 50, -100, 100),
        with_counts(rng, 300, 300, -LIM, LIM),
        # negative odd numbers decide the answer (a sign bug flips it)
        with_counts(rng, 30, 0, 0, 1000) + [-1, -3, -5, -7, -9] * 7,
        # maximal: full range of values
        with_counts(rng, 4987, 5013, -LIM, LIM)[:-2] + [-LIM, LIM],
        # maximal n, an exact tie with small values
        with_counts(rng, MAX_N // 2, MAX_N // 2, -9, 9),
    ]
    os.makedirs(out_dir, exist_ok=True)
    for i, values in enumerate(tests, 1):
        with open(os.path.join(out_dir, f"{i:02d}.in"), "w") as f:
            f.write(render(values))


main()
