"""Hidden tests for Orchard Walk: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""

import random
import sys
from pathlib import Path

MAXN = 300


def random_grid(rng, n, m, p):
    g = [["#" if rng.random() < p else "." for _ in range(m)] for _ in range(n)]
    g[0][0] = "."
    g[n - 1][m - 1] = "."
    return g


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(300300)
    tests = []

    # 1: a single free plot: one (empty) route
    tests.append([["."]])
    # 2: a single plot with a beehive
    tests.append([["#"]])
    # 3: one row, free
    tests.append([["."] * 300])
    # 4: one column with a beehive in the middle
    g = [["."] for _ in range(300)]
    g[150][0] = "#"
    tests.append(g)
    # 5: beehive at the start, the rest free
    g = [["."] * 40 for _ in range(30)]
    g[0][0] = "#"
    tests.append(g)
    # 6: beehive only at the finish
    g = [["."] * 30 for _ in range(40)]
    g[39][29] = "#"
    tests.append(g)
    # 7: a wall with one gap
    g = [["."] * 50 for _ in range(50)]
    for i in range(50):
        g[i][25] = "#"
    g[17][25] = "."
    tests.append(g)
    # 8: a diagonal wall blocks everything
    g = [["."] * 60 for _ in range(60)]
    for i in range(60):
        g[i][59 - i] = "#"
    tests.append(g)
    # 9: random, sparse beehives
    tests.append(random_grid(rng, 120, 170, 0.05))
    # 10: random, dense beehives
    tests.append(random_grid(rng, 150, 100, 0.2))
    # 11: maximal: 300 x 300 with no beehives at all
    tests.append([["."] * MAXN for _ in range(MAXN)])
    # 12: maximal size with scattered beehives
    tests.append(random_grid(rng, MAXN, MAXN, 0.03))

    for i, g in enumerate(tests, 1):
        n, m = len(g), len(g[0])
        assert 1 <= n <= MAXN and 1 <= m <= MAXN and all(len(r) == m and set(r) <= {".", "#"} for r in g)
        body = "".join("".join(r) + "\n" for r in g)
        (out / f"{i:02d}.in").write_text(f"{n} {m}\n{body}")


main()
