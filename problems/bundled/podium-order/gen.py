"""Hidden tests for Podium Order: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import sys

MAX_N = 1000
MAX_S = 10 ** 6


def render(scores):
    assert 1 <= len(scores) <= MAX_N and all(1 <= s <= MAX_S for s in scores)
    return f"{len(scores)}\n{' '.join(map(str, scores))}\n"


def main():
    out_dir = sys.argv[1]
    rng = random.Random(20261204)
    tests = [
        [1],  # the smallest case
        [MAX_S],
        [5] * 7,  # all equal
        list(range(1, 21)),  # already in increasing order: must be reversed
        list(range(20, 0, -1)),  # already in the wanted order
        [2, 1] * 10,  # many ties
        [MAX_S] * MAX_N,  # the largest case, all equal
        [rng.randint(1, MAX_S) for _ in range(MAX_N)],  # the largest case, random
        [rng.randint(1, 10) for _ in range(MAX_N)],  # the largest case, few distinct values
    ]
    for _ in range(6):
        n = rng.randint(2, 50)
        tests.append([rng.randint(1, 100) for _ in range(n)])
    os.makedirs(out_dir, exist_ok=True)
    for index, scores in enumerate(tests, 1):
        with open(os.path.join(out_dir, f"{index:02d}.in"), "w") as out:
            out.write(render(scores))


if __name__ == "__main__":
    main()
