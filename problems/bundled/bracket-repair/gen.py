"""Hidden tests for Bracket Repair: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import sys

MAX_T = 10 ** 4
MAX_TOTAL = 10 ** 5


def balanced(rng, pairs):
    """A random balanced string with the given number of pairs."""
    out = []
    opened = closed = 0
    while closed < pairs:
        if opened < pairs and (opened == closed or rng.random() < 0.5):
            out.append("(")
            opened += 1
        else:
            out.append(")")
            closed += 1
    return "".join(out)


def biased(rng, length, p_open):
    return "".join("(" if rng.random() < p_open else ")" for _ in range(length))


def render(strings):
    assert 1 <= len(strings) <= MAX_T
    assert sum(len(s) for s in strings) <= MAX_TOTAL
    assert all(len(s) >= 1 and set(s) <= set("()") for s in strings)
    return f"{len(strings)}\n" + "\n".join(strings) + "\n"


def main():
    out_dir = sys.argv[1]
    rng = random.Random(1234)
    tests = []
    # minimum
    tests.append(["("])
    tests.append([")"])
    # every string of length at most 4
    strings = []
    for length in range(1, 5):
        for mask in range(1 << length):
            strings.append("".join("(" if mask >> i & 1 else ")" for i in range(length)))
    tests.append(strings)
    # already balanced
    tests.append([balanced(rng, rng.randint(1, 50)) for _ in range(100)])
    # equal counts in the wrong order
    tests.append([")" * k + "(" * k for k in range(1, 40)] + [")(" * k for k in range(1, 40)] + ["())(" * 10])
    # balanced blocks glued with stray brackets
    strings = []
    for _ in range(200):
        parts = []
        for _ in range(rng.randint(1, 6)):
            parts.append(balanced(rng, rng.randint(0, 5)))
            parts.append(rng.choice(["(", ")", ")(", "))", "(("]))
        strings.append("".join(parts))
    tests.append(strings)
    # random strings of mixed bias
    tests.append([biased(rng, rng.randint(1, 300), rng.choice([0.3, 0.5, 0.7])) for _ in range(200)])
    # long runs of one kind
    tests.append(["(" * 20000, ")" * 20000, "(" * 5000 + ")" * 4000, ")" * 3000 + "(" * 3500])
    # maximal number of formulas
    strings = []
    for _ in range(MAX_T):
        length = rng.randint(1, 6)
        strings.append(biased(rng, length, 0.5))
    assert sum(map(len, strings)) <= MAX_TOTAL
    tests.append(strings)
    # maximal length: one formula of 10^5 brackets, a random walk that dips deep below zero
    s = biased(rng, MAX_TOTAL // 2, 0.45) + biased(rng, MAX_TOTAL // 2, 0.55)
    tests.append([s])
    os.makedirs(out_dir, exist_ok=True)
    for i, strings in enumerate(tests, 1):
        with open(os.path.join(out_dir, f"{i:02d}.in"), "w") as f:
            f.write(render(strings))


main()
