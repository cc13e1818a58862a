"""Hidden tests for binomial-queries: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import sys

MAXQ = 5000
MAXV = 10**6


def write(out_dir, index, queries):
    assert 1 <= len(queries) <= MAXQ
    assert all(0 <= n <= MAXV and 0 <= k <= MAXV for n, k in queries)
    lines = [str(len(queries))] + [f"{n} {k}" for n, k in queries]
    with open(os.path.join(out_dir, f"{index:02d}.in"), "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    out_dir = sys.argv[1]
    rng = random.Random(1000000007)
    tests = []
    tests.append([(0, 0)])                                                 # the empty blend from an empty shelf
    tests.append([(0, 1), (0, MAXV), (1, 0), (1, 1), (1, 2), (2, 1), (MAXV, 0), (MAXV, 1), (MAXV, MAXV),
                  (MAXV - 1, MAXV), (MAXV, MAXV - 1), (MAXV, MAXV // 2), (MAXV, 2), (999999, 499999)])
    tests.append([(n, k) for n in range(0, 31) for k in range(0, n + 3)])  # Pascal's triangle, a bit past each row
    tests.append([(n, k) for n in range(60, 66) for k in range(0, 70)])    # values above 2^63 before reduction
    # Large n, k near the ends of the row.
    qs = []
    for _ in range(400):
        n = rng.randint(MAXV - 1000, MAXV)
        k = rng.choice([rng.randint(0, 20), rng.randint(n - 20, n)])
        qs.append((n, k))
    tests.append(qs)
    # Many questions with k > n.
    qs = []
    for _ in range(600):
        k = rng.randint(1, MAXV)
        qs.append((rng.randint(0, k - 1), k))
    tests.append(qs)
    # Random small and medium questions.
    qs = []
    for _ in range(800):
        n = rng.randint(0, 2000)
        qs.append((n, rng.randint(0, n)))
    tests.append(qs)
    # The same question many times.
    tests.append([(777777, 333333)] * 300)
    # Mixed random questions over the whole range.
    qs = []
    for _ in range(600):
        qs.append((rng.randint(0, MAXV), rng.randint(0, MAXV)))
    tests.append(qs)
    # Maximal: 5000 questions with n close to 10^6 and k around the middle (worst case for per-question loops).
    qs = []
    for _ in range(MAXQ):
        n = rng.randint(MAXV - 5000, MAXV)
        qs.append((n, rng.randint(n // 3, n - n // 3)))
    tests.append(qs)

    for i, qs in enumerate(tests, 1):
        write(out_dir, i, qs)


main()
