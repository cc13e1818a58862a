"""Hidden tests for The Night Shuttle: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import sys

MAX_N = 10 ** 5
MAX_M = 5000
MAX_C = 10 ** 9
MAX_K = 10 ** 9


def render(n, c, groups):
    assert 2 <= n <= MAX_N and 1 <= len(groups) <= MAX_M and 1 <= c <= MAX_C
    assert all(1 <= s < e <= n and 1 <= k <= MAX_K for s, e, k in groups)
    return f"{n} {len(groups)} {c}\n" + "".join(f"{s} {e} {k}\n" for s, e, k in groups)


def random_group(rng, n, max_k, max_span=None):
    s = rng.randint(1, n - 1)
    hi = n if max_span is None else min(n, s + max_span)
    return (s, rng.randint(s + 1, hi), rng.randint(1, max_k))


def main():
    out_dir = sys.argv[1]
    rng = random.Random(9001)
    tests = []
    # minimum
    tests.append((2, 1, [(1, 2, 1)]))
    tests.append((2, 1, [(1, 2, MAX_K)]))
    # everybody fits into a huge shuttle
    n = 1000
    tests.append((n, MAX_C, [random_group(rng, n, 1000) for _ in range(500)]))
    # small random tests with a small shuttle, groups in random order
    n = 8
    tests.append((n, 3, [random_group(rng, n, 3) for _ in range(12)]))
    n = 30
    tests.append((n, 10, [random_group(rng, n, 6, 5) for _ in range(60)]))
    # one seat, many groups
    n = 200
    tests.append((n, 1, [random_group(rng, n, 5, 3) for _ in range(1000)]))
    # a relay: each group gets off exactly where the next one boards, listed backwards
    n = 2001
    tests.append((n, 7, [(i, i + 1, 7) for i in range(n - 1, 0, -1)][:MAX_M]))
    # everyone rides from the first stop to the last one
    n = MAX_N
    tests.append((n, 12345, [(1, n, rng.randint(1, 100)) for _ in range(300)]))
    # order inside a stop matters later: short and long trips share a stop
    groups = []
    for s in range(1, 400, 4):
        groups.append((s, s + 3, 5))
        groups.append((s, s + 1, 5))
        groups.append((s + 1, s + 4, 5))
    rng.shuffle(groups)
    tests.append((404, 8, groups))
    # many groups at few stops, moderate numbers
    n = 50
    tests.append((n, 1000, [random_group(rng, n, 400, 6) for _ in range(2000)]))
    # groups listed sorted by stop
    n = 10 ** 4
    groups = sorted(random_group(rng, n, 50, 30) for _ in range(3000))
    tests.append((n, 120, groups))
    # maximal: the largest stops, groups, seats and sizes; the answer needs 64 bits
    n = MAX_N
    groups = [random_group(rng, n, MAX_K, 2000) for _ in range(MAX_M - 10)] + [(1, 2, MAX_K)] * 10
    rng.shuffle(groups)
    tests.append((n, MAX_C, groups))
    # maximal m with short trips over few stops and a small shuttle
    n = 300
    tests.append((n, 50, [random_group(rng, n, 30, 4) for _ in range(MAX_M)]))
    os.makedirs(out_dir, exist_ok=True)
    for i, (n, c, groups) in enumerate(tests, 1):
        with open(os.path.join(out_dir, f"{i:02d}.in"), "w") as f:
            f.write(render(n, c, groups))


main()
