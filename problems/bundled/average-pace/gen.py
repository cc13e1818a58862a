"""Hidden tests for Average Pace: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import sys

MAX_N = 10 ** 4
MAX_D = 10 ** 4
MAX_V = 100


def render(legs):
    assert 1 <= len(legs) <= MAX_N
    assert all(1 <= d <= MAX_D and 1 <= v <= MAX_V for d, v in legs)
    return f"{len(legs)}\n" + "".join(f"{d} {v}\n" for d, v in legs)


def main():
    out_dir = sys.argv[1]
    rng = random.Random(5150)
    tests = []
    # minimum and single legs at the extremes
    tests.append([(1, 1)])
    tests.append([(MAX_D, MAX_V)])
    tests.append([(1, MAX_V)])
    # the same speed everywhere: the answer is that speed
    tests.append([(rng.randint(1, MAX_D), 37) for _ in range(1000)])
    # small random routes
    tests.append([(rng.randint(1, 20), rng.randint(1, 10)) for _ in range(5)])
    tests.append([(rng.randint(1, 100), rng.randint(1, MAX_V)) for _ in range(50)])
    # very slow and very fast legs mixed
    tests.append([(rng.randint(1, MAX_D), rng.choice([1, MAX_V])) for _ in range(300)])
    # every leg shorter than its speed (each takes less than an hour)
    legs = []
    for _ in range(500):
        v = rng.randint(2, MAX_V)
        legs.append((rng.randint(1, v - 1), v))
    tests.append(legs)
    # one long slow leg and many short fast ones
    tests.append([(MAX_D, 1)] + [(1, MAX_V)] * 2000)
    # maximal: random legs over the full ranges
    tests.append([(rng.randint(1, MAX_D), rng.randint(1, MAX_V)) for _ in range(MAX_N)])
    # all values at their upper bounds
    tests.append([(MAX_D, MAX_V)] * 2000)
    # maximal n with the smallest values
    tests.append([(1, 1)] * MAX_N)
    # maximal: long legs with nearly equal speeds (needs double precision)
    tests.append([(rng.randint(MAX_D - 100, MAX_D), rng.choice([97, 98, 99, MAX_V])) for _ in range(MAX_N)])
    os.makedirs(out_dir, exist_ok=True)
    for i, legs in enumerate(tests, 1):
        with open(os.path.join(out_dir, f"{i:02d}.in"), "w") as f:
            f.write(render(legs))


main()
