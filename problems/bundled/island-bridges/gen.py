"""Hidden tests for island-bridges: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import sys

MAXN = 10**4
MAXM = 10**4


def write(out_dir, index, n, edges):
    assert 2 <= n <= MAXN and 1 <= len(edges) <= MAXM
    assert all(1 <= u <= n and 1 <= v <= n and u != v for u, v in edges)
    lines = [f"{n} {len(edges)}"] + [f"{u} {v}" for u, v in edges]
    with open(os.path.join(out_dir, f"{index:02d}.in"), "w") as f:
        f.write("\n".join(lines) + "\n")


def rand_pair(rng, lo, hi):
    while True:
        u, v = rng.randint(lo, hi), rng.randint(lo, hi)
        if u != v:
            return u, v


def main():
    out_dir = sys.argv[1]
    rng = random.Random(16001600)
    tests = []
    tests.append((2, [(1, 2)]))                                  # minimum
    tests.append((2, [(2, 1), (1, 2), (2, 1), (1, 2)]))          # the same bridge again and again
    tests.append((800, [(i, i + 1) for i in range(1, 800)]))   # a path built in order
    n = 1200
    path = [(i + 1, i) for i in range(n - 1, 0, -1)]
    path += [rand_pair(rng, 1, n) for _ in range(300)]
    tests.append((n, path))                                      # a path built backwards, then redundant bridges
    n = 800
    centre = rng.randint(1, n)
    star = [(centre, v) if rng.random() < 0.5 else (v, centre) for v in range(1, n + 1) if v != centre]
    rng.shuffle(star)
    tests.append((n, star))                                      # a star in random order
    tests.append((MAXN, [rand_pair(rng, 1, 40) for _ in range(800)]))  # big archipelago, bridges only among 40 islands
    n = 600
    edges = [rand_pair(rng, 1, 300) for _ in range(700)] + [rand_pair(rng, 301, 600) for _ in range(700)]
    rng.shuffle(edges)
    edges += [(rng.randint(1, 300), rng.randint(301, 600)) for _ in range(5)]
    tests.append((n, edges))                                     # two halves, then joined
    tests.append((50, [rand_pair(rng, 1, 50) for _ in range(2000)]))  # few islands, many bridges
    n = 3000
    tests.append((n, [rand_pair(rng, 1, n) for _ in range(1500)]))   # random, sparse
    perm = list(range(1, MAXN + 1))
    rng.shuffle(perm)
    spanning = [(perm[rng.randint(0, i - 1)], perm[i]) for i in range(1, MAXN)]
    rng.shuffle(spanning)
    spanning.append(rand_pair(rng, 1, MAXN))
    tests.append((MAXN, spanning))                               # maximal: a random spanning tree plus one extra bridge
    tests.append((MAXN, [rand_pair(rng, 1, MAXN) for _ in range(2000)]))  # many islands, random bridges

    for i, (n, edges) in enumerate(tests, 1):
        write(out_dir, i, n, edges)


main()
