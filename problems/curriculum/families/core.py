"""Two families written out in full, as the model for the others: a sum over an array, and string reversal."""

from __future__ import annotations

import random

from problems.curriculum.base import Family, Phrasing


def _array_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = rng.randint(1, limits["N"])
    values = [rng.randint(1, limits["A"]) for _ in range(n)]
    return f"{n}\n{' '.join(map(str, values))}\n"


def _sum(text: str) -> str:
    numbers = text.split()
    return f"{sum(map(int, numbers[1:1 + int(numbers[0])]))}\n"


ARRAY_SUM = Family(
    name="array-sum",
    rating=800,
    tags=("implementation",),
    phrasings={
        "train": (
            Phrasing(
                "{name} has n bags of {things}; the i-th bag holds a_i of them. How many {things} does {name} have "
                "in total?",
                "The first line contains one integer n (1 ≤ n ≤ {N}) — the number of bags. The second line contains "
                "n integers a_1, a_2, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print one integer — the total number of {things}.",
            ),
            Phrasing(
                "At the {place}, {name} wrote down n numbers. Find the sum of all of them.",
                "The first line contains an integer n (1 ≤ n ≤ {N}). The second line contains n integers a_i "
                "(1 ≤ a_i ≤ {A}).",
                "Print the sum a_1 + a_2 + … + a_n.",
            ),
            Phrasing(
                "You are given an array a of n positive integers. Compute the sum of its elements.",
                "The first line holds n (1 ≤ n ≤ {N}), the length of the array. The next line holds the elements "
                "a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Output a single integer: the sum of the array.",
            ),
        ),
        "heldout": (
            Phrasing(
                "Every evening {name} counts the {things} brought to the {place} by n visitors, the i-th visitor "
                "bringing a_i. Report the total of all the {things} brought.",
                "The first line gives n (1 ≤ n ≤ {N}), the number of visitors. The following line gives the n "
                "counts a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Output the total, that is, the sum of all a_i.",
            ),
        ),
    },
    limits={"train": {"N": 100, "A": 1000}, "heldout": {"N": 200, "A": 10**6}},
    make_input=_array_input,
    solve=_sum,
    python=(
        "n = int(input())\na = list(map(int, input().split()))\nprint(sum(a))\n",
        "import sys\n\ndata = sys.stdin.read().split()\nn = int(data[0])\ntotal = 0\nfor i in range(1, n + 1):\n"
        "    total += int(data[i])\nprint(total)\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    cin >> n;\n"
        "    long long total = 0;\n    for (int i = 0; i < n; i++) {\n        long long x;\n        cin >> x;\n"
        "        total += x;\n    }\n    cout << total << endl;\n    return 0;\n}\n",
    ),
)


def _word_input(rng: random.Random, limits: dict[str, int]) -> str:
    length = rng.randint(1, limits["L"])
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(length)) + "\n"


REVERSE = Family(
    name="reverse-string",
    rating=800,
    tags=("strings", "implementation"),
    phrasings={
        "train": (
            Phrasing(
                "{name} writes words backwards for fun. Given a word s, print it reversed.",
                "The only line contains a string s of lowercase English letters (1 ≤ |s| ≤ {L}).",
                "Print the string s written from right to left.",
            ),
            Phrasing(
                "A sign at the {place} was painted in a mirror. You are given the string s; output its reverse.",
                "The first line contains a non-empty string s (1 ≤ |s| ≤ {L}) consisting of lowercase letters.",
                "Print the reversed string.",
            ),
            Phrasing(
                "Reverse the string s: its last character comes first, its first character comes last.",
                "The input is one line with the string s (1 ≤ |s| ≤ {L}) of lowercase English letters.",
                "Output the reverse of s.",
            ),
        ),
        "heldout": (
            Phrasing(
                "In the {place}, {name} keeps a diary where every word is stored in reverse order of its letters. "
                "Decode one word: given s, output the letters of s from last to first.",
                "A single line with the word s, made of lowercase Latin letters (1 ≤ |s| ≤ {L}).",
                "Output s reversed.",
            ),
        ),
    },
    limits={"train": {"L": 100}, "heldout": {"L": 1000}},
    make_input=_word_input,
    solve=lambda text: text.strip()[::-1] + "\n",
    python=("s = input().strip()\nprint(s[::-1])\n", "s = input().strip()\nprint(''.join(reversed(s)))\n"),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    string s;\n    cin >> s;\n"
        "    reverse(s.begin(), s.end());\n    cout << s << endl;\n    return 0;\n}\n",
    ),
)

FAMILIES = (ARRAY_SUM, REVERSE)
