"""Hidden tests for xor-zero-segments: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import sys

MAXK = 10**4
MAXC = 10**5
TOPV = 2**30 - 1


def write(out_dir, index, groups):
    assert 1 <= len(groups) <= MAXK
    assert all(0 <= v <= TOPV and 1 <= c <= MAXC for v, c in groups)
    lines = [str(len(groups))] + [f"{v} {c}" for v, c in groups]
    with open(os.path.join(out_dir, f"{index:02d}.in"), "w") as f:
        f.write("\n".join(lines) + "\n")


def main():
    out_dir = sys.argv[1]
    rng = random.Random(20002000)
    tests = []
    tests.append([(0, 1)])                                                  # one silent pulse
    tests.append([(TOPV, 1)])                                               # one loud pulse
    tests.append([(0, MAXC)])                                               # one big group of zeros
    tests.append([(TOPV, MAXC)])                                            # one big group, odd/even parity
    tests.append([(5, 1), (5, 1), (5, 1), (5, 1)])                          # neighbouring equal groups
    tests.append([(0, MAXC)] * 3000)                                        # many zero groups: answer above 2^32
    tests.append([(rng.choice([1, 2, 3]), 1) for _ in range(3000)])        # plain array of small codes
    tests.append([(rng.choice([1, 2, 3]), rng.randint(1, MAXC)) for _ in range(2000)])  # long groups, few codes
    tests.append([(rng.randint(0, TOPV), rng.choice([1, 2])) for _ in range(2000)])      # random codes
    pool = [rng.randint(0, TOPV) for _ in range(3)]
    pool.append(pool[0] ^ pool[1] ^ pool[2])
    tests.append([(rng.choice(pool), rng.choice([1, 1, 2, 3, MAXC])) for _ in range(1500)])  # codes that cancel out
    # Maximal: 10^4 groups, large codes that cancel, group sizes close to 10^5.
    base = [TOPV, TOPV - 1, TOPV ^ (TOPV - 1), 0, 2**29, 2**29 + 12345]
    tests.append([(rng.choice(base), rng.randint(MAXC - 9, MAXC)) for _ in range(MAXK)])

    for i, groups in enumerate(tests, 1):
        write(out_dir, i, groups)


main()
