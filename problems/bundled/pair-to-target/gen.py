"""Hidden tests for Two Vouchers: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""

import random
import sys
from pathlib import Path

MAXN = 10**4
MAXA = 10**9
MAXX = 2 * 10**9


def check(n, x, a):
    assert 1 <= n <= MAXN and len(a) == n
    assert 2 <= x <= MAXX
    assert all(1 <= v <= MAXA for v in a)


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20240611)
    tests = []

    # 1: a single voucher can never be enough
    tests.append((1, 2, [1]))
    # 2: two vouchers forming the price
    tests.append((2, 2000000000, [10**9, 10**9]))
    # 3: two vouchers that do not fit
    tests.append((2, 5, [1, 3]))
    # 4: all equal, price is twice the value: many answers
    tests.append((1000, 1554, [777] * 1000))
    # 5: all equal, price is not reachable
    tests.append((1000, 1555, [777] * 1000))
    # 6: only a voucher worth x / 2 exists (once) and nothing else fits
    a = [rng.randint(600_000_000, MAXA) for _ in range(2000)]
    a[0] = 500
    tests.append((2000, 1000, a))
    # 7: the x / 2 voucher comes first, a real pair only at the very end
    n = 3000
    a = [rng.randint(10**8, 4 * 10**8) for _ in range(n)]
    x = 1_000_000_000
    a[0] = x // 2
    a[-2], a[-1] = 600_000_000, 400_000_000  # the only pair, sum = x
    tests.append((n, x, a))
    # 8: random, many valid pairs (different solutions find different pairs)
    n = 3000
    a = [rng.randint(1, 1000) for _ in range(n)]
    tests.append((n, 1000, a))
    # 9: random large values, all even, odd price: no answer
    n = 3000
    a = [2 * rng.randint(1, MAXA // 2) for _ in range(n)]
    tests.append((n, 1_999_999_999, a))
    # 10: the only pair is two equal values far apart
    n = 2500
    a = [rng.randint(1, 10**8) for _ in range(n)]
    a[7] = a[2400] = 999_999_000
    tests.append((n, 1_999_998_000, a))
    # 11: maximal: n = 10^4, values near 10^9, price 2 * 10^9 - 1 with exactly one pair
    n = MAXN
    a = [2 * rng.randint((MAXA - 10**6) // 2, MAXA // 2) for _ in range(n)]  # all even: odd sums need the planted pair
    i, j = n - 137, n - 3  # late, so that trying all pairs takes long
    a[i], a[j] = MAXA, MAXA - 1
    tests.append((n, 2 * MAXA - 1, a))
    # 12: small random with no pair at all (every value larger than x)
    tests.append((50, 30, [rng.randint(31, MAXA) for _ in range(50)]))
    # 13: smallest price 2 with two ones among big numbers
    n = 1500
    a = [rng.randint(2, MAXA) for _ in range(n)]
    a[100] = 1
    a[1499] = 1
    tests.append((n, 2, a))
    # 14: random medium with a few pairs scattered
    n = 2000
    a = [rng.randint(1, MAXA) for _ in range(n)]
    x = a[5] + a[1900]
    tests.append((n, x, a))

    for k, (n, x, a) in enumerate(tests, 1):
        check(n, x, a)
        (out / f"{k:02d}.in").write_text(f"{n} {x}\n{' '.join(map(str, a))}\n")


main()
