"""Hidden tests for Mirror Halls: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""

import random
import sys
from pathlib import Path

MAXN = 300


def random_maze(rng, n, m, p_wall, p_mirror, letters):
    g = [["." for _ in range(m)] for _ in range(n)]
    for i in range(n):
        for j in range(m):
            x = rng.random()
            if x < p_wall:
                g[i][j] = "#"
            elif x < p_wall + p_mirror:
                g[i][j] = rng.choice(letters)
    return g


def put_s_e(rng, g):
    n, m = len(g), len(g[0])
    cells = rng.sample(range(n * m), 2)
    (a, b), (c, d) = divmod(cells[0], m), divmod(cells[1], m)
    g[a][b] = "S"
    g[c][d] = "E"


def snake(n, m):
    """A single long corridor winding through the whole grid."""
    g = [["#"] * m for _ in range(n)]
    for i in range(0, n, 2):
        for j in range(m):
            g[i][j] = "."
        if i + 1 < n:
            j = m - 1 if (i // 2) % 2 == 0 else 0
            g[i + 1][j] = "."
    return g


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(60606)
    tests = []

    # 1: the smallest museum, exit next to the start
    tests.append([list("SE")])
    # 2: one column, exit blocked off
    tests.append([["S"], ["."], ["#"], ["E"]])
    # 3: a wall splits the museum, a pair of mirrors bridges it
    g = [["." for _ in range(20)] for _ in range(10)]
    for i in range(10):
        g[i][10] = "#"
    g[0][0], g[9][19] = "S", "E"
    g[5][3], g[2][17] = "k", "k"
    tests.append(g)
    # 4: a wall splits the museum, the mirrors on the two sides have different letters
    g = [["." for _ in range(20)] for _ in range(10)]
    for i in range(10):
        g[i][10] = "#"
    g[0][0], g[9][19] = "S", "E"
    g[5][3], g[2][17] = "k", "q"
    tests.append(g)
    # 5: mirrors exist but walking is faster
    g = [["." for _ in range(30)] for _ in range(3)]
    g[1][0], g[1][2] = "S", "E"
    g[0][0], g[0][29], g[2][29], g[2][1] = "z", "z", "z", "z"
    tests.append(g)
    # 6: a chain of mirrors through several sealed chambers
    n, m = 5, 49
    g = [["." for _ in range(m)] for _ in range(n)]
    for wall_col in range(6, m, 7):
        for i in range(n):
            g[i][wall_col] = "#"
    letters = "abcdefgh"
    for k in range(7):
        left = 7 * k
        g[0][left] = letters[k] if k > 0 else "."
        g[n - 1][left + 5] = letters[k + 1] if k < 6 else "."
    g[2][0], g[2][m - 1] = "S", "E"
    tests.append(g)
    # 7: a lone mirror letter with no partner, exit unreachable
    g = [list("S.a#...E"), list("..#b#..."), list("###..b..")]
    tests.append(g)
    # 8: random maze, few mirrors
    g = random_maze(rng, 60, 80, 0.3, 0.01, "abc")
    put_s_e(rng, g)
    tests.append(g)
    # 9: random maze, many walls, many letters
    g = random_maze(rng, 100, 100, 0.45, 0.05, "abcdefghijklmnopqrstuvwxyz")
    put_s_e(rng, g)
    tests.append(g)
    # 10: maximal: almost every room has the same mirror (slow if mirrors are rescanned)
    g = [["a"] * MAXN for _ in range(MAXN)]
    g[0][0], g[MAXN - 1][MAXN - 1] = "S", "E"
    tests.append(g)
    # 11: maximal: one long corridor, no mirrors, the longest walk
    g = snake(MAXN, MAXN)
    g[0][0] = "S"
    g[MAXN - 1][MAXN - 1 if ((MAXN - 1) // 2) % 2 == 0 else 0] = "E"
    tests.append(g)
    # 12: random medium maze with the exit sealed by walls
    g = random_maze(rng, 50, 50, 0.2, 0.02, "xy")
    g[25][25] = "E"
    for dr, dc in ((0, 1), (0, -1), (1, 0), (-1, 0)):
        g[25 + dr][25 + dc] = "#"
    g[0][0] = "S"
    tests.append(g)

    # 13: three mirrors with the same letter, two on the start side
    g = [["." for _ in range(20)] for _ in range(10)]
    for i in range(10):
        g[i][10] = "#"
    g[0][0], g[9][19] = "S", "E"
    g[5][3], g[6][6], g[2][17] = "k", "q", "q"
    tests.append(g)
    for i, g in enumerate(tests, 1):
        n, m = len(g), len(g[0])
        flat = "".join("".join(r) for r in g)
        assert 1 <= n <= MAXN and 1 <= m <= MAXN and n * m >= 2 and all(len(r) == m for r in g)
        assert flat.count("S") == 1 and flat.count("E") == 1
        assert set(flat) <= set(".#SEabcdefghijklmnopqrstuvwxyz")
        body = "".join("".join(r) + "\n" for r in g)
        (out / f"{i:02d}.in").write_text(f"{n} {m}\n{body}")


main()
