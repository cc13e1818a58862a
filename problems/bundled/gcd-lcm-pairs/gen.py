"""Hidden tests for Twin Beacons: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import sys
from math import gcd

MAX_T = 1000
LIM = 10 ** 18


def lcm(a, b):
    return a // gcd(a, b) * b


def log_uniform(rng, hi):
    digits = rng.randint(1, len(str(hi)))
    return rng.randint(1, min(hi, 10 ** digits))


def render(cases):
    assert 1 <= len(cases) <= MAX_T
    assert all(1 <= v <= LIM for case in cases for v in case)
    return f"{len(cases)}\n" + "".join(f"{a} {b} {k}\n" for a, b, k in cases)


def main():
    out_dir = sys.argv[1]
    rng = random.Random(1618)
    tests = []
    tests.append([(1, 1, 1)])
    tests.append([(LIM, LIM, LIM), (LIM, LIM, LIM - 1), (1, LIM, LIM), (LIM, 1, 1)])
    # small exhaustive-style cases
    tests.append([(a, b, rng.randint(1, 100)) for a in range(1, 11) for b in range(1, 11)])
    # the lcm right at the border of k
    cases = []
    for _ in range(200):
        while True:
            a, b = log_uniform(rng, 10 ** 12), log_uniform(rng, 10 ** 12)
            m = lcm(a, b)
            if m <= LIM // 3:
                break
        mult = rng.randint(1, LIM // m)
        k = mult * m + rng.choice([-1, 0, 1])
        cases.append((a, b, max(1, min(LIM, k))))
    tests.append(cases)
    # a large common divisor: a * b overflows 64 bits but the lcm is small
    cases = []
    for _ in range(300):
        g = rng.randint(10 ** 9, 10 ** 16)
        p, q = rng.randint(1, 50), rng.randint(1, 50)
        a, b = g * p, g * q
        if max(a, b) > LIM:
            continue
        cases.append((a, b, rng.randint(1, LIM)))
    tests.append(cases)
    # coprime periods with an lcm far above 10^18 (and above 2^63 and 2^64)
    cases = []
    for _ in range(300):
        x = rng.randint(10 ** 9, LIM)
        y = x + rng.choice([-1, 1]) if x < LIM else x - 1
        cases.append((x, y, rng.randint(1, LIM)))
    for lo in (4 * 10 ** 9, 5 * 10 ** 9):
        for _ in range(100):
            x = rng.randint(lo, lo + 10 ** 8)
            y = rng.randint(lo, lo + 10 ** 8)
            cases.append((x, y, LIM))
    tests.append(cases)
    # lcm between 2^63 and 2^64, k at the maximum
    cases = []
    while len(cases) < 200:
        a = rng.randint(3 * 10 ** 9, 4 * 10 ** 9)
        b = rng.randint(3 * 10 ** 9, 4 * 10 ** 9)
        if 2 ** 63 <= lcm(a, b) < 2 ** 64:
            cases.append((a, b, LIM))
    tests.append(cases)
    # one period divides the other
    cases = []
    for _ in range(300):
        a = log_uniform(rng, 10 ** 9)
        b = a * rng.randint(1, LIM // a)
        if rng.random() < 0.5:
            a, b = b, a
        cases.append((a, b, rng.randint(1, LIM)))
    tests.append(cases)
    # small periods, huge k: answers near 10^18
    tests.append([(rng.randint(1, 1000), rng.randint(1, 1000), rng.randint(LIM - 10 ** 6, LIM)) for _ in range(300)])
    # random sizes of everything
    tests.append([(log_uniform(rng, LIM), log_uniform(rng, LIM), log_uniform(rng, LIM)) for _ in range(MAX_T)])
    # maximal: 1000 pairs with values close to 10^18
    cases = []
    for _ in range(MAX_T):
        kind = rng.randrange(3)
        if kind == 0:
            cases.append((rng.randint(LIM - 10 ** 6, LIM), rng.randint(LIM - 10 ** 6, LIM), LIM))
        elif kind == 1:
            g = rng.randint(10 ** 17, LIM)
            cases.append((g, g, rng.randint(LIM - 10 ** 6, LIM)))
        else:
            g = rng.randint(10 ** 16, 10 ** 17)
            cases.append((g * rng.randint(1, 10), g * rng.randint(1, 10), LIM))
    tests.append(cases)
    os.makedirs(out_dir, exist_ok=True)
    for i, cases in enumerate(tests, 1):
        with open(os.path.join(out_dir, f"{i:02d}.in"), "w") as f:
            f.write(render(cases))


main()
