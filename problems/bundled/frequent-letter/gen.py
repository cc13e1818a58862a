"""Hidden tests for Most Frequent Letter: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import string
import sys

MAX_T = 1000
MAX_TOTAL = 5 * 10 ** 4
LETTERS = string.ascii_lowercase


def rand_word(rng, length, alphabet=LETTERS):
    return "".join(rng.choice(alphabet) for _ in range(length))


def tied_word(rng, counts):
    """Letters with the given counts, shuffled, but with the alphabetically largest top letter first."""
    chars = [c for c, k in counts.items() for _ in range(k)]
    rng.shuffle(chars)
    top = max(counts.values())
    tied = sorted(c for c, k in counts.items() if k == top)
    last = tied[-1]
    chars.remove(last)
    return last + "".join(chars)


def render(words):
    assert 1 <= len(words) <= MAX_T
    assert sum(len(w) for w in words) <= MAX_TOTAL
    assert all(len(w) >= 1 and set(w) <= set(LETTERS) for w in words)
    return f"{len(words)}\n" + "\n".join(words) + "\n"


def main():
    out_dir = sys.argv[1]
    rng = random.Random(31337)
    tests = []
    tests.append(["a"])
    tests.append(["z"])
    tests.append(["ba", "zyxwvutsrqponmlkjihgfedcba", "ccbbaa", "yyzz", "zzyy", "qwerty", "pqqp"])
    tests.append([LETTERS[::-1] * 3, LETTERS * 2 + "z", "zz" + "a" * 2, "m" * 7 + "k" * 7 + "z" * 8])
    # every string has a tie, with the alphabetically largest of the tied letters appearing first
    words = []
    for _ in range(300):
        k = rng.randint(2, 6)
        chosen = rng.sample(LETTERS, k)
        top = rng.randint(1, 8)
        counts = {c: top for c in chosen[:2]}
        for c in chosen[2:]:
            counts[c] = rng.randint(1, top)
        words.append(tied_word(rng, counts))
    tests.append(words)
    # small random strings over small alphabets
    tests.append([rand_word(rng, rng.randint(1, 12), rng.choice(["ab", "xyz", "abc", "yz"])) for _ in range(MAX_T)])
    # one letter per poster
    tests.append([rng.choice(LETTERS) for _ in range(MAX_T)])
    # random mid-sized strings
    tests.append([rand_word(rng, rng.randint(1, 200)) for _ in range(150)])
    # maximal: one poster of length 5 * 10^4 made of a single letter
    tests.append(["w" * MAX_TOTAL])
    # maximal: one poster of length 5 * 10^4 with a tie between c and q, q first
    counts = {"q": 10000, "c": 10000}
    rest = MAX_TOTAL - 20000
    for c in "bdefg":
        counts[c] = rest // 5
    tests.append([tied_word(rng, counts)])
    # maximal: 1000 posters of length 50
    tests.append([rand_word(rng, MAX_TOTAL // MAX_T, rng.choice([LETTERS, "aeiou", "st"])) for _ in range(MAX_T)])
    os.makedirs(out_dir, exist_ok=True)
    for i, words in enumerate(tests, 1):
        with open(os.path.join(out_dir, f"{i:02d}.in"), "w") as f:
            f.write(render(words))


main()
