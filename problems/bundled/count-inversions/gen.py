"""Hidden tests for count-inversions: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import sys

MAXK = 10**4
MAXV = 10**9
MAXC = 2 * 10**5


def write(out_dir, index, groups):
    assert 1 <= len(groups) <= MAXK
    assert all(1 <= v <= MAXV and 1 <= c <= MAXC for v, c in groups)
    lines = [str(len(groups))] + [f"{v} {c}" for v, c in groups]
    with open(os.path.join(out_dir, f"{index:02d}.in"), "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    out_dir = sys.argv[1]
    rng = random.Random(19001900)
    tests = []
    tests.append([(1, 1)])                                                 # a single book
    tests.append([(MAXV, MAXC)])                                           # one big group: already sorted
    tests.append([(MAXV, MAXC), (1, MAXC)])                                # two groups in the wrong order
    tests.append([(7, rng.randint(1, MAXC)) for _ in range(500)])         # every book has the same number
    tests.append([(i * 1000, rng.randint(1, MAXC)) for i in range(1, 501)])   # already sorted
    tests.append([(1 + i % 2, MAXC) for i in range(600)])                   # 1, 2, 1, 2, ... with big groups
    tests.append([(rng.randint(1, MAXV), 1) for _ in range(1500)])        # plain permutation-like sequence
    tests.append([(rng.randint(1, 5), rng.randint(1, 10)) for _ in range(1500)])  # tiny value range, many ties
    groups = []
    for _ in range(400):
        v = rng.randint(1, 50)
        for _ in range(rng.randint(1, 3)):
            groups.append((v, rng.randint(1, MAXC)))                       # neighbouring groups with equal numbers
    tests.append(groups)
    tests.append([(rng.randint(1, MAXV), rng.randint(1, MAXC)) for _ in range(1000)])  # random
    # Maximal: 10^4 groups of 2 * 10^5 books in strictly decreasing order (about 2 * 10^18 swaps).
    vals = sorted(rng.sample(range(MAXV - 10**6, MAXV + 1), MAXK), reverse=True)
    tests.append([(v, MAXC) for v in vals])

    for i, groups in enumerate(tests, 1):
        write(out_dir, i, groups)


main()
