"""Hidden tests for Scrambled Shelf: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""

import random
import sys
from pathlib import Path

MAXT = 10**4
MAXLEN = 5 * 10**4
ALPHA = "abcdefghijklmnopqrstuvwxyz"


def scramble(rng, w):
    letters = list(w)
    rng.shuffle(letters)
    return "".join(letters)


def family_shelf(rng, n, bases):
    """n words, each a scrambled copy of one of the base words."""
    return [scramble(rng, rng.choice(bases)) for _ in range(n)]


def rand_word(rng, lo, hi, alpha=ALPHA):
    return "".join(rng.choice(alpha) for _ in range(rng.randint(lo, hi)))


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(2718)
    tests = []

    # 1: one shelf, one word of one letter
    tests.append([["z"]])
    # 2: one shelf, one very long word (the whole length budget)
    tests.append([[rand_word(rng, MAXLEN, MAXLEN)]])
    # 3: all words equal
    tests.append([["abc"] * 1000])
    # 4: same letter sets, different multiplicities
    tests.append([["aab", "abb", "ab", "ba", "aabb", "abab", "bbaa", "aaab"], ["xxy", "xyy", "xy"], ["a", "aa", "aaa", "aaaa"]])
    # 5: every word is its own family (no two words are anagrams)
    seen, distinct = set(), []
    while len(distinct) < 500:
        w = rand_word(rng, 1, 6)
        k = "".join(sorted(w))
        if k not in seen:
            seen.add(k)
            distinct.append(w)
    tests.append([distinct])
    # 6: many shelves that share words (state must be reset between shelves)
    shelves = []
    for _ in range(300):
        shelves.append(family_shelf(rng, rng.randint(1, 8), ["stone", "notes", "tones", "act", "cat", "tac"]))
    tests.append(shelves)
    # 7: random shelves, few letters so families form by chance
    shelves = []
    for _ in range(200):
        shelves.append([rand_word(rng, 1, 4, "ab") for _ in range(rng.randint(1, 20))])
    tests.append(shelves)
    # 8: a big shelf built from a few long base words
    bases = [rand_word(rng, 20, 40) for _ in range(15)]
    tests.append([family_shelf(rng, 300, bases)])
    # 9: maximal: t = 10^4 shelves, total length exactly 5 * 10^4
    shelves = []
    budget = MAXLEN
    for s in range(MAXT):
        left_shelves = MAXT - s - 1
        room = budget - left_shelves  # keep at least one letter per later shelf
        k = min(room, rng.randint(1, 9)) if left_shelves else room
        # split k letters into up to 3 words
        parts = []
        while k > 0:
            p = min(k, rng.randint(1, 4))
            parts.append(p)
            k -= p
        base = rand_word(rng, 4, 4, "abc")
        shelf = ["".join(rng.choice(base) for _ in range(p)) for p in parts]
        budget -= sum(parts)
        shelves.append(shelf)
    tests.append(shelves)
    # 10: one shelf with many one-letter words
    tests.append([[rng.choice("abcde") for _ in range(5000)]])
    # 11: long anagram pair and a near miss
    w = rand_word(rng, 3000, 3000)
    near = w[:-1] + ("a" if w[-1] != "a" else "b")
    tests.append([[w, scramble(rng, w), near, scramble(rng, near), scramble(rng, w)]])

    for i, shelves in enumerate(tests, 1):
        assert 1 <= len(shelves) <= MAXT
        total = sum(len(w) for sh in shelves for w in sh)
        assert total <= MAXLEN
        assert all(1 <= len(sh) <= MAXLEN and all(w and set(w) <= set(ALPHA) for w in sh) for sh in shelves)
        body = "".join(f"{len(sh)}\n{' '.join(sh)}\n" for sh in shelves)
        (out / f"{i:02d}.in").write_text(f"{len(shelves)}\n{body}")


main()
