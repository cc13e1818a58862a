"""Families about sequences and strings: sorting, prefix sums and maxima, counting letters, words and pairs."""

from __future__ import annotations

import random

from problems.curriculum.base import Family, Phrasing, array_of

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _array_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = rng.randint(1, limits["N"])
    values = [rng.randint(1, limits["A"]) for _ in range(n)]
    return f"{n}\n{' '.join(map(str, values))}\n"


def _word(rng: random.Random, length: int, letters: str = LETTERS) -> str:
    return "".join(rng.choice(letters) for _ in range(length))


def _letters_input(rng: random.Random, limits: dict[str, int]) -> str:
    letters = "".join(rng.sample(LETTERS, rng.randint(1, rng.choice((3, 26)))))
    return _word(rng, rng.randint(1, limits["L"]), letters) + "\n"


SORT_ASCENDING = Family(
    name="sort-ascending",
    rating=800,
    tags=("sortings",),
    phrasings={
        "train": (
            Phrasing(
                "{name} lines up n piles of {things} at the {place}; the i-th pile has a_i of them. Help {name} list "
                "the pile sizes in non-decreasing order.",
                "The first line contains one integer n (1 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, a_2, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print the n numbers in non-decreasing order, separated by spaces.",
            ),
            Phrasing(
                "You are given an array a of n integers. Sort it in non-decreasing order.",
                "The first line holds n (1 ≤ n ≤ {N}), the length of the array. The next line holds the elements "
                "a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Output the sorted array: its n elements in non-decreasing order, separated by spaces.",
            ),
            Phrasing(
                "The {things} at the {place} carry price tags a_1, …, a_n. {name} wants the prices sorted from the "
                "smallest to the largest, that is, in non-decreasing order.",
                "The first line contains an integer n (1 ≤ n ≤ {N}) — the number of {things}. The second line "
                "contains n integers a_i (1 ≤ a_i ≤ {A}).",
                "Print the prices in non-decreasing order on one line, separated by spaces.",
            ),
        ),
        "heldout": (
            Phrasing(
                "Before the {place} closes, {name} must file n records numbered a_1, …, a_n so that no record's "
                "number is smaller than the one before it. Arrange the numbers in non-decreasing order.",
                "Line one: n (1 ≤ n ≤ {N}), the count of records. Line two: the n record numbers a_i "
                "(1 ≤ a_i ≤ {A}).",
                "On a single line, the n numbers in non-decreasing order, space-separated.",
            ),
            Phrasing(
                "In the {place} lie n {things}, the i-th weighing a_i grams. {name} asks you to sort the weights "
                "in non-decreasing order.",
                "A line with n (1 ≤ n ≤ {N}) is followed by a line with the weights a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Output all n weights sorted in non-decreasing order, separated by single spaces.",
            ),
        ),
    },
    limits={"train": {"N": 100, "A": 1000}, "heldout": {"N": 1000, "A": 10**9}},
    make_input=_array_input,
    solve=lambda text: " ".join(map(str, sorted(array_of(text)))) + "\n",
    python=(
        "n = int(input())\na = list(map(int, input().split()))\nprint(*sorted(a))\n",
        "import sys\n\ndata = sys.stdin.read().split()\nn = int(data[0])\na = sorted(int(x) for x in data[1:n + 1])\n"
        "print(' '.join(map(str, a)))\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    cin >> n;\n"
        "    vector<long long> a(n);\n    for (auto &x : a) cin >> x;\n    sort(a.begin(), a.end());\n"
        "    for (int i = 0; i < n; i++) cout << a[i] << (i + 1 < n ? ' ' : '\\n');\n    return 0;\n}\n",
    ),
)

SORT_DESCENDING = Family(
    name="sort-descending",
    rating=800,
    tags=("sortings",),
    phrasings={
        "train": (
            Phrasing(
                "{name} wants to show the biggest piles of {things} at the {place} first. The i-th of the n piles "
                "has a_i {things}; list the sizes in non-increasing order.",
                "The first line contains one integer n (1 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, a_2, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print the n numbers in non-increasing order, separated by spaces.",
            ),
            Phrasing(
                "You are given an array a of n integers. Sort it in non-increasing order.",
                "The first line holds n (1 ≤ n ≤ {N}), the length of the array. The next line holds the elements "
                "a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Output the sorted array: its n elements in non-increasing order, separated by spaces.",
            ),
            Phrasing(
                "The scores of n players at the {place} are a_1, …, a_n. {name} prints a ranking from the largest "
                "score to the smallest, that is, in non-increasing order.",
                "The first line contains an integer n (1 ≤ n ≤ {N}) — the number of players. The second line "
                "contains n integers a_i (1 ≤ a_i ≤ {A}).",
                "Print the scores in non-increasing order on one line, separated by spaces.",
            ),
        ),
        "heldout": (
            Phrasing(
                "Each of the n shelves in the {place} holds a_i {things}. For the inventory, {name} needs the "
                "shelf counts arranged in non-increasing order.",
                "Line one: n (1 ≤ n ≤ {N}), the count of shelves. Line two: the n counts a_i (1 ≤ a_i ≤ {A}).",
                "On a single line, the n counts in non-increasing order, space-separated.",
            ),
            Phrasing(
                "Sort n given numbers a_1, …, a_n in non-increasing order, so that every number is at least as "
                "large as the one after it. {name} at the {place} will check your list.",
                "A line with n (1 ≤ n ≤ {N}) is followed by a line with the numbers a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Output all n numbers sorted in non-increasing order, separated by single spaces.",
            ),
        ),
    },
    limits={"train": {"N": 100, "A": 1000}, "heldout": {"N": 1000, "A": 10**9}},
    make_input=_array_input,
    solve=lambda text: " ".join(map(str, sorted(array_of(text), reverse=True))) + "\n",
    python=(
        "n = int(input())\na = list(map(int, input().split()))\nprint(*sorted(a, reverse=True))\n",
        "import sys\n\ndata = sys.stdin.read().split()\nn = int(data[0])\na = sorted(map(int, data[1:n + 1]))\n"
        "a.reverse()\nprint(' '.join(map(str, a)))\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    cin >> n;\n"
        "    vector<long long> a(n);\n    for (auto &x : a) cin >> x;\n    sort(a.rbegin(), a.rend());\n"
        "    for (int i = 0; i < n; i++) cout << a[i] << (i + 1 < n ? ' ' : '\\n');\n    return 0;\n}\n",
    ),
)


def _queries_input(rng: random.Random, limits: dict[str, int]) -> str:
    n, q = rng.randint(1, limits["N"]), rng.randint(1, limits["Q"])
    values = [rng.randint(1, limits["A"]) for _ in range(n)]
    lines = [f"{n} {q}", " ".join(map(str, values))]
    for _ in range(q):
        left = rng.randint(1, n)
        lines.append(f"{left} {rng.randint(left, n)}")
    return "\n".join(lines) + "\n"


def _range_sums(text: str) -> str:
    numbers = list(map(int, text.split()))
    n, q = numbers[0], numbers[1]
    prefix = [0]
    for value in numbers[2:2 + n]:
        prefix.append(prefix[-1] + value)
    queries = numbers[2 + n:]
    return "".join(f"{prefix[queries[2 * k + 1]] - prefix[queries[2 * k] - 1]}\n" for k in range(q))


PREFIX_SUM_QUERIES = Family(
    name="prefix-sum-queries",
    rating=1000,
    tags=("implementation", "data structures"),
    phrasings={
        "train": (
            Phrasing(
                "{name} keeps n jars of {things} in a row at the {place}; the i-th jar holds a_i. For each of q "
                "queries l, r, find the sum of a_l through a_r.",
                "The first line contains n and q (1 ≤ n ≤ {N}, 1 ≤ q ≤ {Q}). The second line contains a_1, …, a_n "
                "(1 ≤ a_i ≤ {A}). Each of the next q lines contains l and r (1 ≤ l ≤ r ≤ n).",
                "Print the answers to the queries, one per line.",
            ),
            Phrasing(
                "You are given an array a of n integers and q queries. Each query gives l and r; report the sum "
                "a_l + a_{{l+1}} + … + a_r.",
                "The first line holds n and q (1 ≤ n ≤ {N}, 1 ≤ q ≤ {Q}). The second line holds the array "
                "(1 ≤ a_i ≤ {A}). Then q lines follow, each with l and r (1 ≤ l ≤ r ≤ n).",
                "Print q lines: the sum of a_l through a_r for each query.",
            ),
            Phrasing(
                "At the {place}, {name} recorded a_i visitors on day i for n days. Answer q questions \"l r\": "
                "the sum of a_l through a_r.",
                "The first line contains n and q (1 ≤ n ≤ {N}, 1 ≤ q ≤ {Q}). The second line contains n integers "
                "a_i (1 ≤ a_i ≤ {A}). The following q lines contain l and r (1 ≤ l ≤ r ≤ n).",
                "Output q lines with the answers, in the order of the questions.",
            ),
        ),
        "heldout": (
            Phrasing(
                "Along a path near the {place} stand n posts, the i-th with a_i {things} tied to it. {name} asks q "
                "times how many {things} hang on posts l to r, i.e. the sum of a_l through a_r.",
                "First line: n and q (1 ≤ n ≤ {N}, 1 ≤ q ≤ {Q}). Second line: a_1, …, a_n (1 ≤ a_i ≤ {A}). "
                "Next q lines: l and r (1 ≤ l ≤ r ≤ n).",
                "One line per query: the sum of a_l through a_r.",
            ),
            Phrasing(
                "Range sums: given a sequence a_1, …, a_n and q queries (l, r), output for each query the sum of "
                "a_l through a_r.",
                "The input starts with n and q (1 ≤ n ≤ {N}, 1 ≤ q ≤ {Q}), then the n values a_i (1 ≤ a_i ≤ {A}), "
                "then q lines with l and r each (1 ≤ l ≤ r ≤ n).",
                "Print the q sums, one per line, in the order of the queries.",
            ),
        ),
    },
    limits={"train": {"N": 100, "Q": 100, "A": 1000}, "heldout": {"N": 10**4, "Q": 10**4, "A": 10**9}},
    make_input=_queries_input,
    solve=_range_sums,
    python=(
        "import sys\n\ndata = sys.stdin.read().split()\nn, q = int(data[0]), int(data[1])\nprefix = [0]\n"
        "for i in range(n):\n    prefix.append(prefix[-1] + int(data[2 + i]))\nout = []\nfor k in range(q):\n"
        "    l, r = int(data[2 + n + 2 * k]), int(data[3 + n + 2 * k])\n    out.append(prefix[r] - prefix[l - 1])\n"
        "print('\\n'.join(map(str, out)))\n",
        "from itertools import accumulate\n\nn, q = map(int, input().split())\n"
        "prefix = [0] + list(accumulate(map(int, input().split())))\nanswers = []\nfor _ in range(q):\n"
        "    l, r = map(int, input().split())\n    answers.append(str(prefix[r] - prefix[l - 1]))\n"
        "print('\\n'.join(answers))\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n, q;\n    cin >> n >> q;\n"
        "    vector<long long> prefix(n + 1, 0);\n    for (int i = 1; i <= n; i++) {\n        long long x;\n"
        "        cin >> x;\n        prefix[i] = prefix[i - 1] + x;\n    }\n    while (q--) {\n        int l, r;\n"
        "        cin >> l >> r;\n        cout << prefix[r] - prefix[l - 1] << '\\n';\n    }\n    return 0;\n}\n",
    ),
)


def _palindromes_input(rng: random.Random, limits: dict[str, int]) -> str:
    t = rng.randint(1, limits["T"])
    words = []
    for _ in range(t):
        length = rng.randint(1, limits["L"])
        letters = LETTERS[:rng.choice((2, 3, 26))]
        half = _word(rng, length // 2, letters)
        word = half + _word(rng, length % 2, letters) + half[::-1]
        if rng.random() < 0.5:  # break the palindrome in one place (it may survive by chance)
            position = rng.randrange(length)
            word = word[:position] + rng.choice(letters) + word[position + 1:]
        words.append(word)
    return f"{t}\n" + "\n".join(words) + "\n"


def _palindromes(text: str) -> str:
    words = text.split()
    return "".join("YES\n" if word == word[::-1] else "NO\n" for word in words[1:1 + int(words[0])])


PALINDROME_MULTITEST = Family(
    name="palindrome-multitest",
    rating=800,
    tags=("strings", "implementation"),
    phrasings={
        "train": (
            Phrasing(
                "{name} collects words that read the same from left to right and from right to left. Given t "
                "words, decide for each whether it is a palindrome.",
                "The first line contains t (1 ≤ t ≤ {T}). Each of the next t lines contains a word of lowercase "
                "English letters of length from 1 to {L}.",
                "For each word print YES if it is a palindrome and NO otherwise, one answer per line.",
            ),
            Phrasing(
                "A palindrome is a string equal to its reverse. You are given t strings; check each of them.",
                "The first line holds t (1 ≤ t ≤ {T}), the number of strings. Then t lines follow, each with a "
                "string s of lowercase letters (1 ≤ |s| ≤ {L}).",
                "Print t lines: YES if the string is a palindrome, NO if it is not.",
            ),
            Phrasing(
                "At the {place}, t labels are written on boxes of {things}. A label is lucky if it is a "
                "palindrome. Which labels are lucky?",
                "The first line contains an integer t (1 ≤ t ≤ {T}). Each of the following t lines contains one "
                "label: a string of lowercase English letters with 1 ≤ |s| ≤ {L}.",
                "For every label output YES if it is a palindrome, otherwise NO, each on its own line.",
            ),
        ),
        "heldout": (
            Phrasing(
                "In the {place}, {name} received t coded words and trusts only those that do not change when "
                "reversed. For every word tell whether it is a palindrome.",
                "Line one: t (1 ≤ t ≤ {T}). Then t lines, one word each, made of lowercase Latin letters, each of "
                "length between 1 and {L}.",
                "t lines, each YES (the word is a palindrome) or NO.",
            ),
            Phrasing(
                "Palindrome check: t strings s are given, and for each one you must say whether s reads the same "
                "backwards.",
                "The number t (1 ≤ t ≤ {T}) comes first, followed by t strings of lowercase letters, each on a "
                "separate line (1 ≤ |s| ≤ {L}).",
                "For each string, output YES if it is a palindrome and NO otherwise, one per line.",
            ),
        ),
    },
    limits={"train": {"T": 10, "L": 20}, "heldout": {"T": 100, "L": 100}},
    make_input=_palindromes_input,
    solve=_palindromes,
    python=(
        "t = int(input())\nfor _ in range(t):\n    s = input().strip()\n    print('YES' if s == s[::-1] else 'NO')\n",
        "import sys\n\nwords = sys.stdin.read().split()\nt = int(words[0])\nanswers = []\nfor s in words[1:t + 1]:\n"
        "    good = all(s[i] == s[len(s) - 1 - i] for i in range(len(s) // 2))\n"
        "    answers.append('YES' if good else 'NO')\nprint('\\n'.join(answers))\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int t;\n    cin >> t;\n"
        "    while (t--) {\n        string s;\n        cin >> s;\n        string r(s.rbegin(), s.rend());\n"
        "        cout << (s == r ? \"YES\" : \"NO\") << '\\n';\n    }\n    return 0;\n}\n",
    ),
)


def _char_input(rng: random.Random, limits: dict[str, int]) -> str:
    letters = "".join(rng.sample(LETTERS, rng.randint(1, rng.choice((4, 26)))))
    s = _word(rng, rng.randint(1, limits["L"]), letters)
    c = rng.choice(letters) if rng.random() < 0.8 else rng.choice(LETTERS)
    return f"{s}\n{c}\n"


COUNT_CHAR = Family(
    name="count-char",
    rating=800,
    tags=("strings", "implementation"),
    phrasings={
        "train": (
            Phrasing(
                "{name} wrote a long word s on a board at the {place}. How many times does the letter c occur "
                "in s?",
                "The first line contains a string s of lowercase English letters (1 ≤ |s| ≤ {L}). The second line "
                "contains a single lowercase letter c.",
                "Print how many times the letter c occurs in s.",
            ),
            Phrasing(
                "You are given a string s and a character c. Count the occurrences of c in s.",
                "The first line holds s, made of lowercase letters (1 ≤ |s| ≤ {L}). The second line holds the "
                "lowercase letter c.",
                "Output one integer: the number of positions i where s_i = c, that is, how many times c occurs.",
            ),
            Phrasing(
                "Each letter of the string s stands for one of {name}'s {things}. Find how many times the letter "
                "c occurs in s.",
                "The first line contains s (1 ≤ |s| ≤ {L}), consisting of lowercase English letters. The second "
                "line contains one lowercase letter c.",
                "Print a single integer — the number of occurrences of c in s.",
            ),
        ),
        "heldout": (
            Phrasing(
                "A message s arrived at the {place}, and {name} wonders how often one letter c occurs in it. "
                "Report the number of times c occurs in s.",
                "Line one: the message s, lowercase Latin letters only (1 ≤ |s| ≤ {L}). Line two: the letter c, "
                "also lowercase.",
                "One integer: how many times c occurs in s.",
            ),
            Phrasing(
                "Count the occurrences of a given letter c in a given string s; {name} needs this number to sort "
                "{things}.",
                "The string s (1 ≤ |s| ≤ {L}) of lowercase letters is on the first line and the lowercase letter "
                "c is on the second.",
                "Output the number of occurrences of c in s.",
            ),
        ),
    },
    limits={"train": {"L": 100}, "heldout": {"L": 1000}},
    make_input=_char_input,
    solve=lambda text: f"{text.split()[0].count(text.split()[1])}\n",
    python=(
        "s = input().strip()\nc = input().strip()\nprint(s.count(c))\n",
        "import sys\n\ns, c = sys.stdin.read().split()\ntotal = 0\nfor ch in s:\n    if ch == c:\n        total += 1\n"
        "print(total)\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    string s;\n    char c;\n"
        "    cin >> s >> c;\n    cout << count(s.begin(), s.end(), c) << endl;\n    return 0;\n}\n",
    ),
)


def _most_frequent(text: str) -> str:
    s = text.strip()
    return max(sorted(set(s)), key=s.count) + "\n"


MOST_FREQUENT_LETTER = Family(
    name="most-frequent-letter",
    rating=900,
    tags=("strings", "implementation"),
    phrasings={
        "train": (
            Phrasing(
                "{name} wants to know which letter occurs most often in the word s. If several letters occur "
                "the same maximum number of times, choose the alphabetically smallest one.",
                "The only line contains a string s of lowercase English letters (1 ≤ |s| ≤ {L}).",
                "Print the letter that occurs most often in s (the alphabetically smallest in case of a tie).",
            ),
            Phrasing(
                "You are given a string s. Find its most frequent letter; ties go to the alphabetically smallest "
                "letter.",
                "The first line holds s (1 ≤ |s| ≤ {L}), made of lowercase letters.",
                "Output a single letter: the most frequent letter of s, the alphabetically smallest among ties.",
            ),
            Phrasing(
                "Each letter of s names a kind of {things} sold at the {place}. Which letter occurs most often? "
                "If there is a tie, pick the alphabetically smallest letter.",
                "The only line contains s (1 ≤ |s| ≤ {L}), consisting of lowercase English letters.",
                "Print the most frequent letter of s; in case of a tie print the alphabetically smallest one.",
            ),
        ),
        "heldout": (
            Phrasing(
                "{name} found a scroll in the {place} with a string s written on it. Report the letter that occurs "
                "most often; should several letters be tied, the alphabetically smallest wins.",
                "A single line with s, lowercase Latin letters only (1 ≤ |s| ≤ {L}).",
                "One letter: the most frequent one (alphabetically smallest among ties).",
            ),
            Phrasing(
                "Most frequent letter: for a string s, output the letter with the largest number of occurrences, "
                "breaking ties in favour of the alphabetically smallest letter.",
                "The input is one line with the string s (1 ≤ |s| ≤ {L}) of lowercase letters.",
                "Output the most frequent letter of s.",
            ),
        ),
    },
    limits={"train": {"L": 100}, "heldout": {"L": 2000}},
    make_input=_letters_input,
    solve=_most_frequent,
    python=(
        "s = input().strip()\nprint(max(sorted(set(s)), key=s.count))\n",
        "from collections import Counter\n\ns = input().strip()\ncounts = Counter(s)\n"
        "print(min(counts, key=lambda ch: (-counts[ch], ch)))\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    string s;\n    cin >> s;\n"
        "    int cnt[26] = {0};\n    for (char ch : s) cnt[ch - 'a']++;\n    int best = 0;\n"
        "    for (int i = 1; i < 26; i++)\n        if (cnt[i] > cnt[best]) best = i;\n"
        "    cout << char('a' + best) << endl;\n    return 0;\n}\n",
    ),
)


def _vowels_input(rng: random.Random, limits: dict[str, int]) -> str:
    letters = rng.choice((LETTERS, "aeioubcdst", "bcdfghjklmnpqrstvwxyz"))
    return _word(rng, rng.randint(1, limits["L"]), letters) + "\n"


COUNT_VOWELS = Family(
    name="count-vowels",
    rating=800,
    tags=("strings", "implementation"),
    phrasings={
        "train": (
            Phrasing(
                "{name} practises reading aloud at the {place} and counts the vowels in each word. The vowels are "
                "a, e, i, o and u. How many vowels does the word s contain?",
                "The only line contains a string s of lowercase English letters (1 ≤ |s| ≤ {L}).",
                "Print the number of vowels in s.",
            ),
            Phrasing(
                "You are given a lowercase string s. Count its vowels (the letters a, e, i, o, u).",
                "The first line holds s (1 ≤ |s| ≤ {L}), made of lowercase letters.",
                "Output one integer: how many characters of s are vowels.",
            ),
            Phrasing(
                "Labels on {things} are lowercase words. For the label s, find the number of vowels in it, where "
                "the vowels are a, e, i, o and u.",
                "The only line contains s (1 ≤ |s| ≤ {L}), consisting of lowercase English letters.",
                "Print a single integer — the number of vowels in s.",
            ),
        ),
        "heldout": (
            Phrasing(
                "In the {place}, {name} scores each word by the number of vowels it contains (a, e, i, o and u "
                "count as vowels). Compute the score of the word s.",
                "A single line with s, lowercase Latin letters only (1 ≤ |s| ≤ {L}).",
                "The number of vowels in s.",
            ),
            Phrasing(
                "Count vowels: how many letters of the string s are one of the vowels a, e, i, o, u?",
                "The input is one line with the string s (1 ≤ |s| ≤ {L}) of lowercase letters.",
                "Output the number of vowels in s.",
            ),
        ),
    },
    limits={"train": {"L": 100}, "heldout": {"L": 1000}},
    make_input=_vowels_input,
    solve=lambda text: f"{sum(ch in 'aeiou' for ch in text.strip())}\n",
    python=(
        "s = input().strip()\nprint(sum(ch in 'aeiou' for ch in s))\n",
        "s = input().strip()\ntotal = 0\nfor v in 'aeiou':\n    total += s.count(v)\nprint(total)\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    string s;\n    cin >> s;\n"
        "    int total = 0;\n    for (char ch : s)\n"
        "        if (ch == 'a' || ch == 'e' || ch == 'i' || ch == 'o' || ch == 'u') total++;\n"
        "    cout << total << endl;\n    return 0;\n}\n",
    ),
)


def _lowercase_input(rng: random.Random, limits: dict[str, int]) -> str:
    return _word(rng, rng.randint(1, limits["L"])) + "\n"


TO_UPPERCASE = Family(
    name="to-uppercase",
    rating=800,
    tags=("strings", "implementation"),
    phrasings={
        "train": (
            Phrasing(
                "{name} paints the sign of the {place} and wants every letter in capitals. Given the word s, "
                "convert it to uppercase.",
                "The only line contains a string s of lowercase English letters (1 ≤ |s| ≤ {L}).",
                "Print s with every lowercase letter replaced by the same uppercase letter.",
            ),
            Phrasing(
                "You are given a string s of lowercase letters. Print it in uppercase.",
                "The first line holds s (1 ≤ |s| ≤ {L}), made of lowercase letters.",
                "Output the string s converted to uppercase.",
            ),
            Phrasing(
                "Boxes of {things} must be labelled in capital letters. Turn the label s into uppercase.",
                "The only line contains s (1 ≤ |s| ≤ {L}), consisting of lowercase English letters.",
                "Print the label with all letters made uppercase.",
            ),
        ),
        "heldout": (
            Phrasing(
                "The old typewriter in the {place} prints only capital letters, so {name} needs the word s with "
                "each of its letters written in uppercase.",
                "A single line with s, lowercase Latin letters only (1 ≤ |s| ≤ {L}).",
                "The word s in uppercase.",
            ),
            Phrasing(
                "Uppercase conversion: replace every lowercase letter of the string s by its uppercase form.",
                "The input is one line with the string s (1 ≤ |s| ≤ {L}) of lowercase letters.",
                "Output s converted to uppercase.",
            ),
        ),
    },
    limits={"train": {"L": 100}, "heldout": {"L": 1000}},
    make_input=_lowercase_input,
    solve=lambda text: text.strip().upper() + "\n",
    python=(
        "s = input().strip()\nprint(s.upper())\n",
        "s = input().strip()\nprint(''.join(chr(ord(ch) - 32) for ch in s))\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    string s;\n    cin >> s;\n"
        "    for (char &ch : s) ch = toupper(ch);\n    cout << s << endl;\n    return 0;\n}\n",
    ),
)


def _repeats_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = rng.randint(1, limits["N"])
    pool = [rng.randint(1, limits["A"]) for _ in range(rng.randint(1, n))]
    return f"{n}\n{' '.join(str(rng.choice(pool)) for _ in range(n))}\n"


DISTINCT_COUNT = Family(
    name="distinct-count",
    rating=900,
    tags=("implementation", "sortings"),
    phrasings={
        "train": (
            Phrasing(
                "{name} has n {things}, the i-th of type a_i. How many distinct types are there?",
                "The first line contains one integer n (1 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, a_2, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print the number of distinct values among a_1, …, a_n.",
            ),
            Phrasing(
                "You are given an array a of n integers. Count how many distinct values it contains.",
                "The first line holds n (1 ≤ n ≤ {N}), the length of the array. The next line holds the elements "
                "a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Output one integer: the number of distinct elements of the array.",
            ),
            Phrasing(
                "At the {place}, n visitors arrived, the i-th wearing badge number a_i. Some badges repeat. Find "
                "the number of distinct badge numbers.",
                "The first line contains an integer n (1 ≤ n ≤ {N}). The second line contains n integers a_i "
                "(1 ≤ a_i ≤ {A}).",
                "Print a single integer — how many distinct numbers appear among the a_i.",
            ),
        ),
        "heldout": (
            Phrasing(
                "{name} catalogues n {things} in the {place}, writing down the code a_i of each. Equal codes mean "
                "equal items. Report the number of distinct codes.",
                "Line one: n (1 ≤ n ≤ {N}). Line two: the n codes a_i (1 ≤ a_i ≤ {A}).",
                "The number of distinct values among the codes.",
            ),
            Phrasing(
                "Distinct values: given n numbers a_1, …, a_n, determine how many different numbers occur among "
                "them.",
                "A line with n (1 ≤ n ≤ {N}) is followed by a line with a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Output the count of distinct values.",
            ),
        ),
    },
    limits={"train": {"N": 100, "A": 100}, "heldout": {"N": 1000, "A": 10**9}},
    make_input=_repeats_input,
    solve=lambda text: f"{len(set(array_of(text)))}\n",
    python=(
        "n = int(input())\na = list(map(int, input().split()))\nprint(len(set(a)))\n",
        "import sys\n\ndata = sys.stdin.read().split()\nn = int(data[0])\na = sorted(map(int, data[1:n + 1]))\n"
        "distinct = 1\nfor i in range(1, n):\n    if a[i] != a[i - 1]:\n        distinct += 1\nprint(distinct)\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    cin >> n;\n"
        "    set<long long> seen;\n    for (int i = 0; i < n; i++) {\n        long long x;\n        cin >> x;\n"
        "        seen.insert(x);\n    }\n    cout << seen.size() << endl;\n    return 0;\n}\n",
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    cin >> n;\n"
        "    vector<long long> a(n);\n    for (auto &x : a) cin >> x;\n    sort(a.begin(), a.end());\n"
        "    cout << unique(a.begin(), a.end()) - a.begin() << endl;\n    return 0;\n}\n",
    ),
)


def _commands_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = rng.randint(1, limits["N"])
    plus = rng.uniform(0.2, 0.8)
    commands = [f"{'+' if rng.random() < plus else '-'} {rng.randint(1, limits['X'])}" for _ in range(n)]
    return f"{n}\n" + "\n".join(commands) + "\n"


def _simulate(text: str) -> str:
    tokens = text.split()
    value = best = 0
    for k in range(int(tokens[0])):
        x = int(tokens[2 + 2 * k])
        value += x if tokens[1 + 2 * k] == "+" else -x
        best = max(best, value)
    return f"{value} {best}\n"


COUNTER_SIMULATION = Family(
    name="counter-simulation",
    rating=1000,
    tags=("implementation",),
    phrasings={
        "train": (
            Phrasing(
                "A counter at the {place} starts at 0. {name} applies n commands: \"+ x\" adds x to it and \"- x\" "
                "subtracts x. Find the final value and the largest value the counter ever had.",
                "The first line contains n (1 ≤ n ≤ {N}). Each of the next n lines contains a command \"+ x\" or "
                "\"- x\" (1 ≤ x ≤ {X}).",
                "Print the final value and the largest value reached (including the starting 0), separated by a "
                "space.",
            ),
            Phrasing(
                "A counter starts at 0 and processes n commands of the form \"+ x\" (increase by x) or \"- x\" "
                "(decrease by x). Report its final value and the largest value it reached.",
                "The first line holds n (1 ≤ n ≤ {N}). Then n lines follow, each with a command \"+ x\" or \"- x\" "
                "(1 ≤ x ≤ {X}).",
                "Output two integers on one line: the final value and the largest value reached, counting the "
                "start 0.",
            ),
            Phrasing(
                "{name} tracks the number of {things} in a basket, starting at 0. Each of n events is \"+ x\" (x "
                "added) or \"- x\" (x removed; the count may become negative).",
                "The first line contains an integer n (1 ≤ n ≤ {N}). Each of the following n lines contains \"+ x\" "
                "or \"- x\" (1 ≤ x ≤ {X}).",
                "Print the final value and the largest value reached during the process (including the start 0), "
                "separated by a space.",
            ),
        ),
        "heldout": (
            Phrasing(
                "The balance in {name}'s ledger at the {place} is 0 at first and then changes n times: a command "
                "\"+ x\" raises it by x, a command \"- x\" lowers it by x.",
                "Line one: n (1 ≤ n ≤ {N}). Next n lines: one command each, \"+ x\" or \"- x\" (1 ≤ x ≤ {X}).",
                "Two numbers separated by a space: the final value and the largest value reached at any moment, "
                "the starting 0 included.",
            ),
            Phrasing(
                "Simulate a counter that starts at 0 under n commands \"+ x\" and \"- x\"; the value may go below "
                "zero.",
                "First comes n (1 ≤ n ≤ {N}), then n lines with commands \"+ x\" or \"- x\" (1 ≤ x ≤ {X}).",
                "Output the final value of the counter and the largest value it reached (including the initial "
                "0), separated by a space.",
            ),
        ),
    },
    limits={"train": {"N": 100, "X": 100}, "heldout": {"N": 1000, "X": 10**9}},
    make_input=_commands_input,
    solve=_simulate,
    python=(
        "n = int(input())\nvalue = best = 0\nfor _ in range(n):\n    sign, x = input().split()\n"
        "    value += int(x) if sign == '+' else -int(x)\n    best = max(best, value)\nprint(value, best)\n",
        "import sys\n\ndata = sys.stdin.read().split()\nn = int(data[0])\nvalue = best = 0\nfor i in range(n):\n"
        "    x = int(data[2 + 2 * i])\n    value = value + x if data[1 + 2 * i] == '+' else value - x\n"
        "    if value > best:\n        best = value\nprint(f'{value} {best}')\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    cin >> n;\n"
        "    long long value = 0, best = 0;\n    for (int i = 0; i < n; i++) {\n        char sign;\n"
        "        long long x;\n        cin >> sign >> x;\n        value += (sign == '+' ? x : -x);\n"
        "        best = max(best, value);\n    }\n    cout << value << ' ' << best << endl;\n    return 0;\n}\n",
    ),
)


def _pairs_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = rng.randint(1, limits["N"] if rng.random() < 0.25 else min(limits["N"], 1000))  # few large tests
    values = [rng.randint(1, limits["A"]) for _ in range(n)]
    return f"{n} {rng.randint(1, limits['X'])}\n{' '.join(map(str, values))}\n"


def _count_pairs(text: str) -> str:
    numbers = list(map(int, text.split()))
    n, x = numbers[0], numbers[1]
    values = sorted(numbers[2:2 + n])
    pairs, i, j = 0, 0, n - 1
    while i < j:
        if values[i] + values[j] <= x:
            pairs += j - i
            i += 1
        else:
            j -= 1
    return f"{pairs}\n"


PAIR_SUM_COUNT = Family(
    name="pair-sum-count",
    rating=1200,
    tags=("two pointers", "sortings", "binary search"),
    phrasings={
        "train": (
            Phrasing(
                "{name} has n {things} with weights a_1, …, a_n and a bag that holds at most x. Count the pairs "
                "i < j with a_i + a_j ≤ x.",
                "The first line contains n and x (1 ≤ n ≤ {N}, 1 ≤ x ≤ {X}). The second line contains n integers "
                "a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print the number of pairs of indices (i, j) with i < j and a_i + a_j ≤ x.",
            ),
            Phrasing(
                "You are given an array a of n integers and a number x. Count the pairs of indices i < j such "
                "that a_i + a_j ≤ x.",
                "The first line holds n and x (1 ≤ n ≤ {N}, 1 ≤ x ≤ {X}). The second line holds a_1, …, a_n "
                "(1 ≤ a_i ≤ {A}).",
                "Output one integer: the number of pairs i < j with a_i + a_j ≤ x.",
            ),
            Phrasing(
                "At the {place}, n children have a_1, …, a_n coins. Two children i < j can share a ride if "
                "a_i + a_j ≤ x. How many such pairs are there?",
                "The first line contains integers n and x (1 ≤ n ≤ {N}, 1 ≤ x ≤ {X}). The second line contains n "
                "integers a_i (1 ≤ a_i ≤ {A}).",
                "Print the number of pairs (i, j) with i < j and a_i + a_j ≤ x.",
            ),
        ),
        "heldout": (
            Phrasing(
                "In the {place}, {name} wants to pack {things} two at a time. Item i weighs a_i and a box carries at "
                "most x. Find how many pairs i < j satisfy a_i + a_j ≤ x.",
                "Line one: n and x (1 ≤ n ≤ {N}, 1 ≤ x ≤ {X}). Line two: a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "The number of pairs i < j with a_i + a_j ≤ x.",
            ),
            Phrasing(
                "Pairs with a small sum: given n numbers a_1, …, a_n and a bound x, count the pairs of indices "
                "i < j whose sum a_i + a_j ≤ x.",
                "First come n and x (1 ≤ n ≤ {N}, 1 ≤ x ≤ {X}), then the n numbers a_i (1 ≤ a_i ≤ {A}).",
                "Output the number of pairs (i, j), i < j, with a_i + a_j ≤ x. It may not fit in 32 bits.",
            ),
        ),
    },
    limits={"train": {"N": 1000, "A": 1000, "X": 2000}, "heldout": {"N": 10**4, "A": 10**9, "X": 2 * 10**9}},
    make_input=_pairs_input,
    solve=_count_pairs,
    example_limits={"N": 10, "A": 10, "X": 20},
    python=(
        "import sys\n\ndata = sys.stdin.read().split()\nn, x = int(data[0]), int(data[1])\n"
        "a = sorted(map(int, data[2:n + 2]))\ni, j, pairs = 0, n - 1, 0\nwhile i < j:\n    if a[i] + a[j] <= x:\n"
        "        pairs += j - i\n        i += 1\n    else:\n        j -= 1\nprint(pairs)\n",
        "from bisect import bisect_right\n\nn, x = map(int, input().split())\na = sorted(map(int, input().split()))\n"
        "pairs = 0\nfor j in range(n):\n    pairs += bisect_right(a, x - a[j], 0, j)\nprint(pairs)\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    long long x;\n"
        "    cin >> n >> x;\n    vector<long long> a(n);\n    for (auto &v : a) cin >> v;\n"
        "    sort(a.begin(), a.end());\n    long long pairs = 0;\n    for (int i = 0, j = n - 1; i < j; i++) {\n"
        "        while (j > i && a[i] + a[j] > x) j--;\n        pairs += j - i;\n    }\n    cout << pairs << endl;\n"
        "    return 0;\n}\n",
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    long long x;\n"
        "    cin >> n >> x;\n    vector<long long> a(n);\n    for (auto &v : a) cin >> v;\n"
        "    sort(a.begin(), a.end());\n    long long pairs = 0;\n    for (int j = 0; j < n; j++)\n"
        "        pairs += upper_bound(a.begin(), a.begin() + j, x - a[j]) - a.begin();\n    cout << pairs << endl;\n"
        "    return 0;\n}\n",
    ),
)


def _nearly_sorted_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = rng.randint(1, limits["N"])
    values = [rng.randint(1, limits["A"]) for _ in range(n)]
    kind = rng.random()
    if kind < 0.75:
        values.sort()
    if kind < 0.4:  # swap two elements of a sorted array (equal ones keep it sorted)
        i, j = rng.randrange(n), rng.randrange(n)
        values[i], values[j] = values[j], values[i]
    return f"{n}\n{' '.join(map(str, values))}\n"


def _is_sorted(text: str) -> str:
    values = array_of(text)
    return "YES\n" if values == sorted(values) else "NO\n"


IS_SORTED = Family(
    name="is-sorted",
    rating=800,
    tags=("implementation",),
    phrasings={
        "train": (
            Phrasing(
                "{name} stacked n boxes of {things} at the {place}; the i-th box weighs a_i. Is the sequence of "
                "weights sorted in non-decreasing order?",
                "The first line contains one integer n (1 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, a_2, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print YES if a_1 ≤ a_2 ≤ … ≤ a_n, that is, the array is sorted in non-decreasing order, and NO "
                "otherwise.",
            ),
            Phrasing(
                "You are given an array a of n integers. Check whether it is sorted in non-decreasing order.",
                "The first line holds n (1 ≤ n ≤ {N}), the length of the array. The next line holds the elements "
                "a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Output YES if the array is sorted in non-decreasing order, otherwise NO.",
            ),
            Phrasing(
                "The heights of n students standing in a line are a_1, …, a_n. The teacher is happy if every "
                "student is at least as tall as the one before, i.e. the heights are in non-decreasing order.",
                "The first line contains an integer n (1 ≤ n ≤ {N}). The second line contains n integers a_i "
                "(1 ≤ a_i ≤ {A}).",
                "Print YES if the heights are sorted in non-decreasing order and NO otherwise.",
            ),
        ),
        "heldout": (
            Phrasing(
                "The n shelves in the {place} hold a_1, …, a_n {things}. {name} wants to confirm that no shelf "
                "holds fewer than the previous one.",
                "Line one: n (1 ≤ n ≤ {N}). Line two: the n counts a_i (1 ≤ a_i ≤ {A}).",
                "YES if the counts are sorted in non-decreasing order, NO if they are not.",
            ),
            Phrasing(
                "Sortedness check: decide whether the sequence a_1, …, a_n is sorted in non-decreasing order.",
                "A line with n (1 ≤ n ≤ {N}) is followed by a line with a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Output YES if the sequence is sorted in non-decreasing order and NO otherwise.",
            ),
        ),
    },
    limits={"train": {"N": 100, "A": 1000}, "heldout": {"N": 1000, "A": 10**9}},
    make_input=_nearly_sorted_input,
    solve=_is_sorted,
    python=(
        "n = int(input())\na = list(map(int, input().split()))\nprint('YES' if a == sorted(a) else 'NO')\n",
        "n = int(input())\na = list(map(int, input().split()))\nok = all(a[i] <= a[i + 1] for i in range(n - 1))\n"
        "print('YES' if ok else 'NO')\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    cin >> n;\n"
        "    vector<long long> a(n);\n    for (auto &x : a) cin >> x;\n"
        "    cout << (is_sorted(a.begin(), a.end()) ? \"YES\" : \"NO\") << endl;\n    return 0;\n}\n",
    ),
)


def _sentence_input(rng: random.Random, limits: dict[str, int]) -> str:
    words = [_word(rng, rng.randint(1, limits["L"])) for _ in range(rng.randint(1, limits["W"]))]
    return " ".join(words) + "\n"


WORD_COUNT = Family(
    name="word-count",
    rating=800,
    tags=("strings", "implementation"),
    phrasings={
        "train": (
            Phrasing(
                "{name} wrote a sentence on a note at the {place}. The words are separated by single spaces. How "
                "many words does the sentence have?",
                "The only line contains from 1 to {W} words separated by single spaces. Each word consists of 1 to "
                "{L} lowercase English letters.",
                "Print the number of words in the line.",
            ),
            Phrasing(
                "You are given a line of words separated by single spaces. Count the words.",
                "The first line holds between 1 and {W} words, separated by single spaces; every word has from 1 "
                "to {L} lowercase letters.",
                "Output one integer: how many words the line has.",
            ),
            Phrasing(
                "A list of {things} is written on one line, one word per item, with single spaces between the "
                "words. Find the number of words in it.",
                "The only line contains 1 to {W} words, each of 1 to {L} lowercase English letters, separated by "
                "single spaces.",
                "Print a single integer — the number of words.",
            ),
        ),
        "heldout": (
            Phrasing(
                "{name} is paid per word for copying texts in the {place}. Given one line of text, tell how many "
                "words it has.",
                "A single line of 1 to {W} words separated by single spaces; words are made of 1 to {L} lowercase "
                "Latin letters.",
                "The number of words in the line.",
            ),
            Phrasing(
                "Word count: the line below contains words separated by single spaces, and you must count them.",
                "One line with between 1 and {W} words separated by single spaces, each word of 1 to {L} "
                "lowercase letters.",
                "Output the number of words.",
            ),
        ),
    },
    limits={"train": {"W": 20, "L": 10}, "heldout": {"W": 300, "L": 15}},
    make_input=_sentence_input,
    solve=lambda text: f"{len(text.split())}\n",
    python=(
        "print(len(input().split()))\n",
        "line = input().strip()\nprint(line.count(' ') + 1)\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    string word;\n    int words = 0;\n"
        "    while (cin >> word) words++;\n    cout << words << endl;\n    return 0;\n}\n",
    ),
)


def _rising_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = rng.randint(1, limits["N"])
    if rng.random() < 0.5:  # a rising trend, so that the maximum changes often
        values = [rng.randint(1, max(1, limits["A"] * (i + 1) // n)) for i in range(n)]
    else:
        values = [rng.randint(1, limits["A"]) for _ in range(n)]
    return f"{n}\n{' '.join(map(str, values))}\n"


def _prefix_maxima(text: str) -> str:
    best, maxima = 0, []
    for value in array_of(text):
        best = max(best, value)
        maxima.append(best)
    return " ".join(map(str, maxima)) + "\n"


PREFIX_MAXIMUM = Family(
    name="prefix-maximum",
    rating=900,
    tags=("implementation",),
    phrasings={
        "train": (
            Phrasing(
                "{name} weighs n {things} one by one at the {place}; the i-th weighs a_i. After each weighing, "
                "{name} notes the maximum so far.",
                "The first line contains one integer n (1 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, a_2, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print n integers separated by spaces: the i-th is the maximum of a_1, …, a_i.",
            ),
            Phrasing(
                "You are given an array a of n integers. For every prefix, find its maximum.",
                "The first line holds n (1 ≤ n ≤ {N}), the length of the array. The next line holds the elements "
                "a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Output n numbers on one line: for each i, the maximum of a_1, …, a_i.",
            ),
            Phrasing(
                "Temperatures a_1, …, a_n were measured on n days. For each day i, report the highest temperature "
                "so far, that is, the maximum of a_1, …, a_i.",
                "The first line contains an integer n (1 ≤ n ≤ {N}). The second line contains n integers a_i "
                "(1 ≤ a_i ≤ {A}).",
                "Print the n prefix maxima on one line, separated by spaces.",
            ),
        ),
        "heldout": (
            Phrasing(
                "In the {place}, n {things} pass {name} in a row, the i-th with value a_i. {name} keeps a record "
                "of the best value seen, the maximum of a_1, …, a_i after item i.",
                "Line one: n (1 ≤ n ≤ {N}). Line two: a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "One line of n numbers separated by spaces: the maximum of a_1, …, a_i for i = 1, …, n.",
            ),
            Phrasing(
                "Prefix maxima: for a sequence a_1, …, a_n, compute the maximum of every prefix a_1, …, a_i.",
                "A line with n (1 ≤ n ≤ {N}) is followed by a line with a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Output the n prefix maxima on one line, separated by spaces; the i-th is the maximum of "
                "a_1, …, a_i.",
            ),
        ),
    },
    limits={"train": {"N": 100, "A": 1000}, "heldout": {"N": 1000, "A": 10**9}},
    make_input=_rising_input,
    solve=_prefix_maxima,
    python=(
        "from itertools import accumulate\n\nn = int(input())\na = list(map(int, input().split()))\n"
        "print(*accumulate(a, max))\n",
        "n = int(input())\na = list(map(int, input().split()))\nresult = []\nbest = a[0]\nfor x in a:\n"
        "    best = max(best, x)\n    result.append(best)\nprint(' '.join(map(str, result)))\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    cin >> n;\n"
        "    long long best = LLONG_MIN;\n    for (int i = 0; i < n; i++) {\n        long long x;\n        cin >> x;\n"
        "        best = max(best, x);\n        cout << best << (i + 1 < n ? ' ' : '\\n');\n    }\n    return 0;\n}\n",
    ),
)

FAMILIES = (
    SORT_ASCENDING,
    SORT_DESCENDING,
    PREFIX_SUM_QUERIES,
    PALINDROME_MULTITEST,
    COUNT_CHAR,
    MOST_FREQUENT_LETTER,
    COUNT_VOWELS,
    TO_UPPERCASE,
    DISTINCT_COUNT,
    COUNTER_SIMULATION,
    PAIR_SUM_COUNT,
    IS_SORTED,
    WORD_COUNT,
    PREFIX_MAXIMUM,
)
