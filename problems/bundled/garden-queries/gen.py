"""Hidden tests for Garden Queries: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ...

Test 12 is the maximal one (n = q = 2 * 10^5, half of the queries cover almost the whole path), the
large-input test that needs fast input and output and defeats the O(n * q) brute force; its blossom
counts are kept small so that the file stays near 3 MB. Test 11 has the largest blossom counts.
"""
import os
import random
import sys

MAX_N = 2 * 10 ** 5
MAX_Q = 2 * 10 ** 5
MAX_A = 10 ** 9


def render(a, queries):
    n, q = len(a), len(queries)
    assert 1 <= n <= MAX_N and 1 <= q <= MAX_Q
    assert all(0 <= x <= MAX_A for x in a)
    assert all(1 <= l <= r <= n for l, r in queries)
    parts = [f"{n} {q}\n", " ".join(map(str, a)), "\n"]
    parts.append("".join(f"{l} {r}\n" for l, r in queries))
    return "".join(parts)


def random_query(rng, n):
    l = rng.randint(1, n)
    r = rng.randint(1, n)
    return (min(l, r), max(l, r))


def main():
    out_dir = sys.argv[1]
    rng = random.Random(2005)
    tests = []
    # minimum
    tests.append(([0], [(1, 1)]))
    tests.append(([MAX_A], [(1, 1)]))
    # small random
    a = [rng.randint(0, 20) for _ in range(10)]
    tests.append((a, [(l, r) for l in range(1, 11) for r in range(l, 11)]))
    # all beds empty
    tests.append(([0] * 1000, [random_query(rng, 1000) for _ in range(1000)]))
    # all beds equal, single-bed and whole-path queries
    n = 500
    tests.append(([7] * n, [(i, i) for i in range(1, n + 1)] + [(1, n)] * 10))
    # a single bed, many visitors
    tests.append(([123456789], [(1, 1)] * 1000))
    # random medium
    n = 2000
    tests.append(([rng.randint(0, MAX_A) for _ in range(n)], [random_query(rng, n) for _ in range(2000)]))
    # prefixes and suffixes only
    n = 3000
    a = [rng.randint(0, 1000) for _ in range(n)]
    tests.append((a, [(1, rng.randint(1, n)) for _ in range(1500)] + [(rng.randint(1, n), n) for _ in range(1500)]))
    # sparse non-zero beds
    n = 5000
    a = [rng.choice([0] * 9 + [MAX_A]) for _ in range(n)]
    tests.append((a, [random_query(rng, n) for _ in range(3000)]))
    # a few queries over a long path
    n = 50000
    tests.append(([rng.randint(0, 9) for _ in range(n)], [(1, n), (2, n - 1), (n // 2, n // 2 + 1), (n, n)]))
    # largest blossom counts: totals far beyond 32 bits
    n = 10000
    a = [rng.randint(MAX_A - 1000, MAX_A) for _ in range(n)]
    a[0] = a[-1] = MAX_A
    queries = [random_query(rng, n) for _ in range(9990)] + [(1, n)] * 10
    rng.shuffle(queries)
    tests.append((a, queries))
    # maximal: n = q = 2 * 10^5; half of the queries nearly cover the path, half are short
    n = MAX_N
    a = [rng.randint(0, 9) for _ in range(n)]
    queries = []
    for _ in range(MAX_Q // 2):
        queries.append((rng.randint(1, 99), rng.randint(n - 99, n)))
        l = rng.randint(1, 95)
        queries.append((l, l + rng.randint(0, 4)))
    rng.shuffle(queries)
    tests.append((a, queries))
    os.makedirs(out_dir, exist_ok=True)
    for i, (a, queries) in enumerate(tests, 1):
        with open(os.path.join(out_dir, f"{i:02d}.in"), "w") as f:
            f.write(render(a, queries))


main()
