"""Hidden tests for Mirror Words: python3 gen.py DIR writes DIR/01.in, DIR/02.in, ..."""
import os
import random
import string
import sys

MAX_T = 1000
MAX_LEN = 100


def random_case(rng, word):
    return "".join(c.upper() if rng.random() < 0.5 else c for c in word)


def add_hyphens(rng, word, count):
    chars = list(word)
    for _ in range(count):
        chars.insert(rng.randint(0, len(chars)), "-")
    return "".join(chars)


def palindrome(rng, length, alphabet):
    half = [rng.choice(alphabet) for _ in range(length // 2)]
    middle = [rng.choice(alphabet)] if length % 2 else []
    return "".join(half + middle + half[::-1])


def card(rng, length, yes, alphabet=string.ascii_lowercase, hyphen_share=0.2):
    """A card of exactly `length` characters that is (yes=True) or is not a mirror word."""
    hyphens = min(length - 1, int(length * hyphen_share * rng.random()))
    letters = length - hyphens
    word = palindrome(rng, letters, alphabet)
    if not yes:
        if letters == 1:
            raise ValueError("a single letter is always a mirror word")
        i = rng.randrange(letters // 2)
        j = letters - 1 - i
        choices = [c for c in alphabet if c != word[j]] or [c for c in string.ascii_lowercase if c != word[j]]
        word = word[:i] + rng.choice(choices) + word[i + 1:]
    return add_hyphens(rng, random_case(rng, word), hyphens)


def render(cards):
    assert 1 <= len(cards) <= MAX_T
    for s in cards:
        assert 1 <= len(s) <= MAX_LEN and set(s) <= set(string.ascii_letters + "-")
        assert any(c != "-" for c in s)
    return f"{len(cards)}\n" + "\n".join(cards) + "\n"


def main():
    out_dir = sys.argv[1]
    rng = random.Random(4242)
    tests = []
    # minimum
    tests.append(["a"])
    tests.append(["Z", "-z", "z-", "----------Q", "ab", "aB-A", "A-b"])
    # case differs at mirrored positions: only a case-insensitive comparison says YES
    tests.append(["Aa", "aBcBA", "LeveL".swapcase(), "rAcEcAr", "AbBa", "xYzzyX", "NooN", "nOoN", "a" + "B" * 97 + "bA"])
    # hyphens placed asymmetrically in true mirror words
    tests.append(["ab-a", "-aba", "a-ba--", "r-o-t-or", "S-t-a-t-s-", "--Madam", "pe-ep", "x-" * 49 + "x"])
    # one letter and many hyphens, all the same letter
    tests.append(["-" * 99 + "k", "-" * 50 + "M" + "-" * 49, "o" * 100, "O" * 100, "oO" * 50])
    # small random cards, both answers
    tests.append([card(rng, rng.randint(2, 8), rng.random() < 0.5, "ab") for _ in range(200)])
    # random cards of all lengths over the full alphabet
    cards = []
    for _ in range(300):
        length = rng.randint(2, MAX_LEN)
        cards.append(card(rng, length, rng.random() < 0.5))
    tests.append(cards)
    # near misses: only the letters closest to the middle differ
    cards = []
    for _ in range(100):
        letters = rng.randint(2, 60)
        word = palindrome(rng, letters, "xy")
        i = letters // 2 - 1
        j = letters - 1 - i
        word = word[:i] + ("x" if word[j] == "y" else "y") + word[i + 1:]
        cards.append(add_hyphens(rng, random_case(rng, word), rng.randint(0, 10)))
    tests.append(cards)
    # hyphen-heavy cards
    tests.append([card(rng, rng.randint(2, MAX_LEN), rng.random() < 0.5, "abc", hyphen_share=0.9) for _ in range(200)])
    # maximal: 1000 cards of length 100
    tests.append([card(rng, MAX_LEN, rng.random() < 0.5, rng.choice(["ab", string.ascii_lowercase])) for _ in range(MAX_T)])
    # maximal: 1000 mirror words of length 100 without hyphens
    tests.append([card(rng, MAX_LEN, True, hyphen_share=0.0) for _ in range(MAX_T)])
    os.makedirs(out_dir, exist_ok=True)
    for i, cards in enumerate(tests, 1):
        with open(os.path.join(out_dir, f"{i:02d}.in"), "w") as f:
            f.write(render(cards))


main()
