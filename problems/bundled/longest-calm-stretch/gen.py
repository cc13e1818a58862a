"""Hidden tests for Longest Calm Stretch: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import sys

MAX_N = 2 * 10 ** 5
MAX_S = 2 * 10 ** 6


def render(limit, log):
    assert 1 <= len(log) <= MAX_N and 1 <= limit <= MAX_S
    assert set(log) <= set("123456789")
    return f"{len(log)} {limit}\n{log}\n"


def digits(rng, n, alphabet="123456789"):
    return "".join(rng.choice(alphabet) for _ in range(n))


def segment_sum(rng, log):
    i = rng.randrange(len(log))
    j = rng.randrange(i, len(log))
    return sum(int(c) for c in log[i:j + 1])


def main():
    out_dir = sys.argv[1]
    rng = random.Random(8086)
    tests = []
    # minimum
    tests.append((1, "1"))
    tests.append((1, "9"))
    tests.append((MAX_S, "9"))
    # nothing is calm
    tests.append((8, "9" * 1000))
    # all ones: the answer is exactly S
    tests.append((4321, "1" * 5000))
    # S equal to the sum of some stretch
    log = digits(rng, 2000)
    tests.append((segment_sum(rng, log), log))
    log = digits(rng, 40, "123")
    tests.append((segment_sum(rng, log), log))
    # small random logs
    tests.append((10, digits(rng, 30)))
    tests.append((25, digits(rng, 60, "19")))
    # heavy log with a few light runs
    log = list(digits(rng, 5000, "789"))
    for _ in range(20):
        start = rng.randrange(4900)
        length = rng.randint(5, 90)
        log[start:start + length] = digits(rng, length, "12")[: len(log[start:start + length])]
    tests.append((150, "".join(log)))
    # the whole log is calm at the largest S
    tests.append((MAX_S, digits(rng, 10 ** 4)))
    # maximal: 2 * 10^5 records, a calm stretch of about 10^5 minutes
    tests.append((600000, digits(rng, MAX_N)))
    os.makedirs(out_dir, exist_ok=True)
    for i, (limit, log) in enumerate(tests, 1):
        with open(os.path.join(out_dir, f"{i:02d}.in"), "w") as f:
            f.write(render(limit, log))


main()
