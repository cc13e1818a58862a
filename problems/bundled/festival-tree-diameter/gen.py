"""Hidden tests for festival-tree-diameter: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import sys

MAXN = 5000
MAXW = 10**9


def write(out_dir, index, n, edges):
    assert 1 <= n <= MAXN and len(edges) == n - 1
    parent = list(range(n + 1))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for u, v, w in edges:
        assert 1 <= u <= n and 1 <= v <= n and u != v and 1 <= w <= MAXW
        a, b = find(u), find(v)
        assert a != b
        parent[a] = b
    lines = [str(n)] + [f"{u} {v} {w}" for u, v, w in edges]
    with open(os.path.join(out_dir, f"{index:02d}.in"), "w") as f:
        f.write("\n".join(lines) + "\n")


def shuffled(rng, n, edges):
    """Random vertex names, edge order and edge direction."""
    perm = list(range(1, n + 1))
    rng.shuffle(perm)
    out = []
    for u, v, w in edges:
        a, b = perm[u - 1], perm[v - 1]
        if rng.random() < 0.5:
            a, b = b, a
        out.append((a, b, w))
    rng.shuffle(out)
    return out


def main():
    out_dir = sys.argv[1]
    rng = random.Random(5005)
    tests = []
    tests.append((1, []))                                                   # a single stage
    tests.append((2, [(2, 1, MAXW)]))                                       # two stages, longest path
    tests.append((3, [(1, 2, 1), (1, 3, 1)]))                               # tiny star
    # Maximal: a path of n stages with maximal lengths, in order from stage 1 (deep recursion).
    tests.append((MAXN, [(i, i + 1, MAXW) for i in range(1, MAXN)]))
    # A path with random lengths and random names.
    n = 1500
    tests.append((n, shuffled(rng, n, [(i, i + 1, rng.randint(1, MAXW)) for i in range(1, n)])))
    # A star: the answer is the sum of the two longest spokes.
    n = 1500
    tests.append((n, shuffled(rng, n, [(1, v, rng.randint(1, MAXW)) for v in range(2, n + 1)])))
    # Hop-count trap: a long chain of short paths versus two short, very long branches.
    n = 1200
    edges = [(i, i + 1, 1) for i in range(1, 1000)]
    edges += [(500, 1001, MAXW), (1001, 1002, MAXW)]
    edges += [(rng.randint(1, 1002), v, rng.randint(1, 5)) for v in range(1003, n + 1)]
    tests.append((n, shuffled(rng, n, edges)))
    # Broom: a path with a star at its end.
    n = 1300
    edges = [(i, i + 1, rng.randint(1, 1000)) for i in range(1, 1100)]
    edges += [(1100, v, rng.randint(1, MAXW)) for v in range(1101, n + 1)]
    tests.append((n, shuffled(rng, n, edges)))
    # Caterpillar: a spine with one leaf per spine vertex.
    n = 1200
    edges = [(i, i + 1, rng.randint(1, MAXW)) for i in range(1, 600)]
    edges += [(i, 600 + i, rng.randint(1, MAXW)) for i in range(1, 601)]
    tests.append((n, shuffled(rng, n, edges)))
    # Complete binary tree with equal lengths.
    n = 1023
    tests.append((n, shuffled(rng, n, [(v // 2, v, 7) for v in range(2, n + 1)])))
    # Random recursive tree, all lengths 1.
    n = 1500
    tests.append((n, shuffled(rng, n, [(rng.randint(1, v - 1), v, 1) for v in range(2, n + 1)])))
    # Random tree with large lengths; long random chains attached (deep but not a single path).
    n = 1500
    edges = []
    for v in range(2, n + 1):
        p = v - 1 if rng.random() < 0.9 else rng.randint(1, v - 1)
        edges.append((p, v, rng.randint(1, MAXW)))
    tests.append((n, shuffled(rng, n, edges)))

    for i, (n, edges) in enumerate(tests, 1):
        write(out_dir, i, n, edges)


main()
