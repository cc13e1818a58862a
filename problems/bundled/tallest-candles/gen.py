"""Hidden tests for Tallest Candles: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import sys

MAX_T = 1000
MAX_SUM = 10 ** 4
MAX_H = 10 ** 9


def split_sizes(rng, total, parts):
    """Split total into `parts` positive sizes."""
    cuts = sorted(rng.sample(range(1, total), parts - 1))
    return [b - a for a, b in zip([0] + cuts, cuts + [total])]


def render(shelves):
    assert 1 <= len(shelves) <= MAX_T
    assert sum(len(s) for s in shelves) <= MAX_SUM
    lines = [str(len(shelves))]
    for s in shelves:
        assert 1 <= len(s) <= 10 ** 4 and all(1 <= h <= MAX_H for h in s)
        lines.append(str(len(s)))
        lines.append(" ".join(map(str, s)))
    return "\n".join(lines) + "\n"


def main():
    out_dir = sys.argv[1]
    rng = random.Random(20240801)
    tests = []
    # minimum: one shelf, one candle, smallest and largest heights
    tests.append([[1]])
    tests.append([[MAX_H]])
    # all candles of equal height
    tests.append([[MAX_H] * 1000, [1] * 5, [42] * 3])
    # the tallest shelf comes first, later shelves are shorter (catches a maximum not reset)
    shelves = []
    for i in range(50):
        top = MAX_H - i * 1000
        s = [rng.randint(top - 5, top) for _ in range(rng.randint(1, 20))]
        shelves.append(s)
    tests.append(shelves)
    # strictly increasing, strictly decreasing, tallest at both ends
    tests.append([list(range(1, 501)), list(range(500, 0, -1)), [9] + [rng.randint(1, 8) for _ in range(100)] + [9]])
    # increasing "records" that are not the most frequent: 1 2 2 2 ... with the max appearing once
    tests.append([[1, 2, 2, 2, 3], [5, 1, 5, 1, 5], [2, 3, 1, 3, 3, 4, 4]])
    # many tiny shelves
    tests.append([[rng.randint(1, 3)] for _ in range(MAX_T)])
    # t = 1000 shelves, total size 10^4, small heights so that ties are frequent
    sizes = split_sizes(rng, MAX_SUM, MAX_T)
    tests.append([[rng.randint(1, 100) for _ in range(k)] for k in sizes])
    # random medium shelves with large heights
    shelves = []
    for _ in range(30):
        k = rng.randint(1, 60)
        top = rng.randint(1, MAX_H)
        shelves.append([rng.choice([top, rng.randint(1, top)]) for _ in range(k)])
    tests.append(shelves)
    # two alternating heights
    tests.append([[7, 8] * 200, [8, 7] * 201])
    # maximal: one shelf with 10^4 candles near the upper bound
    tests.append([[rng.randint(MAX_H - 3, MAX_H) for _ in range(MAX_SUM)]])
    # every candle but one has the largest height
    big = [MAX_H] * 3000
    big[rng.randrange(3000)] = MAX_H - 1
    tests.append([big, [1, 1]])
    os.makedirs(out_dir, exist_ok=True)
    for i, shelves in enumerate(tests, 1):
        with open(os.path.join(out_dir, f"{i:02d}.in"), "w") as f:
            f.write(render(shelves))


main()
