"""Hidden tests for toll-roads: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import sys

MAXN = 5000
MAXM = 5000
MAXW = 10**9


def write(out_dir, index, n, edges):
    assert 2 <= n <= MAXN and 0 <= len(edges) <= MAXM
    lines = [f"{n} {len(edges)}"]
    for u, v, w in edges:
        assert 1 <= u <= n and 1 <= v <= n and u != v and 1 <= w <= MAXW
        lines.append(f"{u} {v} {w}")
    with open(os.path.join(out_dir, f"{index:02d}.in"), "w") as f:
        f.write("\n".join(lines) + "\n")


def relabel(rng, n, edges):
    """Shuffle vertex names except 1 and n, and shuffle edge order and direction."""
    perm = list(range(2, n))
    rng.shuffle(perm)
    mapping = {1: 1, n: n}
    for i, v in enumerate(range(2, n)):
        mapping[v] = perm[i]
    out = []
    for u, v, w in edges:
        a, b = mapping[u], mapping[v]
        if rng.random() < 0.5:
            a, b = b, a
        out.append((a, b, w))
    rng.shuffle(out)
    return out


def random_connected(rng, n, m, wlo, whi):
    edges = []
    for v in range(2, n + 1):
        edges.append((rng.randint(1, v - 1), v, rng.randint(wlo, whi)))
    while len(edges) < m:
        u, v = rng.randint(1, n), rng.randint(1, n)
        if u != v:
            edges.append((u, v, rng.randint(wlo, whi)))
    return relabel(rng, n, edges)


def main():
    out_dir = sys.argv[1]
    rng = random.Random(20240611)
    tests = []

    # 1: minimum, no roads at all.
    tests.append((2, []))
    # 2: minimum, a single road with the largest toll.
    tests.append((2, [(2, 1, MAXW)]))
    # 3: parallel roads between the two villages.
    tests.append((2, [(1, 2, 7), (2, 1, 3), (1, 2, 5)]))
    # 4: a long path 1 - 2 - ... - n with maximal tolls (answer far beyond 32 bits).
    n = 800
    tests.append((n, relabel(rng, n, [(i, i + 1, MAXW) for i in range(1, n)])))
    # 5: four expensive roads in a row: the answer just overflows a 32-bit integer.
    tests.append((5, [(1, 2, 600000000), (2, 3, 600000000), (3, 4, 600000000), (4, 5, 600000000), (1, 3, MAXW)]))
    # 6: disconnected: two components, 1 and n on different sides.
    n = 600
    half = n // 2
    edges = []
    for v in range(2, half + 1):
        edges.append((rng.randint(1, v - 1), v, rng.randint(1, MAXW)))
    for v in range(half + 2, n + 1):
        edges.append((rng.randint(half + 1, v - 1), v, rng.randint(1, MAXW)))
    while len(edges) < 900:
        if rng.random() < 0.5:
            u, v = rng.randint(1, half), rng.randint(1, half)
        else:
            u, v = rng.randint(half + 1, n), rng.randint(half + 1, n)
        if u != v:
            edges.append((u, v, rng.randint(1, MAXW)))
    tests.append((n, relabel(rng, n, edges)))
    # 7: the direct road is expensive, a long detour of cheap roads is better (BFS trap).
    n = 500
    edges = [(1, n, MAXW)]
    for i in range(1, n):
        edges.append((i, i + 1, rng.randint(1, 1000)))
    for _ in range(300):
        u, v = rng.randint(1, n), rng.randint(1, n)
        if u != v:
            edges.append((u, v, rng.randint(10**8, MAXW)))
    tests.append((n, relabel(rng, n, edges)))
    # 8: star: every village hangs off village c, the target is reached through the centre.
    n = 700
    c = rng.randint(2, n - 1)
    edges = [(c, v, rng.randint(1, MAXW)) for v in range(1, n + 1) if v != c]
    tests.append((n, edges))
    # 9: star without a road to village n (n is isolated).
    n = 500
    edges = [(1, v, rng.randint(1, MAXW)) for v in range(2, n)]
    tests.append((n, edges))
    # 10: small dense graph with small tolls and many parallel roads.
    n = 60
    edges = []
    while len(edges) < 1200:
        u, v = rng.randint(1, n), rng.randint(1, n)
        if u != v:
            edges.append((u, v, rng.randint(1, 20)))
    tests.append((n, edges))
    # 11: layered graph where the fewest-roads trip is never the cheapest.
    n = 202
    edges = []
    layers = [[1]] + [list(range(2 + 4 * i, 6 + 4 * i)) for i in range(50)] + [[n]]
    for a, b in zip(layers, layers[1:]):
        for u in a:
            for v in b:
                edges.append((u, v, rng.randint(1, MAXW)))
    for _ in range(100):
        u, v = rng.randint(1, n), rng.randint(1, n)
        if u != v:
            edges.append((u, v, MAXW))
    tests.append((n, relabel(rng, n, edges[:MAXM])))
    # 12: maximal random connected graph, tolls up to 10^9.
    tests.append((MAXN, random_connected(rng, MAXN, MAXM, 1, MAXW)))
    # 13: random tree plus a few extra roads, all tolls equal to 10^9.
    tests.append((400, random_connected(rng, 400, 450, MAXW, MAXW)))
    # 14: a 15 x 20 grid with random tolls.
    rows, cols = 15, 20
    n = rows * cols
    edges = []
    for r in range(rows):
        for q in range(cols):
            v = r * cols + q + 1
            if q + 1 < cols:
                edges.append((v, v + 1, rng.randint(1, MAXW)))
            if r + 1 < rows:
                edges.append((v, v + cols, rng.randint(1, MAXW)))
    tests.append((n, relabel(rng, n, edges[:MAXM])))

    for i, (n, edges) in enumerate(tests, 1):
        write(out_dir, i, n, edges)


main()
