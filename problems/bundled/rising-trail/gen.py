"""Hidden tests for rising-trail: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import sys

MAXN = 2 * 10**4
MAXH = 10**6


def write(out_dir, index, h):
    assert 1 <= len(h) <= MAXN and all(1 <= x <= MAXH for x in h)
    with open(os.path.join(out_dir, f"{index:02d}.in"), "w") as f:
        f.write(f"{len(h)}\n{' '.join(map(str, h))}\n")


def main():
    out_dir = sys.argv[1]
    rng = random.Random(170017)
    tests = []
    tests.append([1])                                            # minimum n, minimum value
    tests.append([MAXH])                                         # minimum n, maximum value
    tests.append([4, 4])                                         # equal pair: answer 1
    tests.append([7] * 4000)                                     # all equal
    tests.append(list(range(1000, 0, -1)))                       # strictly decreasing
    tests.append(list(range(MAXH - 1499, MAXH + 1)))             # strictly increasing up to the maximum
    tests.append([v for i in range(1, 1501) for v in (i, i)])    # every altitude twice, increasing
    tests.append([rng.randint(1, 10) for _ in range(3000)])      # tiny value range, many repeats
    zig = []
    for i in range(1000):
        zig.append(2 * i + 2)
        zig.append(2 * i + 1)
    tests.append(zig)                                            # zigzag 2 1 4 3 6 5 ...
    tests.append([1 if i % 2 == 0 else MAXH for i in range(2000)])  # only the two extreme values
    walk, x = [], MAXH // 2
    for _ in range(2500):
        x = min(MAXH, max(1, x + rng.randint(-3, 4)))
        walk.append(x)
    tests.append(walk)                                           # random walk with repeats
    tests.append([rng.randint(1, MAXH) for _ in range(1000)])   # random
    blocks = []
    for b in range(50):
        base = rng.randint(1, MAXH - 100)
        blocks.extend(sorted(rng.randint(base, base + 100) for _ in range(40)))
    tests.append(blocks)                                         # sorted blocks at random heights
    tests.append([rng.randint(MAXH - 50, MAXH) for _ in range(4000)])  # near-maximal values, heavy repeats
    tests.append([rng.randint(1, MAXH) for _ in range(MAXN)])   # maximal random

    for i, h in enumerate(tests, 1):
        write(out_dir, i, h)


main()
