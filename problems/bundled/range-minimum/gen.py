"""Hidden tests for range-minimum: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import sys

MAXT = 1000
MAXN = 5000
MAXQ = 5000
LIM = 10**9


def write(out_dir, index, cases):
    assert 1 <= len(cases) <= MAXT
    assert sum(len(a) for a, _ in cases) <= MAXN and sum(len(qs) for _, qs in cases) <= MAXQ
    lines = [str(len(cases))]
    for a, qs in cases:
        n = len(a)
        assert 1 <= n and 1 <= len(qs) and all(-LIM <= x <= LIM for x in a)
        assert all(1 <= l <= r <= n for l, r in qs)
        lines.append(f"{n} {len(qs)}")
        lines.append(" ".join(map(str, a)))
        lines.extend(f"{l} {r}" for l, r in qs)
    with open(os.path.join(out_dir, f"{index:02d}.in"), "w") as f:
        f.write("\n".join(lines) + "\n")


def rand_queries(rng, n, q):
    qs = []
    for _ in range(q):
        l, r = rng.randint(1, n), rng.randint(1, n)
        qs.append((min(l, r), max(l, r)))
    return qs


def main():
    out_dir = sys.argv[1]
    rng = random.Random(31415926)
    tests = []
    # 1: the smallest input.
    tests.append([([-LIM], [(1, 1)])])
    # 2: the largest value in a single day.
    tests.append([([LIM], [(1, 1)])])
    # 3: many tiny logs, every possible question asked.
    cases = []
    for _ in range(400):
        n = rng.randint(1, 4)
        a = [rng.randint(-5, 5) for _ in range(n)]
        qs = [(l, r) for l in range(1, n + 1) for r in range(l, n + 1)]
        cases.append((a, qs[:10]))
    while sum(len(q) for _, q in cases) > MAXQ:
        cases.pop()
    tests.append(cases)
    # 4: lengths that are powers of two, positive values, whole-log questions included.
    cases = []
    for p in range(0, 10):
        n = 1 << p
        a = [rng.randint(1, LIM) for _ in range(n)]
        cases.append((a, [(1, n)] + rand_queries(rng, n, 40)))
    tests.append(cases)
    # 5: powers of two again, all values negative.
    cases = []
    for p in range(0, 10):
        n = 1 << p
        a = [rng.randint(-LIM, -1) for _ in range(n)]
        cases.append((a, [(1, n), (1, max(1, n // 2)), (n // 2 + 1 if n > 1 else 1, n)] + rand_queries(rng, n, 30)))
    tests.append(cases)
    # 6: all temperatures equal.
    tests.append([([-123456789] * 800, rand_queries(rng, 800, 300))])
    # 7: strictly increasing and strictly decreasing logs.
    n = 600
    tests.append([(list(range(-n, 0)), rand_queries(rng, n, 200)),
                  (list(range(LIM, LIM - n, -1)), rand_queries(rng, n, 200))])
    # 8: only the two extreme values.
    n = 800
    a = [LIM] * n
    for i in rng.sample(range(n), 5):
        a[i] = -LIM
    tests.append([(a, rand_queries(rng, n, 400))])
    # 9: single-day questions only.
    n = 800
    tests.append([([rng.randint(-LIM, LIM) for _ in range(n)], [(i, i) for i in range(1, n + 1)])])
    # 10: short questions on a small range of values.
    n = 1000
    a = [rng.randint(-3, 3) for _ in range(n)]
    qs = []
    for _ in range(600):
        l = rng.randint(1, n)
        qs.append((l, min(n, l + rng.randint(0, 5))))
    tests.append([(a, qs)])
    # 11: maximal: one log with n = q = 5000 and values over the whole range.
    tests.append([([rng.randint(-LIM, LIM) for _ in range(MAXN)], rand_queries(rng, MAXN, MAXQ // 2)
                   + [(1, MAXN)] + [(rng.randint(1, 10), rng.randint(MAXN - 10, MAXN)) for _ in range(MAXQ // 2 - 1)])])

    for i, cases in enumerate(tests, 1):
        write(out_dir, i, cases)


main()
