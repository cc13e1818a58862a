"""Hidden tests for Equal Cords: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""

import random
import sys
from pathlib import Path

MAXN = 10**4
MAXK = 10**9
MAXL = 10**7


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(771)
    tests = []

    # 1: smallest input
    tests.append((1, [1]))
    # 2: one short cord, the largest k: tiny pieces
    tests.append((MAXK, [1]))
    # 3: k = 1: the longest cord is the answer
    tests.append((1, [rng.randint(1, MAXL) for _ in range(500)] + [MAXL]))
    # 4: all cords equal, k a multiple of n: whole cords split evenly
    tests.append((3000, [MAXL] * 1000))
    # 5: all cords equal, k not a multiple of n
    tests.append((1001, [999983] * 1000))
    # 6: one long cord decides, the answer is not a whole number
    tests.append((3, [MAXL] + [1] * 99))
    # 7: the total divided by k is far too optimistic
    tests.append((7, [5, 5, 5, 5, 5, 5, 5, 12]))
    # 8: random small lengths, moderate k
    tests.append((rng.randint(1000, 5000), [rng.randint(1, 100) for _ in range(1500)]))
    # 9: random lengths over the whole range
    tests.append((rng.randint(1, 10**6), [rng.randint(1, MAXL) for _ in range(2000)]))
    # 10: k equals the number of cords, lengths differ a lot
    a = [rng.choice([1, 2, 3, MAXL, MAXL - 1, 4999999]) for _ in range(1000)]
    tests.append((1000, a))
    # 11: maximal: n = 10^4, long cords, k = 10^9
    tests.append((MAXK, [rng.randint(MAXL - 10**5, MAXL) for _ in range(MAXN)]))
    # 12: maximal n with k just above n
    tests.append((MAXN + 1, [rng.randint(1, MAXL) for _ in range(MAXN)]))
    # 13: prime lengths, k prime
    primes = [p for p in range(1000, 1200) if all(p % d for d in range(2, 40))]
    tests.append((997, [rng.choice(primes) for _ in range(300)]))

    for i, (k, a) in enumerate(tests, 1):
        n = len(a)
        assert 1 <= n <= MAXN and 1 <= k <= MAXK and all(1 <= v <= MAXL for v in a)
        (out / f"{i:02d}.in").write_text(f"{n} {k}\n{' '.join(map(str, a))}\n")


main()
