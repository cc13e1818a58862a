"""Hidden tests for Fresh Paint: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""

import random
import sys
from pathlib import Path

MAXN = 5000
LIM = 10**9


def rand_seg(rng, lo, hi, maxlen):
    l = rng.randint(lo, hi - 1)
    r = rng.randint(l + 1, min(hi, l + maxlen))
    return (l, r)


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(5150)
    tests = []

    # 1: one crew, shortest stretch
    tests.append([(0, 1)])
    # 2: one crew, the whole allowed highway
    tests.append([(-LIM, LIM)])
    # 3: the same stretch many times
    tests.append([(-7, 93)] * 300)
    # 4: nested stretches, like a target
    tests.append([(-i * 1000, i * 1000) for i in range(1, 400)][::-1])
    # 5: a long stretch first, short ones inside, then one sticking out
    tests.append([(0, 1000), (1, 2), (3, 4), (5, 6), (999, 2000), (2500, 2600)])
    # 6: stretches touching end to end (a chain)
    chain = [(i * 10, i * 10 + 10) for i in range(-500, 500)]
    rng.shuffle(chain)
    tests.append(chain)
    # 7: disjoint stretches with gaps
    tests.append([(i * 3, i * 3 + 2) for i in range(-300, 300)])
    # 8: random short stretches in a small window (many overlaps)
    tests.append([rand_seg(rng, -1000, 1000, 50) for _ in range(1500)])
    # 9: random stretches of any length over the whole range
    tests.append([rand_seg(rng, -LIM, LIM, 2 * LIM) for _ in range(1000)])
    # 10: a big stretch covering random small ones
    segs = [rand_seg(rng, -10**6, 10**6, 10**4) for _ in range(1500)]
    segs.append((-10**6 - 5, 10**6 + 5))
    rng.shuffle(segs)
    tests.append(segs)
    # 11: maximal: n = 5000, extreme coordinates, two huge blocks and many small ones
    segs = [(-LIM, rng.randint(-LIM + 1, -LIM + 10**8)), (rng.randint(LIM - 10**8, LIM - 1), LIM)]
    while len(segs) < MAXN:
        if rng.random() < 0.5:
            segs.append(rand_seg(rng, -LIM, -LIM + 3 * 10**8, 10**7))
        else:
            segs.append(rand_seg(rng, LIM - 3 * 10**8, LIM, 10**7))
    rng.shuffle(segs)
    tests.append(segs)
    # 12: random sparse stretches far apart
    tests.append([rand_seg(rng, -LIM, LIM, 1000) for _ in range(800)])

    for i, segs in enumerate(tests, 1):
        assert 1 <= len(segs) <= MAXN and all(-LIM <= l < r <= LIM for l, r in segs)
        body = "".join(f"{l} {r}\n" for l, r in segs)
        (out / f"{i:02d}.in").write_text(f"{len(segs)}\n{body}")


main()
