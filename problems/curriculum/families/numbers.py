"""Families about a handful of numbers: extremes, counting, parity, divisibility, gcd and lcm, digits, means."""

from __future__ import annotations

import math
import random

from problems.curriculum.base import Family, Phrasing, array_of, integers
from problems.model import Checker

MOD = 10**9 + 7


def _array(rng: random.Random, n: int, low: int, high: int) -> str:
    return " ".join(str(rng.randint(low, high)) for _ in range(n))


def _signed_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = rng.randint(1, limits["N"])
    return f"{n}\n{_array(rng, n, -limits['A'], limits['A'])}\n"


def _positive_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = rng.randint(1, limits["N"])
    return f"{n}\n{_array(rng, n, 1, limits['A'])}\n"


MAX_ELEMENT = Family(
    name="max-element",
    rating=800,
    tags=("implementation",),
    phrasings={
        "train": (
            Phrasing(
                "At the {place}, {name} wrote down n integers a_1, a_2, …, a_n. Find the largest of them.",
                "The first line contains one integer n (1 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, a_2, …, a_n (-{A} ≤ a_i ≤ {A}).",
                "Print the largest of the n integers.",
            ),
            Phrasing(
                "You are given an array a of n integers. Find the maximum element of the array.",
                "The first line holds n (1 ≤ n ≤ {N}), the length of the array. The next line holds the elements "
                "a_1, …, a_n (-{A} ≤ a_i ≤ {A}).",
                "Output a single integer: the largest element of the array.",
            ),
            Phrasing(
                "{name} plays a game with n {things}; the i-th of them is worth a_i points (possibly negative). "
                "What is the largest number of points a single one is worth?",
                "The first line contains an integer n (1 ≤ n ≤ {N}). The second line contains n integers a_i "
                "(-{A} ≤ a_i ≤ {A}).",
                "Print the maximum of a_1, a_2, …, a_n.",
            ),
        ),
        "heldout": (
            Phrasing(
                "The {place} has n sensors, and the i-th sensor shows the value a_i. {name} must report the "
                "largest value shown by any sensor.",
                "The first line gives the number of sensors n (1 ≤ n ≤ {N}). The next line gives the readings "
                "a_1, …, a_n (-{A} ≤ a_i ≤ {A}).",
                "Output the largest reading.",
            ),
            Phrasing(
                "Each of the n {things} that {name} keeps carries an integer a_i. Determine the maximum among "
                "these integers.",
                "On the first line, n (1 ≤ n ≤ {N}). On the second line, the n integers a_i (-{A} ≤ a_i ≤ {A}), "
                "separated by spaces.",
                "Output one integer, the largest a_i.",
            ),
        ),
    },
    limits={"train": {"N": 100, "A": 1000}, "heldout": {"N": 1000, "A": 10**9}},
    make_input=_signed_input,
    solve=lambda text: f"{max(array_of(text))}\n",
    python=(
        "n = int(input())\na = list(map(int, input().split()))\nprint(max(a))\n",
        "import sys\n\ndata = sys.stdin.read().split()\nn = int(data[0])\nbest = int(data[1])\n"
        "for i in range(2, n + 1):\n    best = max(best, int(data[i]))\nprint(best)\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    cin >> n;\n"
        "    vector<long long> a(n);\n    for (auto &x : a) cin >> x;\n"
        "    cout << *max_element(a.begin(), a.end()) << endl;\n    return 0;\n}\n",
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    cin >> n;\n"
        "    long long best = LLONG_MIN;\n    for (int i = 0; i < n; i++) {\n        long long x;\n"
        "        cin >> x;\n        best = max(best, x);\n    }\n    cout << best << endl;\n    return 0;\n}\n",
    ),
)


def _difference(text: str) -> str:
    values = array_of(text)
    return f"{max(values) - min(values)}\n"


MIN_MAX_DIFFERENCE = Family(
    name="min-max-difference",
    rating=800,
    tags=("implementation",),
    phrasings={
        "train": (
            Phrasing(
                "{name} wrote n integers on the board at the {place}. Find the difference between the largest "
                "and the smallest of them.",
                "The first line contains one integer n (1 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, a_2, …, a_n (-{A} ≤ a_i ≤ {A}).",
                "Print one integer — the largest number minus the smallest number.",
            ),
            Phrasing(
                "You are given an array a of n integers. Compute the difference between its maximum and its "
                "minimum element.",
                "The first line holds n (1 ≤ n ≤ {N}). The next line holds the elements a_1, …, a_n "
                "(-{A} ≤ a_i ≤ {A}).",
                "Output max(a) - min(a).",
            ),
            Phrasing(
                "{name} measured n {things}; the i-th measurement is a_i (it may be negative). How far apart are "
                "the largest and the smallest measurement?",
                "The first line contains an integer n (1 ≤ n ≤ {N}). The second line contains n integers a_i "
                "(-{A} ≤ a_i ≤ {A}).",
                "Print the largest measurement minus the smallest one.",
            ),
        ),
        "heldout": (
            Phrasing(
                "The {place} logs n temperature readings a_1, …, a_n during one night. {name} wants their "
                "spread: the largest reading minus the smallest reading.",
                "The first line gives the number of readings n (1 ≤ n ≤ {N}). The next line gives the readings "
                "(-{A} ≤ a_i ≤ {A}).",
                "Output the spread as one integer.",
            ),
            Phrasing(
                "Each of the n {things} owned by {name} is labelled with an integer a_i. Subtract the smallest "
                "label from the largest label and report the difference.",
                "On the first line, n (1 ≤ n ≤ {N}). On the second line, the n labels a_i (-{A} ≤ a_i ≤ {A}).",
                "Output the difference between the maximum and the minimum label.",
            ),
        ),
    },
    limits={"train": {"N": 100, "A": 1000}, "heldout": {"N": 1000, "A": 10**9}},
    make_input=_signed_input,
    solve=_difference,
    python=(
        "n = int(input())\na = list(map(int, input().split()))\nprint(max(a) - min(a))\n",
        "import sys\n\ndata = list(map(int, sys.stdin.read().split()))\na = sorted(data[1:data[0] + 1])\n"
        "print(a[-1] - a[0])\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    cin >> n;\n"
        "    long long lo = LLONG_MAX, hi = LLONG_MIN;\n    for (int i = 0; i < n; i++) {\n        long long x;\n"
        "        cin >> x;\n        lo = min(lo, x);\n        hi = max(hi, x);\n    }\n"
        "    cout << hi - lo << endl;\n    return 0;\n}\n",
    ),
)


def _count_equal_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = rng.randint(1, limits["N"])
    pool = [rng.randint(1, limits["A"]) for _ in range(rng.randint(1, 5))]
    values = [rng.choice(pool) if rng.random() < 0.6 else rng.randint(1, limits["A"]) for _ in range(n)]
    x = rng.choice(pool) if rng.random() < 0.8 else rng.randint(1, limits["A"])
    return f"{n} {x}\n{' '.join(map(str, values))}\n"


def _count_equal(text: str) -> str:
    numbers = integers(text)
    n, x = numbers[0], numbers[1]
    return f"{numbers[2:2 + n].count(x)}\n"


COUNT_EQUAL = Family(
    name="count-equal",
    rating=800,
    tags=("implementation",),
    phrasings={
        "train": (
            Phrasing(
                "{name} has n {things}, and the i-th of them has the number a_i written on it. How many of them "
                "have the number x?",
                "The first line contains two integers n and x (1 ≤ n ≤ {N}, 1 ≤ x ≤ {A}). The second line "
                "contains n integers a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print the number of indices i such that a_i = x.",
            ),
            Phrasing(
                "You are given an array of n integers and an integer x. Count how many elements of the array are "
                "equal to x.",
                "The first line holds n and x (1 ≤ n ≤ {N}, 1 ≤ x ≤ {A}). The next line holds the elements "
                "a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Output one integer: the number of elements equal to x.",
            ),
            Phrasing(
                "At the {place}, {name} wrote down n numbers. Count how many times the number x occurs among them.",
                "The first line contains integers n and x (1 ≤ n ≤ {N}, 1 ≤ x ≤ {A}). The second line contains "
                "n integers a_i (1 ≤ a_i ≤ {A}).",
                "Print how many of the a_i are equal to x.",
            ),
        ),
        "heldout": (
            Phrasing(
                "Among the labels a_1, …, a_n of the n {things} kept in the {place}, {name} cares only about the "
                "label x. Determine how many labels are equal to x.",
                "The first line gives n (1 ≤ n ≤ {N}) and x (1 ≤ x ≤ {A}). The following line gives the n labels "
                "(1 ≤ a_i ≤ {A}).",
                "Output the count of labels equal to x.",
            ),
            Phrasing(
                "{name} tallied n votes at the {place}; vote i went to candidate a_i. How many votes did candidate "
                "x get, that is, how many a_i are equal to x?",
                "On the first line, n and x (1 ≤ n ≤ {N}, 1 ≤ x ≤ {A}). On the second line, the n votes a_i "
                "(1 ≤ a_i ≤ {A}).",
                "Output how many times x occurs among the votes.",
            ),
        ),
    },
    limits={"train": {"N": 100, "A": 100}, "heldout": {"N": 1000, "A": 10**6}},
    make_input=_count_equal_input,
    solve=_count_equal,
    python=(
        "n, x = map(int, input().split())\na = list(map(int, input().split()))\nprint(a.count(x))\n",
        "import sys\n\ndata = list(map(int, sys.stdin.read().split()))\nn, x = data[0], data[1]\n"
        "print(sum(1 for v in data[2:2 + n] if v == x))\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    long long x;\n"
        "    cin >> n >> x;\n    int count = 0;\n    for (int i = 0; i < n; i++) {\n        long long v;\n"
        "        cin >> v;\n        if (v == x) count++;\n    }\n    cout << count << endl;\n    return 0;\n}\n",
    ),
)


COUNT_EVEN = Family(
    name="count-even",
    rating=800,
    tags=("implementation", "math"),
    phrasings={
        "train": (
            Phrasing(
                "{name} has n integers a_1, a_2, …, a_n. How many of them are even?",
                "The first line contains one integer n (1 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, …, a_n (-{A} ≤ a_i ≤ {A}).",
                "Print the number of even integers.",
            ),
            Phrasing(
                "You are given an array of n integers. Count its even elements (zero and negative numbers can be "
                "even too).",
                "The first line holds n (1 ≤ n ≤ {N}). The next line holds the elements a_1, …, a_n "
                "(-{A} ≤ a_i ≤ {A}).",
                "Output one integer: how many elements are even.",
            ),
            Phrasing(
                "At the {place}, {name} wrote n numbers on n {things}. Count the {things} with an even number.",
                "The first line contains an integer n (1 ≤ n ≤ {N}). The second line contains the n numbers a_i "
                "(-{A} ≤ a_i ≤ {A}).",
                "Print how many of the a_i are even.",
            ),
        ),
        "heldout": (
            Phrasing(
                "The {place} has n lockers, and on locker i {name} sees the integer a_i, possibly negative or "
                "zero. Determine how many lockers show an even integer.",
                "The first line gives the number of lockers n (1 ≤ n ≤ {N}). The next line gives a_1, …, a_n "
                "(-{A} ≤ a_i ≤ {A}).",
                "Output the number of even values.",
            ),
            Phrasing(
                "For each of the n integers found by {name} among the {things}, decide whether it is even, then "
                "report how many even ones there are.",
                "On the first line, n (1 ≤ n ≤ {N}). On the second line, the n integers a_i (-{A} ≤ a_i ≤ {A}).",
                "Output the count of even integers.",
            ),
        ),
    },
    limits={"train": {"N": 100, "A": 1000}, "heldout": {"N": 1000, "A": 10**9}},
    make_input=_signed_input,
    solve=lambda text: f"{sum(1 for value in array_of(text) if value % 2 == 0)}\n",
    python=(
        "n = int(input())\na = list(map(int, input().split()))\nprint(sum(1 for x in a if x % 2 == 0))\n",
        "import sys\n\ndata = sys.stdin.read().split()\nn = int(data[0])\ncount = 0\nfor i in range(1, n + 1):\n"
        "    if int(data[i]) % 2 == 0:\n        count += 1\nprint(count)\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    cin >> n;\n"
        "    int count = 0;\n    for (int i = 0; i < n; i++) {\n        long long x;\n        cin >> x;\n"
        "        if (x % 2 == 0) count++;\n    }\n    cout << count << endl;\n    return 0;\n}\n",
    ),
)


SUM_PARITY = Family(
    name="sum-parity",
    rating=800,
    tags=("implementation", "math"),
    phrasings={
        "train": (
            Phrasing(
                "{name} has n bags of {things}, the i-th bag holding a_i of them. Is the total number of {things} "
                "even?",
                "The first line contains one integer n (1 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print YES if the sum a_1 + … + a_n is even, and NO otherwise.",
            ),
            Phrasing(
                "You are given n integers. Determine whether their sum is even.",
                "The first line holds n (1 ≤ n ≤ {N}). The next line holds the integers a_1, …, a_n "
                "(1 ≤ a_i ≤ {A}).",
                "Print YES if the sum is even, otherwise print NO.",
            ),
            Phrasing(
                "At the {place}, {name} adds up n numbers a_1, …, a_n. Decide whether the sum is even or odd.",
                "The first line contains an integer n (1 ≤ n ≤ {N}). The second line contains n integers a_i "
                "(1 ≤ a_i ≤ {A}).",
                "Print YES if the sum is even and NO if it is odd.",
            ),
        ),
        "heldout": (
            Phrasing(
                "The {place} receives n crates of {things}, crate i holding a_i of them. {name} can split the "
                "{things} into two equal halves only when the sum of all a_i is even. Check this.",
                "The first line gives the number of crates n (1 ≤ n ≤ {N}). The next line gives a_1, …, a_n "
                "(1 ≤ a_i ≤ {A}).",
                "Output YES if the sum is even and NO otherwise.",
            ),
            Phrasing(
                "Is the sum of the n integers that {name} noted down even?",
                "On the first line, n (1 ≤ n ≤ {N}). On the second line, the n integers a_i (1 ≤ a_i ≤ {A}).",
                "Output YES when the sum is even, NO when it is odd.",
            ),
        ),
    },
    limits={"train": {"N": 100, "A": 1000}, "heldout": {"N": 1000, "A": 10**9}},
    make_input=_positive_input,
    solve=lambda text: "YES\n" if sum(array_of(text)) % 2 == 0 else "NO\n",
    python=(
        "n = int(input())\na = list(map(int, input().split()))\nprint('YES' if sum(a) % 2 == 0 else 'NO')\n",
        "import sys\n\ndata = sys.stdin.read().split()\nn = int(data[0])\nodd = 0\nfor i in range(1, n + 1):\n"
        "    odd ^= int(data[i]) & 1\nprint('NO' if odd else 'YES')\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    cin >> n;\n"
        "    long long total = 0;\n    for (int i = 0; i < n; i++) {\n        long long x;\n        cin >> x;\n"
        "        total += x;\n    }\n    cout << (total % 2 == 0 ? \"YES\" : \"NO\") << endl;\n    return 0;\n}\n",
    ),
)


def _divisible_input(rng: random.Random, limits: dict[str, int]) -> str:
    n = rng.randint(1, limits["N"])
    k = rng.randint(1, limits["K"])
    values = [k * rng.randint(1, limits["A"] // k) if rng.random() < 0.4 else rng.randint(1, limits["A"])
              for _ in range(n)]
    return f"{n} {k}\n{' '.join(map(str, values))}\n"


def _count_divisible(text: str) -> str:
    numbers = integers(text)
    n, k = numbers[0], numbers[1]
    return f"{sum(1 for value in numbers[2:2 + n] if value % k == 0)}\n"


COUNT_DIVISIBLE = Family(
    name="count-divisible",
    rating=900,
    tags=("implementation", "math"),
    phrasings={
        "train": (
            Phrasing(
                "{name} has n {things}, and the i-th of them costs a_i. How many of the costs are divisible by k?",
                "The first line contains two integers n and k (1 ≤ n ≤ {N}, 1 ≤ k ≤ {K}). The second line "
                "contains n integers a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print the number of indices i such that a_i is divisible by k.",
            ),
            Phrasing(
                "You are given n integers and an integer k. Count the integers that are divisible by k.",
                "The first line holds n and k (1 ≤ n ≤ {N}, 1 ≤ k ≤ {K}). The next line holds a_1, …, a_n "
                "(1 ≤ a_i ≤ {A}).",
                "Output one integer: how many a_i are divisible by k.",
            ),
            Phrasing(
                "At the {place}, {name} packs {things} in groups of exactly k. Pile i has a_i {things}. Count the "
                "piles whose size is divisible by k.",
                "The first line contains integers n and k (1 ≤ n ≤ {N}, 1 ≤ k ≤ {K}). The second line contains "
                "n integers a_i (1 ≤ a_i ≤ {A}).",
                "Print the number of piles with a size divisible by k.",
            ),
        ),
        "heldout": (
            Phrasing(
                "{name} inspects n shipments arriving at the {place}; shipment i weighs a_i. A shipment is "
                "accepted when its weight is divisible by k. Determine the number of accepted shipments.",
                "The first line gives n (1 ≤ n ≤ {N}) and k (1 ≤ k ≤ {K}). The following line gives the weights "
                "(1 ≤ a_i ≤ {A}).",
                "Output the number of weights divisible by k.",
            ),
            Phrasing(
                "How many of the numbers a_1, …, a_n found by {name} are divisible by k?",
                "On the first line, n and k (1 ≤ n ≤ {N}, 1 ≤ k ≤ {K}). On the second line, the n numbers a_i "
                "(1 ≤ a_i ≤ {A}).",
                "Output the count of numbers divisible by k.",
            ),
        ),
    },
    limits={"train": {"N": 100, "K": 10, "A": 1000}, "heldout": {"N": 1000, "K": 100, "A": 10**9}},
    make_input=_divisible_input,
    solve=_count_divisible,
    python=(
        "n, k = map(int, input().split())\na = list(map(int, input().split()))\n"
        "print(sum(1 for x in a if x % k == 0))\n",
        "import sys\n\ndata = list(map(int, sys.stdin.read().split()))\nn, k = data[0], data[1]\ncount = 0\n"
        "for x in data[2:2 + n]:\n    if x % k == 0:\n        count += 1\nprint(count)\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    long long k;\n"
        "    cin >> n >> k;\n    int count = 0;\n    for (int i = 0; i < n; i++) {\n        long long x;\n"
        "        cin >> x;\n        if (x % k == 0) count++;\n    }\n    cout << count << endl;\n    return 0;\n}\n",
    ),
)


def _pair_input(rng: random.Random, limits: dict[str, int]) -> str:
    top = limits["A"]
    g = rng.randint(1, rng.choice((1, min(top, 10), top)))
    return f"{g * rng.randint(1, top // g)} {g * rng.randint(1, top // g)}\n"


def _gcd(text: str) -> str:
    a, b = integers(text)
    return f"{math.gcd(a, b)}\n"


GCD_TWO = Family(
    name="gcd-two",
    rating=900,
    tags=("math", "number theory"),
    phrasings={
        "train": (
            Phrasing(
                "{name} has a red {things} and b blue {things}. Find the greatest common divisor of a and b.",
                "The only line contains two integers a and b (1 ≤ a, b ≤ {A}).",
                "Print the greatest common divisor of a and b.",
            ),
            Phrasing(
                "Given two positive integers a and b, compute gcd(a, b), the greatest common divisor of a and b.",
                "A single line holds a and b (1 ≤ a, b ≤ {A}).",
                "Output one integer: gcd(a, b).",
            ),
            Phrasing(
                "At the {place}, {name} wrote two numbers a and b. Find the largest integer that divides both of "
                "them (their greatest common divisor).",
                "The first line contains integers a and b (1 ≤ a, b ≤ {A}).",
                "Print the greatest common divisor of a and b.",
            ),
        ),
        "heldout": (
            Phrasing(
                "Two rows of {things} in the {place} have lengths a and b. {name} wants equal tiles that exactly "
                "cover each row; the longest possible tile is the greatest common divisor of a and b. Report it.",
                "The input is one line with a and b (1 ≤ a, b ≤ {A}).",
                "Output gcd(a, b), the greatest common divisor.",
            ),
            Phrasing(
                "Determine the greatest common divisor of the two integers a and b that {name} chose.",
                "On the only line, a and b (1 ≤ a, b ≤ {A}), separated by a space.",
                "Output the greatest common divisor of a and b.",
            ),
        ),
    },
    limits={"train": {"A": 1000}, "heldout": {"A": 10**9}},
    make_input=_pair_input,
    solve=_gcd,
    python=(
        "import math\n\na, b = map(int, input().split())\nprint(math.gcd(a, b))\n",
        "a, b = map(int, input().split())\nwhile b:\n    a, b = b, a % b\nprint(a)\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    long long a, b;\n    cin >> a >> b;\n"
        "    cout << __gcd(a, b) << endl;\n    return 0;\n}\n",
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    long long a, b;\n    cin >> a >> b;\n"
        "    while (b != 0) {\n        long long r = a % b;\n        a = b;\n        b = r;\n    }\n"
        "    cout << a << endl;\n    return 0;\n}\n",
    ),
)


def _lcm(text: str) -> str:
    a, b = integers(text)
    return f"{a // math.gcd(a, b) * b}\n"


LCM_TWO = Family(
    name="lcm-two",
    rating=1000,
    tags=("math", "number theory"),
    phrasings={
        "train": (
            Phrasing(
                "{name} visits the {place} every a days, and a friend visits it every b days. Both came today. "
                "After how many days will they meet there again? This is the least common multiple of a and b.",
                "The only line contains two integers a and b (1 ≤ a, b ≤ {A}).",
                "Print the least common multiple of a and b.",
            ),
            Phrasing(
                "Given two positive integers a and b, find lcm(a, b), the least common multiple of a and b.",
                "A single line holds a and b (1 ≤ a, b ≤ {A}).",
                "Output one integer: lcm(a, b).",
            ),
            Phrasing(
                "{name} builds towers of {things} of height a and of height b. Find the smallest positive integer "
                "divisible by both a and b (their least common multiple).",
                "The first line contains integers a and b (1 ≤ a, b ≤ {A}).",
                "Print the least common multiple of a and b.",
            ),
        ),
        "heldout": (
            Phrasing(
                "Two beacons at the {place} flash together now; one flashes every a seconds and the other every "
                "b seconds. {name} asks when they next flash together, that is, the least common multiple of a "
                "and b.",
                "The input is one line with a and b (1 ≤ a, b ≤ {A}).",
                "Output lcm(a, b), the least common multiple.",
            ),
            Phrasing(
                "Determine the least common multiple of the two integers a and b that {name} chose.",
                "On the only line, a and b (1 ≤ a, b ≤ {A}), separated by a space.",
                "Output the least common multiple of a and b.",
            ),
        ),
    },
    limits={"train": {"A": 10**5}, "heldout": {"A": 10**9}},
    make_input=_pair_input,
    solve=_lcm,
    python=(
        "import math\n\na, b = map(int, input().split())\nprint(a // math.gcd(a, b) * b)\n",
        "a, b = map(int, input().split())\nx, y = a, b\nwhile y:\n    x, y = y, x % y\nprint(a * b // x)\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    long long a, b;\n    cin >> a >> b;\n"
        "    cout << a / __gcd(a, b) * b << endl;\n    return 0;\n}\n",
    ),
)


def _pairs_input(rng: random.Random, limits: dict[str, int]) -> str:
    t = rng.randint(1, limits["T"])
    return f"{t}\n" + "".join(f"{_array(rng, 2, -limits['A'], limits['A'])}\n" for _ in range(t))


def _sums(text: str) -> str:
    numbers = integers(text)
    return "".join(f"{numbers[2 * i + 1] + numbers[2 * i + 2]}\n" for i in range(numbers[0]))


A_PLUS_B_MULTITEST = Family(
    name="a-plus-b-multitest",
    rating=800,
    tags=("implementation",),
    phrasings={
        "train": (
            Phrasing(
                "{name} has t pairs of integers. For each pair a, b, find the sum a + b.",
                "The first line contains an integer t (1 ≤ t ≤ {T}) — the number of test cases. Each of the next "
                "t lines contains two integers a and b (-{A} ≤ a, b ≤ {A}).",
                "For each test case, print a + b on its own line.",
            ),
            Phrasing(
                "You are given t test cases. In each test case, compute the sum of two integers a and b.",
                "The first line holds t (1 ≤ t ≤ {T}). Then t lines follow, each with a and b "
                "(-{A} ≤ a, b ≤ {A}).",
                "Output t lines: the value of a + b for every test case.",
            ),
            Phrasing(
                "{name} practises addition at the {place}: there are t questions, each asking for the sum of two "
                "integers a and b.",
                "The first line contains t (1 ≤ t ≤ {T}). Each of the following t lines contains integers a and b "
                "(-{A} ≤ a, b ≤ {A}).",
                "For each question, print the sum a + b.",
            ),
        ),
        "heldout": (
            Phrasing(
                "{name} receives t queries at the {place}; every query consists of two integers a and b, and its "
                "answer is their sum a + b. Answer all queries.",
                "The first line gives the number of queries t (1 ≤ t ≤ {T}). The i-th of the next t lines gives "
                "a and b (-{A} ≤ a, b ≤ {A}).",
                "Output t lines; line i is the sum a + b for the i-th query.",
            ),
            Phrasing(
                "Compute a + b for each of the t test cases that {name} prepared.",
                "On the first line, t (1 ≤ t ≤ {T}). Then t lines, each with two integers a and b "
                "(-{A} ≤ a, b ≤ {A}).",
                "For every test case, output the sum a + b on a separate line.",
            ),
        ),
    },
    limits={"train": {"T": 10, "A": 1000}, "heldout": {"T": 100, "A": 10**9}},
    make_input=_pairs_input,
    solve=_sums,
    python=(
        "t = int(input())\nfor _ in range(t):\n    a, b = map(int, input().split())\n    print(a + b)\n",
        "import sys\n\ndata = list(map(int, sys.stdin.read().split()))\nt = data[0]\nanswers = []\n"
        "for i in range(t):\n    answers.append(str(data[2 * i + 1] + data[2 * i + 2]))\nprint('\\n'.join(answers))\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int t;\n    cin >> t;\n"
        "    while (t--) {\n        long long a, b;\n        cin >> a >> b;\n        cout << a + b << \"\\n\";\n"
        "    }\n    return 0;\n}\n",
    ),
)


def _digits_input(rng: random.Random, limits: dict[str, int]) -> str:
    top = limits["N"]
    length = rng.randint(1, len(str(top)))
    return f"{rng.randint(10 ** (length - 1), min(10**length - 1, top))}\n"


DIGIT_SUM = Family(
    name="digit-sum",
    rating=800,
    tags=("implementation", "math"),
    phrasings={
        "train": (
            Phrasing(
                "{name} wrote the number n on a sign at the {place}. Find the sum of its decimal digits.",
                "The only line contains one integer n (1 ≤ n ≤ {N}).",
                "Print the sum of the digits of n.",
            ),
            Phrasing(
                "You are given a positive integer n. Compute the sum of the digits of n.",
                "A single line holds n (1 ≤ n ≤ {N}).",
                "Output one integer: the sum of the decimal digits of n.",
            ),
            Phrasing(
                "{name} has n {things}. What is the sum of the digits of the number n?",
                "The first line contains an integer n (1 ≤ n ≤ {N}).",
                "Print the digit sum of n.",
            ),
        ),
        "heldout": (
            Phrasing(
                "A ticket from the {place} shows the number n. {name} adds up all the digits of n; report the "
                "resulting sum of digits.",
                "The input is one line with the number n (1 ≤ n ≤ {N}).",
                "Output the sum of the digits of n.",
            ),
            Phrasing(
                "Determine the sum of the decimal digits of the integer n that {name} chose.",
                "On the only line, the integer n (1 ≤ n ≤ {N}).",
                "Output the sum of the digits.",
            ),
        ),
    },
    limits={"train": {"N": 10**9}, "heldout": {"N": 10**18}},
    example_limits={"N": 10**5},
    make_input=_digits_input,
    solve=lambda text: f"{sum(int(digit) for digit in text.strip())}\n",
    python=(
        "s = input().strip()\nprint(sum(int(c) for c in s))\n",
        "n = int(input())\ntotal = 0\nwhile n > 0:\n    total += n % 10\n    n //= 10\nprint(total)\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    string s;\n    cin >> s;\n"
        "    int total = 0;\n    for (char c : s) total += c - '0';\n    cout << total << endl;\n    return 0;\n}\n",
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    long long n;\n    cin >> n;\n"
        "    int total = 0;\n    while (n > 0) {\n        total += n % 10;\n        n /= 10;\n    }\n"
        "    cout << total << endl;\n    return 0;\n}\n",
    ),
)


def _average(text: str) -> str:
    values = array_of(text)
    return f"{sum(values) / len(values):.6f}\n"


AVERAGE = Family(
    name="average",
    rating=900,
    tags=("implementation", "math"),
    checker=Checker(float_abs_tol=1e-6, float_rel_tol=1e-6),  # as the statement promises
    phrasings={
        "train": (
            Phrasing(
                "{name} has n bags of {things}; bag i holds a_i of them. Find the average number of {things} in "
                "a bag.",
                "The first line contains one integer n (1 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print the arithmetic mean (a_1 + … + a_n) / n with exactly 6 digits after the decimal point. "
                "Answers with an absolute or relative error of at most 10^-6 are accepted.",
            ),
            Phrasing(
                "You are given n integers. Find their arithmetic mean.",
                "The first line holds n (1 ≤ n ≤ {N}). The next line holds a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print the mean with exactly 6 digits after the decimal point. An absolute or relative error of "
                "at most 10^-6 is accepted.",
            ),
            Phrasing(
                "At the {place}, {name} recorded n numbers a_1, …, a_n. Compute the average of these numbers.",
                "The first line contains an integer n (1 ≤ n ≤ {N}). The second line contains n integers a_i "
                "(1 ≤ a_i ≤ {A}).",
                "Print the average with exactly 6 digits after the decimal point; answers within 10^-6 absolute "
                "or relative error are accepted.",
            ),
        ),
        "heldout": (
            Phrasing(
                "During n days at the {place}, {name} collected a_i {things} on day i. Report the mean daily "
                "amount: the sum of all a_i divided by n.",
                "The first line gives the number of days n (1 ≤ n ≤ {N}). The next line gives a_1, …, a_n "
                "(1 ≤ a_i ≤ {A}).",
                "Output the average with exactly 6 digits after the decimal point. Answers within 10^-6 absolute "
                "or relative error are accepted.",
            ),
            Phrasing(
                "Determine the arithmetic mean of the n integers that {name} chose.",
                "On the first line, n (1 ≤ n ≤ {N}). On the second line, the n integers a_i (1 ≤ a_i ≤ {A}).",
                "Output the mean with exactly 6 digits after the decimal point; an absolute or relative error of "
                "at most 10^-6 is accepted.",
            ),
        ),
    },
    limits={"train": {"N": 100, "A": 1000}, "heldout": {"N": 1000, "A": 10**6}},
    make_input=_positive_input,
    solve=_average,
    python=(
        "n = int(input())\na = list(map(int, input().split()))\nprint(f'{sum(a) / n:.6f}')\n",
        "import sys\n\ndata = list(map(int, sys.stdin.read().split()))\nn = data[0]\ntotal = sum(data[1:n + 1])\n"
        "print('%.6f' % (total / n))\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    cin >> n;\n"
        "    long long total = 0;\n    for (int i = 0; i < n; i++) {\n        long long x;\n        cin >> x;\n"
        "        total += x;\n    }\n    printf(\"%.6f\\n\", (double)total / n);\n    return 0;\n}\n",
    ),
)


def _second_input(rng: random.Random, limits: dict[str, int]) -> str:
    low, high = -limits["A"], limits["A"]
    while True:
        n = rng.randint(2, limits["N"])
        if rng.random() < 0.5:
            values = [rng.randint(low, high) for _ in range(n)]
        else:
            pool = [rng.randint(low, high) for _ in range(rng.randint(2, 4))]
            values = [rng.choice(pool) for _ in range(n)]
        if len(set(values)) >= 2:
            return f"{n}\n{' '.join(map(str, values))}\n"


SECOND_MAXIMUM = Family(
    name="second-maximum",
    rating=1000,
    tags=("implementation", "sortings"),
    phrasings={
        "train": (
            Phrasing(
                "{name} wrote n integers at the {place}. Find the second largest distinct value among them, that "
                "is, the largest value strictly less than the maximum.",
                "The first line contains one integer n (2 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, …, a_n (-{A} ≤ a_i ≤ {A}). At least two of the values are distinct.",
                "Print the second largest distinct value.",
            ),
            Phrasing(
                "You are given an array of n integers with at least two different values. Find the second largest "
                "distinct value of the array.",
                "The first line holds n (2 ≤ n ≤ {N}). The next line holds a_1, …, a_n (-{A} ≤ a_i ≤ {A}), not "
                "all equal.",
                "Output one integer: the second largest distinct value.",
            ),
            Phrasing(
                "In a game at the {place}, n players scored a_1, …, a_n points (possibly negative). Equal scores "
                "share a place. Find the second largest distinct score.",
                "The first line contains n (2 ≤ n ≤ {N}). The second line contains n integers a_i "
                "(-{A} ≤ a_i ≤ {A}); not all of them are equal.",
                "Print the second largest distinct score.",
            ),
        ),
        "heldout": (
            Phrasing(
                "The {place} keeps n {things}, the i-th worth a_i. {name} ignores every copy of the largest worth "
                "and asks for the largest remaining one, i.e. the second largest distinct value.",
                "The first line gives n (2 ≤ n ≤ {N}). The next line gives a_1, …, a_n (-{A} ≤ a_i ≤ {A}). It is "
                "guaranteed that at least two distinct values occur.",
                "Output the second largest distinct value.",
            ),
            Phrasing(
                "Several of the n integers given to {name} may be equal. Report the second largest distinct value "
                "among them.",
                "On the first line, n (2 ≤ n ≤ {N}). On the second line, the n integers a_i (-{A} ≤ a_i ≤ {A}), "
                "with at least two distinct values.",
                "Output one integer, the second largest distinct value.",
            ),
        ),
    },
    limits={"train": {"N": 100, "A": 1000}, "heldout": {"N": 1000, "A": 10**9}},
    make_input=_second_input,
    solve=lambda text: f"{sorted(set(array_of(text)))[-2]}\n",
    python=(
        "n = int(input())\na = list(map(int, input().split()))\nprint(sorted(set(a))[-2])\n",
        "n = int(input())\na = list(map(int, input().split()))\nbest = max(a)\nprint(max(x for x in a if x < best))\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    cin >> n;\n"
        "    set<long long> values;\n    for (int i = 0; i < n; i++) {\n        long long x;\n        cin >> x;\n"
        "        values.insert(x);\n    }\n    cout << *next(values.rbegin()) << endl;\n    return 0;\n}\n",
        "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    int n;\n    cin >> n;\n"
        "    vector<long long> a(n);\n    for (auto &x : a) cin >> x;\n    sort(a.begin(), a.end());\n"
        "    a.erase(unique(a.begin(), a.end()), a.end());\n    cout << a[a.size() - 2] << endl;\n    return 0;\n}\n",
    ),
)


def _product(text: str) -> str:
    result = 1
    for value in array_of(text):
        result = result * value % MOD
    return f"{result}\n"


PRODUCT_MOD = Family(
    name="product-mod",
    rating=1000,
    tags=("math", "implementation"),
    phrasings={
        "train": (
            Phrasing(
                "{name} multiplies the n numbers a_1, …, a_n written on {things} at the {place}. The product can "
                "be huge, so find it modulo 10^9 + 7.",
                "The first line contains one integer n (1 ≤ n ≤ {N}). The second line contains n integers "
                "a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Print the product a_1 ⋅ a_2 ⋅ … ⋅ a_n modulo 10^9 + 7.",
            ),
            Phrasing(
                "You are given n integers. Find their product modulo 10^9 + 7.",
                "The first line holds n (1 ≤ n ≤ {N}). The next line holds a_1, …, a_n (1 ≤ a_i ≤ {A}).",
                "Output the product of all a_i modulo 10^9 + 7.",
            ),
            Phrasing(
                "At the {place}, {name} has an array of n positive integers. Compute the product of its elements "
                "modulo 10^9 + 7.",
                "The first line contains an integer n (1 ≤ n ≤ {N}). The second line contains n integers a_i "
                "(1 ≤ a_i ≤ {A}).",
                "Print one integer: the product modulo 10^9 + 7.",
            ),
        ),
        "heldout": (
            Phrasing(
                "Starting with one of the {things}, each of n machines in the {place} multiplies their number, "
                "machine i by a_i. {name} needs the final count, the product of all a_i, modulo 10^9 + 7.",
                "The first line gives the number of machines n (1 ≤ n ≤ {N}). The next line gives a_1, …, a_n "
                "(1 ≤ a_i ≤ {A}).",
                "Output the product modulo 10^9 + 7.",
            ),
            Phrasing(
                "Report the product a_1 ⋅ … ⋅ a_n modulo 10^9 + 7 of the n integers that {name} picked.",
                "On the first line, n (1 ≤ n ≤ {N}). On the second line, the n integers a_i (1 ≤ a_i ≤ {A}).",
                "Output the product of the integers modulo 10^9 + 7.",
            ),
        ),
    },
    limits={"train": {"N": 100, "A": 10**6}, "heldout": {"N": 1000, "A": 10**9}},
    make_input=_positive_input,
    solve=_product,
    python=(
        "n = int(input())\na = list(map(int, input().split()))\nMOD = 10**9 + 7\nresult = 1\nfor x in a:\n"
        "    result = result * x % MOD\nprint(result)\n",
        "import math\n\nn = int(input())\na = list(map(int, input().split()))\nprint(math.prod(a) % (10**9 + 7))\n",
    ),
    cpp=(
        "#include <bits/stdc++.h>\nusing namespace std;\n\nconst long long MOD = 1000000007;\n\nint main() {\n"
        "    int n;\n    cin >> n;\n    long long result = 1;\n    for (int i = 0; i < n; i++) {\n"
        "        long long x;\n        cin >> x;\n        result = result * (x % MOD) % MOD;\n    }\n"
        "    cout << result << endl;\n    return 0;\n}\n",
    ),
)

FAMILIES = (
    MAX_ELEMENT,
    MIN_MAX_DIFFERENCE,
    COUNT_EQUAL,
    COUNT_EVEN,
    SUM_PARITY,
    COUNT_DIVISIBLE,
    GCD_TWO,
    LCM_TWO,
    A_PLUS_B_MULTITEST,
    DIGIT_SUM,
    AVERAGE,
    SECOND_MAXIMUM,
    PRODUCT_MOD,
)
