"""Hidden tests for string-period: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import itertools
import os
import random
import string
import sys

MAXT = 10**4
MAXLEN = 10**5


def write(out_dir, index, strings):
    assert 1 <= len(strings) <= MAXT and sum(map(len, strings)) <= MAXLEN
    assert all(len(s) >= 1 and set(s) <= set(string.ascii_lowercase) for s in strings)
    with open(os.path.join(out_dir, f"{index:02d}.in"), "w") as f:
        f.write(f"{len(strings)}\n" + "\n".join(strings) + "\n")


def periodic(rng, motif_len, n, alphabet):
    motif = "".join(rng.choice(alphabet) for _ in range(motif_len))
    return (motif * (n // motif_len + 1))[:n]


def fibonacci_word(n):
    a, b = "a", "ab"
    while len(b) < n:
        a, b = b, b + a
    return b[:n]


def main():
    out_dir = sys.argv[1]
    rng = random.Random(271828)
    tests = []
    tests.append(["a"])                                                   # the smallest input
    tests.append(["".join(w) for L in range(1, 9) for w in itertools.product("ab", repeat=L)])  # every a/b word up to length 8
    tests.append(["z" * 10000])                                           # one letter repeated
    tests.append(["b" + "a" * 7999, "a" * 3999 + "b"])                   # no proper period at all
    # Periods that do not divide the length.
    tests.append([periodic(rng, p, n, "ab") for p, n in [(7, 3000), (3, 2998), (1000, 3001), (2999, 5999), (2, 1001)]])
    # Periods that do divide the length.
    tests.append([periodic(rng, p, n, "abc") for p, n in [(5, 3000), (100, 2000), (1, 777), (1500, 3000), (3, 999)]])
    # Random strings over the whole alphabet, many of them.
    tests.append(["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(1, 30))) for _ in range(1000)])
    # Fibonacci words, rich in borders.
    tests.append([fibonacci_word(n) for n in (1, 2, 3, 5, 8, 13, 100, 1000, 4181, 6765)])
    # Periodic prefix, broken near the end.
    strs = []
    for _ in range(60):
        p = rng.randint(1, 40)
        n = rng.randint(p, 500)
        s = list(periodic(rng, p, n, "xy"))
        if rng.random() < 0.5:
            i = rng.randint(0, n - 1)
            s[i] = "x" if s[i] == "y" else "y"
        strs.append("".join(s))
    tests.append(strs)
    # The maximal number of pieces: 10^4 short strings over a tiny alphabet.
    tests.append(["".join(rng.choice("pq") for _ in range(rng.randint(1, 4))) for _ in range(MAXT)])
    # Maximal total length in one piece: a^(n-1) b, the worst case for trying every p.
    tests.append(["a" * (MAXLEN - 1) + "b"])

    for i, strs in enumerate(tests, 1):
        write(out_dir, i, strs)


main()
