"""Hidden tests for task-order: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import sys

MAXN = 10**4
MAXM = 10**4


def write(out_dir, index, n, edges):
    assert 1 <= n <= MAXN and 0 <= len(edges) <= MAXM
    assert all(1 <= a <= n and 1 <= b <= n and a != b for a, b in edges)
    lines = [f"{n} {len(edges)}"] + [f"{a} {b}" for a, b in edges]
    with open(os.path.join(out_dir, f"{index:02d}.in"), "w") as f:
        f.write("\n".join(lines) + "\n")


def random_dag(rng, n, m):
    """m random requirements consistent with a hidden random order of the tasks."""
    order = list(range(1, n + 1))
    rng.shuffle(order)
    edges = []
    while len(edges) < m:
        i, j = rng.randint(0, n - 1), rng.randint(0, n - 1)
        if i != j:
            i, j = min(i, j), max(i, j)
            edges.append((order[i], order[j]))
    return edges


def main():
    out_dir = sys.argv[1]
    rng = random.Random(17001700)
    tests = []
    tests.append((1, []))                                                   # a single task
    tests.append((2, [(1, 2), (2, 1)]))                                     # two tasks waiting for each other
    tests.append((3, [(3, 1)]))                                             # 2 3 1, not 3 1 2
    tests.append((2000, []))                                                # no requirements
    n = 2000
    tests.append((n, [(i + 1, i) for i in range(n - 1, 0, -1)]))            # a chain n -> ... -> 1
    n = 2000
    tests.append((n, [(v, 1) for v in range(2, n + 1)]))                    # task 1 waits for everything
    n = 1500
    tests.append((n, [(1, v) for v in range(n, 1, -1)] + [(n, 2)]))         # task 1 first, then a star
    n = 1500
    edges = [(i, i % n + 1) for i in range(1, n + 1)]
    rng.shuffle(edges)
    tests.append((n, edges))                                                # one big cycle through all tasks
    n = 2000
    edges = random_dag(rng, n, 2500)
    a, b = edges[0]
    edges.append((b, a))                                                    # a single contradiction hidden in a DAG
    rng.shuffle(edges)
    tests.append((n, edges))
    n = 400
    edges = random_dag(rng, n, 300)
    tests.append((n, edges + edges[:200]))                                  # repeated requirements
    # Trap for the reversed greedy: pairs (2i+1 -> 2i) give different answers.
    n = 1000
    tests.append((n, [(v, v - 1) for v in range(n, 1, -2)]))
    n = 300
    edges = random_dag(rng, n, 2000)                                        # dense DAG
    tests.append((n, edges))
    # Maximal: 10^4 tasks, 10^4 requirements, a random DAG.
    tests.append((MAXN, random_dag(rng, MAXN, MAXM)))

    for i, (n, edges) in enumerate(tests, 1):
        write(out_dir, i, n, edges)


main()
