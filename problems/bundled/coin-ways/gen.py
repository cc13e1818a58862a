"""Hidden tests for Exact Fare: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""

import random
import sys
from pathlib import Path

MAXN = 100
MAXS = 10**4
MAXC = 10**4


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(1357)
    tests = []

    # 1: the smallest input
    tests.append((1, [1]))
    # 2: the only coin is too big
    tests.append((1, [2]))
    # 3: a single coin that fits exactly, the largest values
    tests.append((MAXS, [MAXC]))
    # 4: coins that all exceed the fare
    tests.append((50, list(range(51, 151))))
    # 5: parity: only even coins, odd fare
    tests.append((9999, [2 * i for i in range(1, 101)]))
    # 6: the classic set of coins, a medium fare
    tests.append((300, [1, 2, 5, 10, 20, 50, 100, 200]))
    # 7: one coin of 1 and one of 2, large fare (answer S / 2 + 1)
    tests.append((MAXS, [2, 1]))
    # 8: random small coins, moderate fare (the answer needs the modulo)
    tests.append((2000, rng.sample(range(1, 60), 20)))
    # 9: random coins from the whole range
    tests.append((rng.randint(5000, MAXS), rng.sample(range(1, MAXC + 1), 60)))
    # 10: maximal: n = 100, S = 10^4, coins 1..100
    c = list(range(1, 101))
    rng.shuffle(c)
    tests.append((MAXS, c))
    # 11: maximal: n = 100, S = 10^4, coins spread up to 10^4
    c = rng.sample(range(1, MAXC + 1), 99) + [MAXC]
    if 1 in c:
        c.remove(1)
        c.append(7)
    tests.append((MAXS, sorted(set(c))[:100]))
    # 12: multiples of 3 and a 7, fare not reachable by the threes alone
    tests.append((100, [3, 6, 9, 7]))

    for i, (s, c) in enumerate(tests, 1):
        n = len(c)
        assert 1 <= n <= MAXN and 1 <= s <= MAXS and len(set(c)) == n and all(1 <= v <= MAXC for v in c)
        (out / f"{i:02d}.in").write_text(f"{n} {s}\n{' '.join(map(str, c))}\n")


main()
