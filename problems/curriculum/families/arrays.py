"""Families on one array, as in Div. 2/3/4 A and B problems: greedy choices (take the k largest, pair the smallest
with the largest), counting under a condition (above the average, a_i = i, equal pairs in O(n)), and minima and
maxima with a twist (the second smallest, the spread after removing one element, the first maximum's index)."""

from __future__ import annotations

import random
from collections import Counter

from problems.curriculum.base import Family, Phrasing, array_of, integers, listed

CPP_HEAD = "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n"
READ_ARRAY = "    int n;\n    cin >> n;\n    vector<long long> a(n);\n    for (auto &x : a) cin >> x;\n"


def _values(rng: random.Random, n: int, low: int, high: int) -> list[int]:
    """n values, sometimes from a handful of distinct ones so that ties and repeats occur."""
    if rng.random() < 0.3:
        pool = [rng.randint(low, high) for _ in range(rng.randint(1, 4))]
        return [rng.choice(pool) for _ in range(n)]
    return [rng.randint(low, high) for _ in range(n)]


def _k_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = rng.randint(1, limits["N"])
    return f"{n} {rng.randint(1, n)}\n{' '.join(map(str, _values(rng, n, 1, limits['A'])))}\n"


def _largest_k(text: str) -> int:
    numbers = integers(text)
    n, k = numbers[0], numbers[1]
    return sum(sorted(numbers[2:2 + n], reverse=True)[:k])


def _explain_largest_k(text: str) -> str:
    numbers = integers(text)
    n, k = numbers[0], numbers[1]
    chosen = sorted(numbers[2:2 + n], reverse=True)[:k]
    if k == 1:
        return f"the best choice is the largest number, {chosen[0]}"
    return f"the {k} largest numbers are {listed(chosen)}, and their sum is {sum(chosen)}"


LARGEST_K_SUM = Family(
    name="largest-k-sum",
    rating=800,
    tags=("greedy", "sortings"),
    phrasings={
        "train": (
            Phrasing(
                "You are given n integers and a number k. Choose exactly k of the integers so that their sum is as "
                "large as possible, and print that sum.",
                "The first line contains two integers n and k (1 ≤ k ≤ n ≤ {N}). The second line contains n "
                "integers a_1, a_2, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print the maximum possible sum of k chosen integers.",
            ),
            Phrasing(
                "{name} may take exactly k of the n {things} at the {place}; the i-th of them is worth a_i. What "
                "is the largest total worth {name} can take?",
                "The first line contains integers n and k (1 ≤ k ≤ n ≤ {N}). The second line contains n integers "
                "a_i (1 ≤ a_i ≤ {A}).",
                "Print the largest possible total worth.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "{name} won a contest at the {place} of {town}, and the prize is to pick exactly k of the n "
                "{things} from the prize table. The i-th of them is worth a_i burles. {name} wants the chosen "
                "{things} to be worth as much as possible in total. Find this maximum total worth.",
                "The first line contains two integers n and k (⟦1 ≤ k ≤ n ≤ N⟧). The second line contains n "
                "integers ⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧) — the worth of the {things}.",
                "Print one integer — the maximum total worth of k {things}.",
            ),
            Phrasing(
                "The coach of the {place} team in {town} has to send exactly k of the n players to a tournament. "
                "The strength of the i-th player is a_i, and the strength of a team is the sum of the strengths "
                "of its players. {name}, the coach, wants the strongest possible team. What is its strength?",
                "The first line contains two integers n and k (⟦1 ≤ k ≤ n ≤ N⟧). The second line contains n "
                "integers ⟦a_1, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
                "Print the maximum strength of a team of k players.",
            ),
        ),
        "story": (
            Phrasing(
                "The {place} is hiring k porters for the season, and n candidates have applied. Candidate i can "
                "carry a_i kilograms. {name} wants the hired porters to carry as much as possible together. What "
                "total load can the best team carry?",
                "The first line holds n and k (⟦1 ≤ k ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ "
                "(⟦1 ≤ a_i ≤ A⟧).",
                "Output the largest possible total load.",
            ),
            Phrasing(
                "{name} owns n {things} of values a_1, …, a_n but may take only k of them on the journey to "
                "{town}. What is the largest total value that can be taken?",
                "On the first line, n and k are given (⟦1 ≤ k ≤ n ≤ N⟧). The second line holds the n values a_i "
                "(⟦1 ≤ a_i ≤ A⟧).",
                "Write the maximum total value of k {things}.",
            ),
        ),
    },
    limits={"train": {"N": 2 * 10**5, "A": 10**9}, "story": {"N": 3 * 10**5, "A": 10**9}},
    sizes=("N",),
    make_input=_k_input,
    solve=lambda text: f"{_largest_k(text)}\n",
    explain=_explain_largest_k,
    python=(
        "n, k = map(int, input().split())\na = sorted(map(int, input().split()), reverse=True)\nprint(sum(a[:k]))\n",
        "import heapq\n\nn, k = map(int, input().split())\na = list(map(int, input().split()))\n"
        "print(sum(heapq.nlargest(k, a)))\n",
    ),
    cpp=(
        CPP_HEAD + "    int n, k;\n    cin >> n >> k;\n    vector<long long> a(n);\n    for (auto &x : a) cin >> x;\n"
        "    sort(a.rbegin(), a.rend());\n    long long total = 0;\n    for (int i = 0; i < k; i++) total += a[i];\n"
        "    cout << total << endl;\n    return 0;\n}\n",
    ),
)


def _even_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = 2 * rng.randint(1, max(1, limits["N"] // 2))
    return f"{n}\n{' '.join(map(str, _values(rng, n, 1, limits['A'])))}\n"


def _pairs(text: str) -> list[tuple[int, int]]:
    values = sorted(array_of(text))
    return [(values[i], values[-1 - i]) for i in range(len(values) // 2)]


def _explain_pairs(text: str) -> str:
    pairs = _pairs(text)
    best = max(a + b for a, b in pairs)
    if len(pairs) == 1:
        return f"the only pair is ({pairs[0][0]}, {pairs[0][1]}) with the sum {best}"
    shown = ", ".join(f"({a}, {b})" for a, b in pairs)
    return f"the pairs {shown} have the sums {listed([a + b for a, b in pairs])}, and the largest of them is {best}"


PAIR_MIN_MAX_SUM = Family(
    name="pair-min-max-sum",
    rating=1000,
    tags=("greedy", "sortings"),
    phrasings={
        "train": (
            Phrasing(
                "You are given an even number n of integers. Split them into n/2 pairs so that the largest sum of "
                "a pair is as small as possible, and print that sum.",
                "The first line contains an even integer n (2 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print the minimum possible value of the largest pair sum.",
            ),
            Phrasing(
                "{name} packs n {things} (n is even) into n/2 parcels of two. The i-th item weighs a_i, and a "
                "parcel weighs as much as its two items. Make the heaviest parcel as light as possible.",
                "The first line contains an even integer n (2 ≤ n ≤ {N}). The second line contains n integers "
                "a_i (1 ≤ a_i ≤ {A}).",
                "Print the smallest possible weight of the heaviest parcel.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "{name} coaches the rowing club of {town}. There are n rowers, n is even, and the i-th rower weighs "
                "a_i kilograms. For the next race the rowers must be split into n/2 boats with exactly two rowers "
                "in each. A heavy boat is a slow boat, so {name} wants the heaviest boat to be as light as "
                "possible. What is the smallest possible weight of the heaviest boat?",
                "The first line contains one even integer n (⟦2 ≤ n ≤ N⟧). The second line contains n integers "
                "⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
                "Print the minimum possible weight of the heaviest boat.",
            ),
            Phrasing(
                "At the {place}, {name} sets up a pair programming session for n students (n is even). The i-th "
                "student needs a_i minutes to solve the task alone, and a pair needs as long as the sum of its two "
                "members. The session lasts until the slowest pair finishes. Pair the students so that the session "
                "is as short as possible.",
                "The first line contains an even integer n (⟦2 ≤ n ≤ N⟧). The second line contains n integers a_i "
                "(⟦1 ≤ a_i ≤ A⟧).",
                "Print one integer — the minimum possible duration of the session.",
            ),
        ),
        "story": (
            Phrasing(
                "{name} loads n barrels onto carts at the {place}, exactly two barrels per cart, and n is even. "
                "The i-th barrel weighs a_i. The bridge on the road is weak, so the heaviest cart should be as "
                "light as possible. Find the weight of the heaviest cart in the best loading.",
                "The first line holds an even integer n (⟦2 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ "
                "(⟦1 ≤ a_i ≤ A⟧).",
                "Output the minimum possible weight of the heaviest cart.",
            ),
            Phrasing(
                "For the spring dance at the {place}, n dancers (an even number) are split into couples. Dancer i "
                "is a_i centimetres tall, and the arch over the stage must be as high as the tallest couple, a "
                "couple being as tall as its two heights together. {name} wants the arch as low as possible.",
                "The first line gives the even number n (⟦2 ≤ n ≤ N⟧). The next line gives the heights a_i "
                "(⟦1 ≤ a_i ≤ A⟧).",
                "Write the smallest possible height of the arch.",
            ),
        ),
    },
    limits={"train": {"N": 2 * 10**5, "A": 10**9}, "story": {"N": 10**5, "A": 10**9}},
    sizes=("N",),
    make_input=_even_input,
    solve=lambda text: f"{max(a + b for a, b in _pairs(text))}\n",
    explain=_explain_pairs,
    python=(
        "n = int(input())\na = sorted(map(int, input().split()))\n"
        "print(max(a[i] + a[n - 1 - i] for i in range(n // 2)))\n",
        "n = int(input())\na = sorted(map(int, input().split()))\nbest = 0\ni, j = 0, n - 1\nwhile i < j:\n"
        "    best = max(best, a[i] + a[j])\n    i += 1\n    j -= 1\nprint(best)\n",
    ),
    cpp=(
        CPP_HEAD + READ_ARRAY + "    sort(a.begin(), a.end());\n    long long best = 0;\n"
        "    for (int i = 0; i < n / 2; i++) best = max(best, a[i] + a[n - 1 - i]);\n    cout << best << endl;\n"
        "    return 0;\n}\n",
    ),
)


def _plain_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = rng.randint(1, limits["N"])
    return f"{n}\n{' '.join(map(str, _values(rng, n, 1, limits['A'])))}\n"


def _above_average(text: str) -> list[int]:
    values = array_of(text)
    total = sum(values)
    return [value for value in values if value * len(values) > total]


def _explain_average(text: str) -> str:
    values = array_of(text)
    above = _above_average(text)
    mean = f"⟦{sum(values)}/{len(values)}⟧"
    if not above:
        return f"the average is {mean}, and no number is greater than it"
    return f"the average is {mean}, and the numbers greater than it are {listed(above)}"


COUNT_ABOVE_AVERAGE = Family(
    name="count-above-average",
    rating=800,
    tags=("implementation", "math"),
    phrasings={
        "train": (
            Phrasing(
                "You are given n integers. Count how many of them are strictly greater than their arithmetic mean.",
                "The first line contains one integer n (1 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print the number of integers greater than the average.",
            ),
            Phrasing(
                "{name} collected a_i {things} on the i-th of n days. On how many days did {name} collect more "
                "than the average over all n days?",
                "The first line contains an integer n (1 ≤ n ≤ {N}). The second line contains n integers a_i "
                "(1 ≤ a_i ≤ {A}).",
                "Print the number of days with more {things} than the average.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "The teacher at the {place} in {town} graded n essays, and the i-th essay got a_i points. {name}, "
                "a curious student, wants to know how many essays got strictly more points than the average score "
                "of all n essays.",
                "The first line contains one integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers "
                "⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
                "Print the number of essays whose score is strictly greater than the average score.",
            ),
            Phrasing(
                "{name} runs a stall at the {place} and wrote down the earnings of the last n days: a_i burles on "
                "the i-th day. A day is good if it earned strictly more than the average of all n days. Count the "
                "good days.",
                "The first line contains an integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers a_i "
                "(⟦1 ≤ a_i ≤ A⟧).",
                "Print one integer — the number of good days.",
            ),
        ),
        "story": (
            Phrasing(
                "The {place} keeps a log of n caravans and of the weight a_i of the goods that the i-th one "
                "brought. A caravan is praised if it brought strictly more than the average of all n caravans. "
                "{name} must count the praised caravans.",
                "The first line holds n (⟦1 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
                "Output the number of praised caravans.",
            ),
            Phrasing(
                "{name} measured the n saplings growing at the {place}; the i-th is a_i millimetres tall. How many "
                "saplings are taller than the average height of all of them?",
                "The first line gives n (⟦1 ≤ n ≤ N⟧). The next line gives the heights a_i (⟦1 ≤ a_i ≤ A⟧).",
                "Write the number of saplings strictly taller than the average.",
            ),
        ),
    },
    limits={"train": {"N": 2 * 10**5, "A": 10**9}, "story": {"N": 10**5, "A": 10**9}},
    sizes=("N",),
    make_input=_plain_input,
    solve=lambda text: f"{len(_above_average(text))}\n",
    explain=_explain_average,
    python=(
        "n = int(input())\na = list(map(int, input().split()))\ns = sum(a)\nprint(sum(1 for x in a if x * n > s))\n",
        "n = int(input())\na = list(map(int, input().split()))\ntotal = sum(a)\ncount = 0\nfor x in a:\n"
        "    if x * n > total:\n        count += 1\nprint(count)\n",
    ),
    cpp=(
        CPP_HEAD + READ_ARRAY + "    long long total = 0;\n    for (long long x : a) total += x;\n    int count = 0;\n"
        "    for (long long x : a)\n        if (x * n > total) count++;\n"
        "    cout << count << endl;\n    return 0;\n}\n",
    ),
)


def _positions_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = rng.randint(1, limits["N"])
    if rng.random() < 0.5:
        values = list(range(1, n + 1))
        rng.shuffle(values)
        for _ in range(rng.randint(0, 3)):  # put a few values back in place
            i = rng.randrange(n)
            j = values.index(i + 1)
            values[i], values[j] = values[j], values[i]
    else:
        values = [rng.randint(1, n) for _ in range(n)]
    return f"{n}\n{' '.join(map(str, values))}\n"


def _fixed(text: str) -> list[int]:
    return [i for i, value in enumerate(array_of(text), start=1) if value == i]


def _explain_fixed(text: str) -> str:
    fixed = _fixed(text)
    if not fixed:
        return "no position i has ⟦a_i = i⟧"
    shown = ", ".join(f"⟦a_{i} = {i}⟧" for i in fixed)
    if len(fixed) == 1:
        return f"there is one such position: {shown}"
    return f"there are {len(fixed)} such positions: {shown}"


COUNT_FIXED_POINTS = Family(
    name="count-fixed-points",
    rating=800,
    tags=("implementation",),
    phrasings={
        "train": (
            Phrasing(
                "You are given an array a_1, …, a_n with 1 ≤ a_i ≤ n. Count the positions i such that a_i = i.",
                "The first line contains one integer n (1 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, …, a_n (1 ≤ a_i ≤ n).",
                "Print the number of indices i with a_i = i.",
            ),
            Phrasing(
                "{name} put n {things} in a row at the {place} and labelled them; the i-th from the left got the "
                "label a_i. How many of them are labelled with their own position?",
                "The first line contains an integer n (1 ≤ n ≤ {N}). The second line contains n integers a_i "
                "(1 ≤ a_i ≤ n).",
                "Print the number of positions i where a_i = i.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "n students of the {place} stand in a line, numbered from 1 to n from left to right. Each of them "
                "holds a card, and the i-th student's card shows a_i. {name} calls a student lucky if the number "
                "on the card equals the student's position in the line. How many lucky students are there?",
                "The first line contains one integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers "
                "⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ n⟧).",
                "Print the number of indices i such that ⟦a_i = i⟧.",
            ),
            Phrasing(
                "{name} returns n books to the shelves of the library in {town}. The shelves are numbered from 1 to "
                "n, and the i-th book went to shelf a_i. A book is in its proper place if it stands on the shelf "
                "with its own number. Count the books in their proper places.",
                "The first line contains an integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers a_i "
                "(⟦1 ≤ a_i ≤ n⟧).",
                "Print one integer — the number of books in their proper places.",
            ),
        ),
        "story": (
            Phrasing(
                "The {place} has n hooks for cloaks, numbered from 1 to n, and n guests came today. The guest who "
                "arrived i-th chose hook a_i (several guests may share a hook). {name} wonders how many guests used "
                "the hook whose number equals their place in the order of arrival.",
                "The first line holds n (⟦1 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦1 ≤ a_i ≤ n⟧).",
                "Output the number of guests i with ⟦a_i = i⟧.",
            ),
            Phrasing(
                "{name} found a row of n jars at the {place} with a number a_i painted on the i-th jar from the "
                "left. A jar is well placed when its painted number equals its position. How many jars are well "
                "placed?",
                "The first line gives n (⟦1 ≤ n ≤ N⟧). The next line gives the numbers a_i (⟦1 ≤ a_i ≤ n⟧).",
                "Write the number of well placed jars.",
            ),
        ),
    },
    limits={"train": {"N": 2 * 10**5}, "story": {"N": 10**5}},
    sizes=("N",),
    make_input=_positions_input,
    solve=lambda text: f"{len(_fixed(text))}\n",
    explain=_explain_fixed,
    python=(
        "n = int(input())\na = list(map(int, input().split()))\nprint(sum(1 for i in range(n) if a[i] == i + 1))\n",
        "n = int(input())\na = list(map(int, input().split()))\ncount = 0\nfor i, x in enumerate(a, start=1):\n"
        "    if x == i:\n        count += 1\nprint(count)\n",
    ),
    cpp=(
        CPP_HEAD + READ_ARRAY + "    int count = 0;\n    for (int i = 0; i < n; i++)\n"
        "        if (a[i] == i + 1) count++;\n"
        "    cout << count << endl;\n    return 0;\n}\n",
    ),
)


def _repeats_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = rng.randint(1, limits["N"])
    pool = [rng.randint(1, limits["A"]) for _ in range(rng.randint(1, max(1, n // rng.choice((1, 2, 4)))))]
    return f"{n}\n{' '.join(str(rng.choice(pool)) for _ in range(n))}\n"


def _equal_pairs(text: str) -> int:
    return sum(c * (c - 1) // 2 for c in Counter(array_of(text)).values())


def _explain_equal_pairs(text: str) -> str:
    counts = [(value, c) for value, c in sorted(Counter(array_of(text)).items()) if c > 1]
    if not counts:
        return "all numbers are different, so there are no such pairs"
    parts = [f"the value {value} occurs {c} times and gives {c * (c - 1) // 2} pair{'s' * (c > 2)}"
             for value, c in counts]
    return "; ".join(parts)


COUNT_EQUAL_PAIRS = Family(
    name="count-equal-pairs",
    rating=1000,
    tags=("combinatorics", "sortings"),
    phrasings={
        "train": (
            Phrasing(
                "You are given an array of n integers. Count the pairs of indices (i, j) with i < j and a_i = a_j.",
                "The first line contains one integer n (1 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print the number of pairs. Note that it may not fit into a 32-bit integer.",
            ),
            Phrasing(
                "{name} has n {things}, and the i-th of them has colour a_i. In how many ways can {name} choose "
                "two of them of the same colour?",
                "The first line contains an integer n (1 ≤ n ≤ {N}). The second line contains n integers a_i "
                "(1 ≤ a_i ≤ {A}).",
                "Print the number of ways.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "{name} pulled n socks out of the laundry basket; the colour of the i-th sock is a_i. {name} "
                "wonders in how many ways one can choose two socks of the same colour (the order of the two socks "
                "does not matter).",
                "The first line contains one integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers "
                "⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
                "Print the number of pairs (i, j) with ⟦i < j⟧ and ⟦a_i = a_j⟧.",
            ),
            Phrasing(
                "At the party in the {place}, each of the n guests got a badge with a number; the i-th guest got "
                "number a_i. Every two guests with equal numbers shake hands once. How many handshakes happen?",
                "The first line contains an integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers a_i "
                "(⟦1 ≤ a_i ≤ A⟧).",
                "Print one integer — the number of handshakes.",
            ),
        ),
        "story": (
            Phrasing(
                "n pilgrims arrive at the {place}, the i-th of them from the region with number a_i. Two pilgrims "
                "from the same region greet each other exactly once. How many greetings does {name} hear?",
                "The first line holds n (⟦1 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
                "Output the number of greetings.",
            ),
            Phrasing(
                "{name} catalogues n letters kept in the {place}; the i-th letter bears the seal a_i. Two letters "
                "with the same seal form a match. Count the matches, that is, the pairs i < j with a_i = a_j.",
                "The first line gives n (⟦1 ≤ n ≤ N⟧). The next line gives the seals a_i (⟦1 ≤ a_i ≤ A⟧).",
                "Write the number of matches.",
            ),
        ),
    },
    limits={"train": {"N": 2 * 10**5, "A": 10**9}, "story": {"N": 3 * 10**5, "A": 10**9}},
    sizes=("N",),
    make_input=_repeats_input,
    solve=lambda text: f"{_equal_pairs(text)}\n",
    explain=_explain_equal_pairs,
    python=(
        "from collections import Counter\n\nn = int(input())\na = list(map(int, input().split()))\n"
        "print(sum(c * (c - 1) // 2 for c in Counter(a).values()))\n",
        "n = int(input())\na = list(map(int, input().split()))\nseen = {}\npairs = 0\nfor x in a:\n"
        "    pairs += seen.get(x, 0)\n    seen[x] = seen.get(x, 0) + 1\nprint(pairs)\n",
    ),
    cpp=(
        CPP_HEAD + READ_ARRAY + "    sort(a.begin(), a.end());\n    long long pairs = 0, run = 0;\n"
        "    for (int i = 0; i < n; i++) {\n        run = (i > 0 && a[i] == a[i - 1]) ? run + 1 : 0;\n"
        "        pairs += run;\n    }\n    cout << pairs << endl;\n    return 0;\n}\n",
    ),
)


def _signed_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = rng.randint(2, max(2, limits["N"]))
    return f"{n}\n{' '.join(map(str, _values(rng, n, -limits['A'], limits['A'])))}\n"


def _explain_second(text: str) -> str:
    values = sorted(array_of(text))
    return f"in sorted order the numbers are {' '.join(map(str, values))}, and the second of them is {values[1]}"


SECOND_MINIMUM = Family(
    name="second-minimum",
    rating=800,
    tags=("implementation", "sortings"),
    phrasings={
        "train": (
            Phrasing(
                "Sort the n given integers in non-decreasing order and print the second one. Equal values are "
                "counted separately, so the answer may equal the minimum.",
                "The first line contains one integer n (2 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, …, a_n (-{A} ≤ a_i ≤ {A}).",
                "Print the second smallest element of the array (counting repeated values separately).",
            ),
            Phrasing(
                "{name} lines up n {things} by price, the cheapest first; the i-th has price a_i (discounts can "
                "make a price negative). What is the price of the second one in the line? Two {things} with the "
                "same price are still two different {things}.",
                "The first line contains an integer n (2 ≤ n ≤ {N}). The second line contains n integers a_i "
                "(-{A} ≤ a_i ≤ {A}).",
                "Print the second smallest of the n prices.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "n runners took part in the race at the {place} in {town}, and the i-th runner finished a_i seconds "
                "after or before the record time (a negative a_i means the record was beaten). The runners are "
                "ranked by a_i, the smallest first, and runners with equal results get consecutive places in any "
                "order. {name} wants to know the result of the runner in second place.",
                "The first line contains one integer n (⟦2 ≤ n ≤ N⟧). The second line contains n integers "
                "⟦a_1, a_2, …, a_n⟧ (⟦-A ≤ a_i ≤ A⟧).",
                "Print the second smallest value among ⟦a_1, …, a_n⟧ (if the minimum occurs twice, it is the "
                "answer).",
            ),
            Phrasing(
                "{name} checks the temperatures of n freezers at the {place}; the i-th freezer shows a_i degrees. "
                "The coldest freezer is reserved, so {name} needs the temperature of the next one: the second "
                "element of the readings sorted in non-decreasing order.",
                "The first line contains an integer n (⟦2 ≤ n ≤ N⟧). The second line contains n integers a_i "
                "(⟦-A ≤ a_i ≤ A⟧).",
                "Print one integer — the second element of the sorted readings.",
            ),
        ),
        "story": (
            Phrasing(
                "Tasters at the {place} rate n wines, the i-th getting a_i points, which may be negative. The "
                "lowest-rated wine is poured away, and {name} needs the rating of the next lowest one in sorted "
                "order; two wines with equal ratings still count as two.",
                "The first line holds n (⟦2 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦-A ≤ a_i ≤ A⟧).",
                "Output the second smallest rating, repeated values counted separately.",
            ),
            Phrasing(
                "{name} lists the depths of n wells around the {place}, measured as a_i (negative below sea "
                "level). Sort the depths in non-decreasing order and report the second value of the list.",
                "The first line gives n (⟦2 ≤ n ≤ N⟧). The next line gives the depths a_i (⟦-A ≤ a_i ≤ A⟧).",
                "Write the second value of the sorted list.",
            ),
        ),
    },
    limits={"train": {"N": 2 * 10**5, "A": 10**9}, "story": {"N": 10**5, "A": 10**9}},
    sizes=("N",),
    make_input=_signed_input,
    solve=lambda text: f"{sorted(array_of(text))[1]}\n",
    explain=_explain_second,
    python=(
        "n = int(input())\na = sorted(map(int, input().split()))\nprint(a[1])\n",
        "import heapq\n\nn = int(input())\na = list(map(int, input().split()))\nprint(heapq.nsmallest(2, a)[1])\n",
    ),
    cpp=(
        CPP_HEAD + READ_ARRAY + "    sort(a.begin(), a.end());\n    cout << a[1] << endl;\n    return 0;\n}\n",
        CPP_HEAD + READ_ARRAY + "    long long first = LLONG_MAX, second = LLONG_MAX;\n    for (long long x : a) {\n"
        "        if (x < first) {\n            second = first;\n            first = x;\n"
        "        } else if (x < second) {\n            second = x;\n        }\n    }\n    cout << second << endl;\n"
        "    return 0;\n}\n",
    ),
)


def _spread_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = rng.randint(2, limits["N"])
    values = _values(rng, n, 1, limits["A"])
    if rng.random() < 0.5:  # one outlier, as in the classic version
        values[rng.randrange(n)] = rng.choice((1, limits["A"]))
    return f"{n}\n{' '.join(map(str, values))}\n"


def _spread(text: str) -> int:
    values = sorted(array_of(text))
    return min(values[-1] - values[1], values[-2] - values[0])


def _explain_spread(text: str) -> str:
    values = sorted(array_of(text))
    if len(values) == 2:
        return "after removing either number a single one remains, so the difference is 0"
    if values[-1] - values[1] <= values[-2] - values[0]:
        removed, low, high = values[0], values[1], values[-1]
    else:
        removed, low, high = values[-1], values[0], values[-2]
    return f"it is best to remove {removed}; the rest lies between {low} and {high}, so the answer is {high - low}"


SPREAD_AFTER_REMOVAL = Family(
    name="spread-after-removal",
    rating=900,
    tags=("implementation", "sortings"),
    phrasings={
        "train": (
            Phrasing(
                "You are given an array of n integers. Remove exactly one element so that the difference between "
                "the maximum and the minimum of the remaining elements is as small as possible.",
                "The first line contains one integer n (2 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print the minimum possible value of max - min after removing exactly one element.",
            ),
            Phrasing(
                "{name} has n {things} with sizes a_1, …, a_n and must give exactly one of them away. Afterwards "
                "the difference between the largest and the smallest size should be as small as possible.",
                "The first line contains an integer n (2 ≤ n ≤ {N}). The second line contains n integers a_i "
                "(1 ≤ a_i ≤ {A}).",
                "Print the smallest possible difference.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "{name} is choosing a team at the {place} of {town}: n volunteers came, and the i-th of them has "
                "skill a_i. Exactly one volunteer has to stay at home. The instability of the team is the "
                "difference between the largest and the smallest skill in it. Who should stay at home so that "
                "the instability is as small as possible? Print that instability.",
                "The first line contains one integer n (⟦2 ≤ n ≤ N⟧). The second line contains n integers "
                "⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
                "Print the minimum possible instability after removing exactly one volunteer.",
            ),
            Phrasing(
                "{name} bakes n loaves at the {place}; the i-th weighs a_i grams. One loaf goes to the baker's "
                "family, the rest go on sale, and customers complain when the loaves differ much. Which loaf should "
                "be taken so that the difference between the heaviest and the lightest loaf on sale is minimal?",
                "The first line contains an integer n (⟦2 ≤ n ≤ N⟧). The second line contains n integers a_i "
                "(⟦1 ≤ a_i ≤ A⟧).",
                "Print one integer — the minimal difference.",
            ),
        ),
        "story": (
            Phrasing(
                "{name} stacks n stone blocks in the {place}; block i is a_i centimetres high. Exactly one block "
                "must be set aside, and the remaining ones should be as even as possible: the difference between "
                "the highest and the lowest of them must be minimal. What is that difference?",
                "The first line holds n (⟦2 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
                "Output the smallest possible difference.",
            ),
            Phrasing(
                "Bells of n sizes hang in the tower of the {place}, the i-th tuned to a_i hertz. {name} may take "
                "down exactly one bell. Make the range of the remaining tones, the highest minus the lowest, as "
                "small as possible.",
                "The first line gives n (⟦2 ≤ n ≤ N⟧). The next line gives the tones a_i (⟦1 ≤ a_i ≤ A⟧).",
                "Write the smallest possible range.",
            ),
        ),
    },
    limits={"train": {"N": 10**5, "A": 10**9}, "story": {"N": 2 * 10**5, "A": 10**9}},
    sizes=("N",),
    make_input=_spread_input,
    solve=lambda text: f"{_spread(text)}\n",
    explain=_explain_spread,
    python=(
        "n = int(input())\na = sorted(map(int, input().split()))\nprint(min(a[-1] - a[1], a[-2] - a[0]))\n",
    ),
    cpp=(
        CPP_HEAD + READ_ARRAY + "    sort(a.begin(), a.end());\n"
        "    cout << min(a[n - 1] - a[1], a[n - 2] - a[0]) << endl;\n    return 0;\n}\n",
    ),
)


def _explain_first_max(text: str) -> str:
    values = array_of(text)
    best = max(values)
    where = [i for i, value in enumerate(values, start=1) if value == best]
    if len(where) == 1:
        return f"the maximum {best} stands at position {where[0]}"
    return f"the maximum {best} occurs at positions {listed(where)}, and the first of them is {where[0]}"


FIRST_MAXIMUM_INDEX = Family(
    name="first-maximum-index",
    rating=800,
    tags=("implementation",),
    phrasings={
        "train": (
            Phrasing(
                "You are given an array a of n integers. Find the index of its maximum element; if the maximum "
                "occurs several times, print the smallest such index.",
                "The first line contains one integer n (1 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print one integer — the first position (1-based) of the maximum.",
            ),
            Phrasing(
                "{name} weighed n {things} at the {place}; the i-th weighs a_i. Which one is the heaviest? If "
                "several are equally heavy, name the one weighed first.",
                "The first line contains an integer n (1 ≤ n ≤ {N}). The second line contains n integers a_i "
                "(1 ≤ a_i ≤ {A}).",
                "Print the index of the first heaviest item, counting from 1.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "The jury of the song contest in {town} gave the i-th of n songs a_i points. {name} announces the "
                "winner: the song with the most points, and among several such songs the one that was performed "
                "first. Which song wins?",
                "The first line contains one integer n (⟦1 ≤ n ≤ N⟧) — the number of songs. The second line "
                "contains n integers ⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
                "Print the number of the winning song (songs are numbered from 1 in the order of performance).",
            ),
            Phrasing(
                "{name} recorded the number of visitors of the {place} for n days: a_i on the i-th day. On which "
                "day was the record set for the first time, that is, what is the first day with the largest "
                "number of visitors?",
                "The first line contains an integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers a_i "
                "(⟦1 ≤ a_i ≤ A⟧).",
                "Print the smallest index i such that a_i is the maximum of the array.",
            ),
        ),
        "story": (
            Phrasing(
                "Each of the n wrestlers at the {place} lifted a boulder, the i-th one weighing a_i kilograms. "
                "{name} crowns the wrestler with the heaviest boulder; if several lifted equally heavy boulders, "
                "the one who went earliest is crowned. Who is crowned?",
                "The first line holds n (⟦1 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
                "Output the position of the crowned wrestler in the order of performance, starting from 1.",
            ),
            Phrasing(
                "{name} reads the rainfall log of the {place}: a_i millimetres fell on day i of n. Report the "
                "first day on which the largest rainfall of the whole log was measured.",
                "The first line gives n (⟦1 ≤ n ≤ N⟧). The next line gives the amounts a_i (⟦1 ≤ a_i ≤ A⟧).",
                "Write that day's number; days are numbered from 1.",
            ),
        ),
    },
    limits={"train": {"N": 2 * 10**5, "A": 10**9}, "story": {"N": 10**5, "A": 10**9}},
    sizes=("N",),
    make_input=_plain_input,
    solve=lambda text: f"{array_of(text).index(max(array_of(text))) + 1}\n",
    explain=_explain_first_max,
    python=(
        "n = int(input())\na = list(map(int, input().split()))\nprint(a.index(max(a)) + 1)\n",
        "n = int(input())\na = list(map(int, input().split()))\nbest = 0\nfor i in range(1, n):\n"
        "    if a[i] > a[best]:\n        best = i\nprint(best + 1)\n",
    ),
    cpp=(
        CPP_HEAD + READ_ARRAY + "    cout << max_element(a.begin(), a.end()) - a.begin() + 1 << endl;\n"
        "    return 0;\n}\n",
    ),
)

FAMILIES = (
    LARGEST_K_SUM,
    PAIR_MIN_MAX_SUM,
    COUNT_ABOVE_AVERAGE,
    COUNT_FIXED_POINTS,
    COUNT_EQUAL_PAIRS,
    SECOND_MINIMUM,
    SPREAD_AFTER_REMOVAL,
    FIRST_MAXIMUM_INDEX,
)
