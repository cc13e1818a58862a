"""Families of string checks, as in Div. 2/3/4 A and B problems: a palindrome after removing one character, a
substring ("abc"), a square string s = w + w, and a pangram."""

from __future__ import annotations

import random

from problems.curriculum.base import Family, Phrasing

CPP_HEAD = "#include <bits/stdc++.h>\nusing namespace std;\n\n"
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _word(rng: random.Random, length: int, letters: str) -> str:
    return "".join(rng.choice(letters) for _ in range(length))


def _small_alphabet(rng: random.Random) -> str:
    return LETTERS[:rng.choice((2, 3, 26))]


def _is_palindrome(s: str) -> bool:
    return s == s[::-1]


def _almost_input(rng: random.Random, limits: dict[str, int]) -> str:
    length = rng.randint(2, max(2, limits["L"]))
    letters = _small_alphabet(rng)
    half = _word(rng, (length - 1) // 2, letters)
    word = half + _word(rng, (length - 1) % 2, letters) + half[::-1]  # a palindrome of length - 1
    kind = rng.random()
    if kind < 0.5:  # one extra character anywhere: removable by construction
        position = rng.randint(0, len(word))
        word = word[:position] + rng.choice(letters) + word[position:]
    elif kind < 0.8:  # two changes: usually not fixable by one removal
        word += rng.choice(letters)
        for _ in range(2):
            position = rng.randrange(len(word))
            word = word[:position] + rng.choice(letters) + word[position + 1:]
    else:
        word = _word(rng, length, letters)
    return word + "\n"


def _removal(s: str) -> int | None:
    """A position (0-based) whose removal leaves a palindrome, or None; O(n) with two pointers."""
    i, j = 0, len(s) - 1
    while i < j and s[i] == s[j]:
        i, j = i + 1, j - 1
    if i >= j:
        return len(s) // 2
    if _is_palindrome(s[i + 1:j + 1]):
        return i
    if _is_palindrome(s[i:j]):
        return j
    return None


def _explain_removal(text: str) -> str:
    s = text.strip()
    position = _removal(s)
    if position is None:
        return f"no single removal turns \"{s}\" into a palindrome"
    rest = s[:position] + s[position + 1:]
    return f"removing the character at position {position + 1} gives \"{rest}\", which is a palindrome"


PALINDROME_AFTER_REMOVAL = Family(
    name="palindrome-after-removal",
    rating=1000,
    tags=("strings", "two pointers"),
    phrasings={
        "train": (
            Phrasing(
                "You are given a string s. Can you remove exactly one character from it so that the remaining "
                "string is a palindrome?",
                "The only line contains a string s of lowercase English letters (2 ≤ |s| ≤ {L}).",
                "Print YES if it is possible, and NO otherwise.",
            ),
            Phrasing(
                "{name} wrote a word s on a card at the {place}. {name} will erase exactly one letter of it. Is it "
                "possible that the word then reads the same from left to right and from right to left?",
                "The first line contains a word s of lowercase letters (2 ≤ |s| ≤ {L}).",
                "Print YES if one erased letter can make s a palindrome, otherwise print NO.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "{name} collects palindromes — words that read the same from both ends. A friend gave {name} a "
                "word s, hoping it is almost a palindrome: that after deleting exactly one of its letters it "
                "becomes a palindrome. Check whether the friend is right.",
                "The first line contains one string s (⟦2 ≤ |s| ≤ L⟧) consisting of lowercase Latin letters.",
                "Print YES if exactly one deletion can make s a palindrome, and NO otherwise.",
            ),
            Phrasing(
                "A banner over the {place} in {town} shows the word s, and the mayor wants it to be a palindrome. "
                "The painter {name} can only remove letters, and there is time to remove exactly one. Can the "
                "painter fulfil the wish?",
                "The only line contains the word s (⟦2 ≤ |s| ≤ L⟧) of lowercase English letters.",
                "Print YES or NO.",
            ),
        ),
        "story": (
            Phrasing(
                "An inscription s is carved above the gate of the {place}. Legend says the gate opens if the "
                "inscription, after exactly one letter is chiselled away, reads the same backwards. {name} wants "
                "to know whether it can be opened.",
                "The only line of the input holds the inscription s: lowercase letters, ⟦2 ≤ |s| ≤ L⟧.",
                "Write YES if the gate can be opened, and NO otherwise.",
            ),
            Phrasing(
                "{name} copies the motto s of the {place} and notices one letter too many. Is there a letter whose "
                "removal leaves a palindrome?",
                "The first line gives the motto s, made of lowercase letters (⟦2 ≤ |s| ≤ L⟧).",
                "Answer YES if such a letter exists and NO if it does not.",
            ),
        ),
    },
    limits={"train": {"L": 2 * 10**5}, "story": {"L": 10**5}},
    sizes=("L",),
    make_input=_almost_input,
    solve=lambda text: "NO\n" if _removal(text.strip()) is None else "YES\n",
    explain=_explain_removal,
    python=(
        "def is_pal(t):\n    return t == t[::-1]\n\n\ns = input().strip()\ni, j = 0, len(s) - 1\n"
        "while i < j and s[i] == s[j]:\n    i += 1\n    j -= 1\n"
        "print('YES' if i >= j or is_pal(s[i + 1:j + 1]) or is_pal(s[i:j]) else 'NO')\n",
    ),
    cpp=(
        CPP_HEAD + "bool isPal(const string &s, int i, int j) {\n    while (i < j)\n"
        "        if (s[i++] != s[j--]) return false;\n    return true;\n}\n\n"
        "int main() {\n    string s;\n    cin >> s;\n    int i = 0, j = (int)s.size() - 1;\n"
        "    while (i < j && s[i] == s[j]) {\n        i++;\n        j--;\n    }\n"
        "    bool ok = i >= j || isPal(s, i + 1, j) || isPal(s, i, j - 1);\n"
        "    cout << (ok ? \"YES\" : \"NO\") << endl;\n    return 0;\n}\n",
    ),
)


def _abc_input(rng: random.Random, limits: dict[str, int]) -> str:
    letters = rng.choice(("abc", "abc", "abcd", LETTERS))
    word = _word(rng, rng.randint(1, limits["L"]), letters)
    if rng.random() < 0.3 and len(word) >= 3:
        position = rng.randint(0, len(word) - 3)
        word = word[:position] + "abc" + word[position + 3:]
    return word + "\n"


def _explain_abc(text: str) -> str:
    s = text.strip()
    position = s.find("abc")
    if position < 0:
        return f"no three consecutive letters of \"{s}\" form \"abc\""
    return f"the letters at positions {position + 1}, {position + 2} and {position + 3} form \"abc\""


CONTAINS_ABC = Family(
    name="contains-abc",
    rating=800,
    tags=("strings", "implementation"),
    phrasings={
        "train": (
            Phrasing(
                "Does the string s contain \"abc\" as a substring, that is, three consecutive characters a, b, c?",
                "The only line contains a string s of lowercase English letters (1 ≤ |s| ≤ {L}).",
                "Print YES if \"abc\" occurs in s, and NO otherwise.",
            ),
            Phrasing(
                "{name} is looking for the pattern \"abc\" in a word s written at the {place}. The letters must be "
                "next to each other and in this order. Does s contain the pattern?",
                "The first line contains a string s of lowercase letters (1 ≤ |s| ≤ {L}).",
                "Print YES if s contains \"abc\", otherwise print NO.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "Little {name} is learning the alphabet and is proud to know its first three letters. In a long "
                "string s written by an older brother, {name} searches for the letters a, b and c standing next "
                "to each other in exactly this order. Is there such a place in s?",
                "The first line contains a string s (⟦1 ≤ |s| ≤ L⟧) consisting of lowercase English letters.",
                "Print YES if s contains the substring \"abc\", and NO otherwise.",
            ),
            Phrasing(
                "The password checker at the {place} in {town} rejects every password containing \"abc\" as a "
                "substring. {name} came up with the password s. Will it be rejected?",
                "The only line contains the password s (⟦1 ≤ |s| ≤ L⟧) of lowercase English letters.",
                "Print YES if s contains \"abc\" (and will be rejected), and NO otherwise.",
            ),
        ),
        "story": (
            Phrasing(
                "The weavers of the {place} repeat a long pattern s of coloured threads, one letter per thread. "
                "{name} wants to find the sequence a, b, c woven in a row somewhere in the pattern.",
                "The only line of the input holds the pattern s: lowercase letters, ⟦1 ≤ |s| ≤ L⟧.",
                "Write YES if \"abc\" occurs in s as consecutive letters, and NO otherwise.",
            ),
            Phrasing(
                "A ship's log kept at the {place} is a string s of lowercase letters. Old sailors say that the "
                "three letters \"abc\" side by side bring bad luck. {name} checks whether the log contains them.",
                "The first line gives the log s (⟦1 ≤ |s| ≤ L⟧).",
                "Answer YES if \"abc\" is a substring of s and NO if it is not.",
            ),
        ),
    },
    limits={"train": {"L": 2 * 10**5}, "story": {"L": 10**5}},
    sizes=("L",),
    make_input=_abc_input,
    solve=lambda text: "YES\n" if "abc" in text else "NO\n",
    explain=_explain_abc,
    python=(
        "s = input().strip()\nprint('YES' if 'abc' in s else 'NO')\n",
        "s = input().strip()\nfound = any(s[i:i + 3] == 'abc' for i in range(len(s) - 2))\n"
        "print('YES' if found else 'NO')\n",
    ),
    cpp=(
        CPP_HEAD + "int main() {\n    string s;\n    cin >> s;\n"
        "    cout << (s.find(\"abc\") != string::npos ? \"YES\" : \"NO\") << endl;\n    return 0;\n}\n",
    ),
)


def _square_input(rng: random.Random, limits: dict[str, int]) -> str:
    letters = _small_alphabet(rng)
    length = rng.randint(1, limits["L"])
    if rng.random() < 0.5 and length >= 2:
        half = _word(rng, length // 2, letters)
        word = half + half
        if rng.random() < 0.3:
            position = rng.randrange(len(word))
            word = word[:position] + rng.choice(letters) + word[position + 1:]
        return word + "\n"
    return _word(rng, length, letters) + "\n"


def _explain_square(text: str) -> str:
    s = text.strip()
    if len(s) % 2:
        return f"the length of \"{s}\" is odd, so it cannot consist of two equal halves"
    half = len(s) // 2
    if s[:half] == s[half:]:
        return f"\"{s}\" is \"{s[:half]}\" written twice"
    return f"the halves \"{s[:half]}\" and \"{s[half:]}\" differ"


SQUARE_STRING = Family(
    name="square-string",
    rating=800,
    tags=("strings", "implementation"),
    phrasings={
        "train": (
            Phrasing(
                "A string is called square if it is some string written twice in a row, like \"abab\" or \"aa\". "
                "Check whether the string s is square.",
                "The only line contains a string s of lowercase English letters (1 ≤ |s| ≤ {L}).",
                "Print YES if s is square, and NO otherwise.",
            ),
            Phrasing(
                "{name} wonders whether the word s is made of two copies of the same word w, that is, s = w + w.",
                "The first line contains a string s of lowercase letters (1 ≤ |s| ≤ {L}).",
                "Print YES if s = w + w for some string w, otherwise print NO.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "{name} likes words that are made of one word repeated twice, such as \"hoho\" or \"abcabc\", and "
                "calls them square. Words like \"aaa\" or \"abaab\" are not square. Help {name} decide whether the "
                "word s is square.",
                "The first line contains one string s (⟦1 ≤ |s| ≤ L⟧) consisting of lowercase Latin letters.",
                "Print YES if s is square, and NO otherwise.",
            ),
            Phrasing(
                "The parrot of the {place} in {town} always says everything twice. {name} heard the parrot say s. "
                "Could the parrot have said some word w twice in a row, so that s = w + w?",
                "The only line contains the string s (⟦1 ≤ |s| ≤ L⟧) of lowercase English letters.",
                "Print YES if s is a word repeated twice, and NO otherwise.",
            ),
        ),
        "story": (
            Phrasing(
                "The echo in the canyon behind the {place} repeats every call exactly once. {name} wrote down "
                "the sound s heard there and wonders whether it could be one call followed by its echo, that is, "
                "s = w + w for some string w.",
                "The only line of the input holds the string s: lowercase letters, ⟦1 ≤ |s| ≤ L⟧.",
                "Write YES if s consists of two equal halves, and NO otherwise.",
            ),
            Phrasing(
                "{name} restores a frieze at the {place}. A frieze is well made if its pattern s is some motif "
                "painted twice side by side. Is the frieze well made?",
                "The first line gives the pattern s (⟦1 ≤ |s| ≤ L⟧) of lowercase letters.",
                "Answer YES if s = w + w for some w and NO otherwise.",
            ),
        ),
    },
    limits={"train": {"L": 100}, "story": {"L": 2 * 10**5}},
    sizes=("L",),
    make_input=_square_input,
    solve=lambda text: "YES\n" if len(text.strip()) % 2 == 0
    and text.strip()[:len(text.strip()) // 2] == text.strip()[len(text.strip()) // 2:] else "NO\n",
    explain=_explain_square,
    python=(
        "s = input().strip()\nh = len(s) // 2\nprint('YES' if len(s) % 2 == 0 and s[:h] == s[h:] else 'NO')\n",
    ),
    cpp=(
        CPP_HEAD + "int main() {\n    string s;\n    cin >> s;\n    int n = s.size();\n"
        "    bool ok = n % 2 == 0 && s.substr(0, n / 2) == s.substr(n / 2);\n"
        "    cout << (ok ? \"YES\" : \"NO\") << endl;\n"
        "    return 0;\n}\n",
    ),
)


def _pangram_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = rng.randint(1, limits["N"])
    if n >= 26 and rng.random() < 0.6:
        letters = list(LETTERS)
        if rng.random() < 0.4:
            letters.remove(rng.choice(LETTERS))
        word = letters + [rng.choice(letters) for _ in range(n - len(letters))]
        rng.shuffle(word)
    else:
        word = list(_word(rng, n, LETTERS))
    text = "".join(ch.upper() if rng.random() < 0.3 else ch for ch in word)
    return f"{len(text)}\n{text}\n"


def _explain_pangram(text: str) -> str:
    missing = sorted(set(LETTERS) - set(text.split()[1].lower()))
    if not missing:
        return "every letter from a to z occurs in the string, in lowercase or in uppercase"
    return f"the letter '{missing[0]}' does not occur in the string"


IS_PANGRAM = Family(
    name="is-pangram",
    rating=800,
    tags=("strings", "implementation"),
    phrasings={
        "train": (
            Phrasing(
                "A pangram is a string that contains every letter of the English alphabet at least once, in "
                "lowercase or uppercase. Check whether the given string is a pangram.",
                "The first line contains n (1 ≤ n ≤ {N}) — the length of the string. The second line contains the "
                "string, made of lowercase and uppercase English letters.",
                "Print YES if the string is a pangram, and NO otherwise.",
            ),
            Phrasing(
                "{name} typed a string of n letters at the {place}. Does it use every letter from A to Z at least "
                "once? Uppercase and lowercase forms of a letter count as the same letter.",
                "The first line contains an integer n (1 ≤ n ≤ {N}). The second line contains a string of n "
                "uppercase and lowercase letters.",
                "Print YES if every letter occurs, otherwise print NO.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "{name} is testing a new keyboard at the {place} in {town}. To be sure that every key works, "
                "{name} typed a text of n letters. The test passes if the text contains every letter of the Latin "
                "alphabet at least once (it does not matter whether a letter is uppercase or lowercase). Did the "
                "test pass?",
                "The first line contains one integer n (⟦1 ≤ n ≤ N⟧) — the number of letters in the text. The "
                "second line contains the text: n uppercase and lowercase Latin letters.",
                "Print YES if the text contains all 26 letters, and NO otherwise.",
            ),
            Phrasing(
                "A sentence that uses every letter of the alphabet is called a pangram. {name} wrote a string of n "
                "letters without spaces and hopes it is a pangram. Check it; uppercase and lowercase letters are "
                "considered the same.",
                "The first line contains an integer n (⟦1 ≤ n ≤ N⟧). The second line contains the string of n "
                "letters.",
                "Print YES if the string is a pangram, and NO otherwise.",
            ),
        ),
        "story": (
            Phrasing(
                "The type case of the printing press at the {place} must be complete before work begins: every "
                "letter from a to z has to appear among the n letters {name} finds in it, in either case. Is the "
                "type case complete?",
                "The first line holds n (⟦1 ≤ n ≤ N⟧). The second line holds the n letters, lowercase and "
                "uppercase Latin, without spaces.",
                "Write YES if all 26 letters appear, and NO otherwise.",
            ),
        ),
    },
    limits={"train": {"N": 100}, "story": {"N": 10**5}},
    sizes=("N",),
    make_input=_pangram_input,
    solve=lambda text: "YES\n" if set(text.split()[1].lower()) >= set(LETTERS) else "NO\n",
    explain=_explain_pangram,
    python=(
        "n = int(input())\ns = input().strip().lower()\nprint('YES' if len(set(s)) == 26 else 'NO')\n",
    ),
    cpp=(
        CPP_HEAD + "int main() {\n    int n;\n    string s;\n    cin >> n >> s;\n    set<char> seen;\n"
        "    for (char c : s) seen.insert(tolower(c));\n    cout << (seen.size() == 26 ? \"YES\" : \"NO\") << endl;\n"
        "    return 0;\n}\n",
    ),
)

FAMILIES = (
    PALINDROME_AFTER_REMOVAL,
    CONTAINS_ABC,
    SQUARE_STRING,
    IS_PANGRAM,
)
