"""Hidden tests for Dish Tower: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""

import random
import sys
from pathlib import Path

MAXQ = 2 * 10**4
MAXW = 10**6
MAXK = 2 * 10**4


def random_events(rng, q, p_push, p_pop, maxw, maxk):
    ev = []
    for _ in range(q):
        r = rng.random()
        if r < p_push:
            ev.append((1, rng.randint(1, maxw)))
        elif r < p_push + p_pop:
            ev.append((2, rng.randint(1, maxk)))
        else:
            ev.append((3,))
    return ev


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(4242)
    tests = []

    # 1: a single question about an empty tower
    tests.append([(3,)])
    # 2: taking plates from an empty tower, then asking
    tests.append([(2, 1), (2, MAXK), (3,), (1, MAXW), (3,), (2, MAXK), (3,)])
    # 3: all plates equal
    tests.append([(1, 777)] * 100 + [(3,), (2, 50), (3,), (2, 49), (3,), (2, 1), (3,)])
    # 4: increasing widths, removed one by one
    ev = [(1, w) for w in range(1, 301)]
    for _ in range(300):
        ev += [(3,), (2, 1)]
    ev.append((3,))
    tests.append(ev)
    # 5: decreasing widths, the maximum stays at the bottom
    ev = [(1, w) for w in range(300, 0, -1)]
    for _ in range(310):
        ev += [(2, 1), (3,)]
    tests.append(ev)
    # 6: big plate at the top, then the waiter takes more than there is
    ev = []
    for rnd in range(200):
        ev += [(1, rng.randint(1, 1000)) for _ in range(5)]
        ev += [(1, MAXW - rnd), (3,), (2, 1), (3,), (2, rng.randint(6, 20)), (3,)]
    tests.append(ev)
    # 7: random, small widths, short pops
    tests.append(random_events(rng, 3000, 0.5, 0.2, 50, 3))
    # 8: random, pops may be larger than the tower
    tests.append(random_events(rng, 3000, 0.45, 0.15, MAXW, 40))
    # 9: one huge removal in the middle
    ev = random_events(rng, 1000, 0.7, 0.0, MAXW, 1) + [(2, MAXK), (3,)] + random_events(rng, 1000, 0.6, 0.1, MAXW, 5)
    tests.append(ev)
    # 10: maximal: q = 2 * 10^4, a tall tower of wide plates, then mixed events
    ev = [(1, rng.randint(MAXW - 1000, MAXW)) for _ in range(8000)]
    while len(ev) < MAXQ:
        r = rng.random()
        if r < 0.3:
            ev.append((1, rng.randint(MAXW - 10**5, MAXW)))
        elif r < 0.6:
            ev.append((2, rng.choice([1, 1, 2, 3, 50, MAXK])))
        else:
            ev.append((3,))
    tests.append(ev)
    # 11: many questions in a row
    tests.append([(1, 3), (1, 8), (1, 2)] + [(3,)] * 3000)

    for i, ev in enumerate(tests, 1):
        assert 1 <= len(ev) <= MAXQ
        for e in ev:
            assert e[0] in (1, 2, 3)
            if e[0] == 1:
                assert 1 <= e[1] <= MAXW
            if e[0] == 2:
                assert 1 <= e[1] <= MAXK
        body = "".join(" ".join(map(str, e)) + "\n" for e in ev)
        (out / f"{i:02d}.in").write_text(f"{len(ev)}\n{body}")


main()
