"""Families on a few numbers, as in Div. 2/3/4 A problems: parity and divisibility conditions, a greedy choice of
coins, and closed formulas (sums modulo m, squares on a board, ceiling division, minutes until midnight)."""

from __future__ import annotations

import random

from problems.curriculum.base import Family, Phrasing, integers

CPP_HEAD = "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n"


def _any_size(rng: random.Random, top: int) -> int:
    """A value up to `top` with a varied number of digits (a uniform draw would nearly always be huge)."""
    return rng.randint(1, min(top, 10 ** rng.randint(1, len(str(top)))))


def _weight_input(rng: random.Random, limits: dict[str, int]) -> str:
    top = limits["W"]
    return f"{rng.choice((rng.randint(1, min(top, 10)), _any_size(rng, top), 2 * rng.randint(1, max(1, top // 2))))}\n"


def _explain_weight(text: str) -> str:
    w = int(text)
    if w == 2:
        return "the only way to split ⟦2⟧ into two positive parts is ⟦1 + 1⟧, and 1 is odd"
    if w % 2:
        return f"⟦w = {w}⟧ is odd, while two even parts always add up to an even number"
    return f"⟦{w} = 2 + {w - 2}⟧, and both parts are even"


SPLIT_EVEN_PARTS = Family(
    name="split-even-parts",
    rating=800,
    tags=("math", "brute force"),
    phrasings={
        "train": (
            Phrasing(
                "Given an integer w, decide whether it can be written as the sum of two positive even integers.",
                "The only line contains an integer w (1 ≤ w ≤ {W}).",
                "Print YES if w is the sum of two positive even integers, and NO otherwise.",
            ),
            Phrasing(
                "{name} wants to split w {things} into two piles so that each pile is non-empty and holds an even "
                "number of {things}. Is it possible?",
                "The first line contains one integer w (1 ≤ w ≤ {W}).",
                "Print YES if such a split exists, otherwise print NO.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "On a hot summer day {name} bought a watermelon that weighs w kilos. {name} wants to cut it into two "
                "parts so that each part weighs a positive even number of kilos; the parts do not have to be "
                "equal. Help {name} find out whether this is possible.",
                "The first line contains one integer w (⟦1 ≤ w ≤ W⟧) — the weight of the watermelon.",
                "Print YES if the watermelon can be divided as described, and NO otherwise.",
            ),
            Phrasing(
                "{name} has collected w {things} and wants to share them with a friend. Both of them must get an "
                "even number of {things}, and both must get at least one. Can {name} do it?",
                "The only line of the input contains a single integer w (⟦1 ≤ w ≤ W⟧).",
                "Output YES if the {things} can be shared this way, and NO if they cannot.",
            ),
        ),
        "story": (
            Phrasing(
                "A caravan has brought w kilograms of saffron to the {place}. {name} must divide the cargo between "
                "two merchants, and the guild insists that each merchant receives a whole, even, strictly positive "
                "number of kilograms. Decide whether {name} can satisfy the guild.",
                "The only line of the input holds a single integer w (⟦1 ≤ w ≤ W⟧).",
                "Write YES if such a division exists; otherwise write NO.",
            ),
            Phrasing(
                "{name} repairs an old rope bridge near the {place}. The spare rope is w metres long, and it has to "
                "be cut into exactly two pieces, each of them a positive even number of metres long. Is this "
                "possible?",
                "The first line holds the length w of the rope (⟦1 ≤ w ≤ W⟧).",
                "Answer YES if the rope can be cut as required and NO otherwise.",
            ),
        ),
    },
    limits={"train": {"W": 100}, "story": {"W": 10**9}},
    make_input=_weight_input,
    solve=lambda text: "YES\n" if int(text) % 2 == 0 and int(text) > 2 else "NO\n",
    explain=_explain_weight,
    python=(
        "w = int(input())\nprint('YES' if w % 2 == 0 and w > 2 else 'NO')\n",
        "w = int(input())\nif w % 2 == 1 or w == 2:\n    print('NO')\nelse:\n    print('YES')\n",
    ),
    cpp=(
        CPP_HEAD + "    long long w;\n    cin >> w;\n    cout << (w % 2 == 0 && w > 2 ? \"YES\" : \"NO\") << endl;\n"
        "    return 0;\n}\n",
    ),
)


def _either_input(rng: random.Random, limits: dict[str, int]) -> str:
    top, k_top = limits["N"], limits["K"]
    k, m = _any_size(rng, k_top), _any_size(rng, k_top)
    kind = rng.random()
    if kind < 0.3:
        n = k * rng.randint(1, max(1, top // k))
    elif kind < 0.6:
        n = m * rng.randint(1, max(1, top // m))
    else:
        n = _any_size(rng, top)
    return f"{min(n, top)} {k} {m}\n"


def _explain_either(text: str) -> str:
    n, k, m = integers(text)
    if n % k == 0:
        return f"⟦{n} = {k} ⋅ {n // k}⟧, so n is divisible by ⟦k = {k}⟧"
    if n % m == 0:
        return f"⟦{n} = {m} ⋅ {n // m}⟧, so n is divisible by ⟦m = {m}⟧"
    return f"{n} leaves the remainder {n % k} when divided by {k} and the remainder {n % m} when divided by {m}"


DIVISIBLE_BY_EITHER = Family(
    name="divisible-by-either",
    rating=800,
    tags=("math", "number theory"),
    phrasings={
        "train": (
            Phrasing(
                "You are given three integers n, k and m. Is n divisible by k or by m (or by both)?",
                "The only line contains three integers n, k and m (1 ≤ n ≤ {N}, 1 ≤ k, m ≤ {K}).",
                "Print YES if n is divisible by at least one of k and m, and NO otherwise.",
            ),
            Phrasing(
                "{name} has n {things} and wants to arrange all of them in rows of exactly k or in rows of exactly "
                "m. Can {name} do it with one of the two row lengths?",
                "The first line contains integers n, k and m (1 ≤ n ≤ {N}, 1 ≤ k, m ≤ {K}).",
                "Print YES if n is divisible by k or by m, otherwise print NO.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "{name} is preparing a parade at the {place}. There are n participants, and they must march in rows "
                "of equal length: either every row has exactly k people, or every row has exactly m people. No "
                "participant may be left out. Tell {name} whether the parade can be organised.",
                "The first line contains three integers n, k and m (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ k, m ≤ K⟧) — the number of "
                "participants and the two allowed row lengths.",
                "Print YES if the participants can be arranged, and NO otherwise.",
            ),
            Phrasing(
                "{name} packs n {things} into boxes. A small box holds exactly k {things}, a large one exactly m, "
                "and {name} wants to use boxes of only one kind, each of them filled completely. Is it possible to "
                "pack all the {things}?",
                "The only line contains three integers n, k, m (⟦1 ≤ n ≤ N⟧; ⟦1 ≤ k, m ≤ K⟧).",
                "If all {things} can be packed this way, print YES. Otherwise print NO.",
            ),
        ),
        "story": (
            Phrasing(
                "At the {place}, {name} tiles a corridor that is n tiles long. Two patterns are available: one "
                "repeats every k tiles and the other every m tiles. The corridor must hold a whole number of "
                "repetitions of one pattern. Is there a pattern that fits exactly?",
                "Three integers n, k and m are given in the only line (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ k, m ≤ K⟧).",
                "Output YES if n is a multiple of k or of m, and NO otherwise.",
            ),
            Phrasing(
                "{name} sorts n {things} at the {place} into crates. One trader takes only crates of exactly k "
                "{things}, the other only crates of exactly m {things}. {name} wants to sell everything to a single "
                "trader with nothing left over. Decide whether this can be done.",
                "The only line of the input holds three integers n, k and m (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ k, m ≤ K⟧).",
                "Print YES when n is divisible by k or by m; print NO otherwise.",
            ),
        ),
    },
    limits={"train": {"N": 10**9, "K": 1000}, "story": {"N": 10**18, "K": 10**9}},
    make_input=_either_input,
    solve=lambda text: "YES\n" if integers(text)[0] % integers(text)[1] == 0
    or integers(text)[0] % integers(text)[2] == 0 else "NO\n",
    explain=_explain_either,
    python=(
        "n, k, m = map(int, input().split())\nprint('YES' if n % k == 0 or n % m == 0 else 'NO')\n",
    ),
    cpp=(
        CPP_HEAD + "    long long n, k, m;\n    cin >> n >> k >> m;\n"
        "    if (n % k == 0 || n % m == 0)\n        cout << \"YES\" << endl;\n"
        "    else\n        cout << \"NO\" << endl;\n"
        "    return 0;\n}\n",
    ),
)


def _range_input(rng: random.Random, limits: dict[str, int]) -> str:
    top = limits["R"]
    left = _any_size(rng, top)
    right = rng.choice((min(top, left + rng.randint(0, 20)), rng.randint(left, top)))
    d = rng.choice((rng.randint(1, min(10, limits["D"])), _any_size(rng, limits["D"])))
    return f"{left} {right} {d}\n"


def _multiples(text: str) -> int:
    left, right, d = integers(text)
    return right // d - (left - 1) // d


def _explain_multiples(text: str) -> str:
    left, right, d = integers(text)
    found = [x for x in range(left, min(right, left + 60) + 1) if x % d == 0]
    if right - left > 60 or len(found) > 6:
        return f"the answer is ⟦⌊{right}/{d}⌋ - ⌊{left - 1}/{d}⌋ = {_multiples(text)}⟧"
    if not found:
        return f"no number from {left} to {right} is divisible by {d}"
    listed = found[0] if len(found) == 1 else ", ".join(map(str, found[:-1])) + f" and {found[-1]}"
    return f"the multiples of {d} from {left} to {right} are {listed}"


COUNT_MULTIPLES_RANGE = Family(
    name="count-multiples-range",
    rating=900,
    tags=("math", "number theory"),
    phrasings={
        "train": (
            Phrasing(
                "Count the integers x with l ≤ x ≤ r that are divisible by d.",
                "The only line contains three integers l, r and d (1 ≤ l ≤ r ≤ {R}, 1 ≤ d ≤ {D}).",
                "Print the number of multiples of d in the segment [l, r].",
            ),
            Phrasing(
                "{name} has {things} numbered l, l + 1, …, r. The ones whose number is divisible by d get a "
                "sticker. How many stickers does {name} need?",
                "The first line contains integers l, r and d (1 ≤ l ≤ r ≤ {R}, 1 ≤ d ≤ {D}).",
                "Print the number of stickers.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "The {place} in {town} gives a prize to every visitor whose ticket number is divisible by d. Today "
                "the tickets from l to r inclusive were sold. {name}, who keeps the prize box, wants to know how "
                "many prizes will be given away.",
                "The first line contains three integers l, r and d (⟦1 ≤ l ≤ r ≤ R⟧, ⟦1 ≤ d ≤ D⟧).",
                "Print one integer — the number of integers x such that ⟦l ≤ x ≤ r⟧ and x is divisible by d.",
            ),
            Phrasing(
                "{name} walks along a street where the houses have consecutive numbers. {name} starts at house l, "
                "stops at house r and leaves a leaflet at every house whose number is a multiple of d. How many "
                "leaflets are left?",
                "The only line contains integers l, r, d (⟦1 ≤ l ≤ r ≤ R⟧, ⟦1 ≤ d ≤ D⟧).",
                "Print the number of leaflets.",
            ),
        ),
        "story": (
            Phrasing(
                "The great clock of the {place} chimes at every second whose number is divisible by d. {name} "
                "listened from second l to second r, both included. How many chimes did {name} hear?",
                "The only line of the input holds three integers l, r and d, where ⟦1 ≤ l ≤ r ≤ R⟧ and "
                "⟦1 ≤ d ≤ D⟧.",
                "Write a single integer: the number of chimes.",
            ),
            Phrasing(
                "{name} inspects the rows of vines at the {place}, numbered consecutively. Rows l through r need "
                "to be checked, and a row is marked if its number is a multiple of d. Find how many rows get "
                "marked.",
                "You are given l, r and d on the only line (⟦1 ≤ l ≤ r ≤ R⟧, ⟦1 ≤ d ≤ D⟧).",
                "Output the number of marked rows.",
            ),
        ),
    },
    limits={"train": {"R": 10**9, "D": 10**9}, "story": {"R": 10**18, "D": 10**18}},
    make_input=_range_input,
    solve=lambda text: f"{_multiples(text)}\n",
    explain=_explain_multiples,
    python=(
        "l, r, d = map(int, input().split())\nprint(r // d - (l - 1) // d)\n",
        "l, r, d = map(int, input().split())\nfirst = (l + d - 1) // d * d\n"
        "print(0 if first > r else (r - first) // d + 1)\n",
    ),
    cpp=(
        CPP_HEAD + "    long long l, r, d;\n    cin >> l >> r >> d;\n    cout << r / d - (l - 1) / d << endl;\n"
        "    return 0;\n}\n",
    ),
)


def _moves_input(rng: random.Random, limits: dict[str, int]) -> str:
    a, b = _any_size(rng, limits["A"]), _any_size(rng, limits["A"])
    if rng.random() < 0.2:
        a = b * rng.randint(1, max(1, limits["A"] // b))
    return f"{a} {b}\n"


def _explain_moves(text: str) -> str:
    a, b = integers(text)
    moves = -a % b
    if moves == 0:
        return f"{a} is already divisible by {b}, so no moves are needed"
    return f"adding {moves} to {a} gives ⟦{a + moves} = {b} ⋅ {(a + moves) // b}⟧, a multiple of {b}"


MOVES_TO_DIVISIBLE = Family(
    name="moves-to-divisible",
    rating=800,
    tags=("math",),
    phrasings={
        "train": (
            Phrasing(
                "You are given two positive integers a and b. In one move you can increase a by 1. Find the minimum "
                "number of moves needed to make a divisible by b.",
                "The only line contains two integers a and b (1 ≤ a, b ≤ {A}).",
                "Print the minimum number of moves.",
            ),
            Phrasing(
                "{name} has exactly a {things} and wants to split them evenly among b friends with none left over. "
                "{name} can get one more at a time. What is the smallest number of extra {things} needed?",
                "The first line contains integers a and b (1 ≤ a, b ≤ {A}).",
                "Print the minimum number of extra {things}.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "{name} runs the {place} and has exactly a {things} in stock. Tomorrow b customers will come, and "
                "each of them must receive the same number of {things}; all of the stock must be given away. "
                "{name} can order additional {things}, one at a time. What is the minimum number of {things} "
                "{name} has to order?",
                "The first line contains two integers a and b (⟦1 ≤ a, b ≤ A⟧).",
                "Print one integer — the minimum number of additional {things}.",
            ),
            Phrasing(
                "A counter at the {place} shows the number a. Each press of a button increases it by one. {name} "
                "wants the counter to show a multiple of b. How many presses are needed at least?",
                "The only line contains two integers a and b (⟦1 ≤ a, b ≤ A⟧).",
                "Print the minimum number of presses (possibly zero).",
            ),
        ),
        "story": (
            Phrasing(
                "A mechanical counter in the {place} shows a. {name} may turn its crank, and every turn adds "
                "exactly one to the shown value. The counter unlocks a drawer as soon as its value is a multiple "
                "of b. Determine the fewest turns that unlock the drawer.",
                "The only line of the input holds two integers a and b (⟦1 ≤ a, b ≤ A⟧).",
                "Output the least number of turns; it may be zero.",
            ),
            Phrasing(
                "{name} owns exactly a {things} and wants to hand them out to b apprentices at the {place} so that "
                "everyone receives the same amount and nothing remains. Before that, {name} may fetch more {things} "
                "one by one. What is the smallest number that must be fetched?",
                "The first line gives a and b (⟦1 ≤ a, b ≤ A⟧).",
                "Output one integer: the minimum number of {things} to fetch.",
            ),
        ),
    },
    limits={"train": {"A": 10**9}, "story": {"A": 10**18}},
    make_input=_moves_input,
    solve=lambda text: f"{-integers(text)[0] % integers(text)[1]}\n",
    explain=_explain_moves,
    python=(
        "a, b = map(int, input().split())\nprint((b - a % b) % b)\n",
        "a, b = map(int, input().split())\nprint(-a % b)\n",
    ),
    cpp=(
        CPP_HEAD + "    long long a, b;\n    cin >> a >> b;\n    cout << (b - a % b) % b << endl;\n    return 0;\n}\n",
    ),
)


def _coins_input(rng: random.Random, limits: dict[str, int]) -> str:
    k = rng.choice((rng.randint(1, min(10, limits["K"])), _any_size(rng, limits["K"])))
    return f"{_any_size(rng, limits['N'])} {k}\n"


def _explain_coins(text: str) -> str:
    n, k = integers(text)
    big, small = divmod(n, k)
    if k == 1:
        return f"every unit is worth 1, so {n} of them are needed"
    return f"{big} of value {k} and {small} of value 1 make ⟦{big} ⋅ {k} + {small} = {n}⟧, {big + small} in total"


COINS_ONE_AND_K = Family(
    name="coins-one-and-k",
    rating=800,
    tags=("greedy", "math"),
    phrasings={
        "train": (
            Phrasing(
                "There are coins of two denominations: 1 and k, as many of each as needed. Find the minimum number "
                "of coins that make exactly n.",
                "The only line contains two integers n and k (1 ≤ n ≤ {N}, 1 ≤ k ≤ {K}).",
                "Print the minimum number of coins.",
            ),
            Phrasing(
                "{name} pays exactly n at the {place} using only coins worth 1 and coins worth k, and has enough of "
                "both. What is the smallest number of coins {name} can pay with?",
                "The first line contains integers n and k (1 ≤ n ≤ {N}, 1 ≤ k ≤ {K}).",
                "Print the smallest number of coins.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "In {town}, only two kinds of coins are in use: coins worth 1 burle and coins worth k burles. "
                "{name} wants to buy a present at the {place} that costs exactly n burles and does not like "
                "carrying many coins. Find the minimum number of coins {name} needs to pay the exact price (no "
                "change is given).",
                "The first line contains two integers n and k (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ k ≤ K⟧) — the price and the value "
                "of the large coin.",
                "Print one integer — the minimum number of coins.",
            ),
            Phrasing(
                "{name} puts n {things} on the shelves of the {place}. A large shelf must hold exactly k {things} "
                "and a small shelf exactly one. What is the minimum number of shelves needed for all n {things}?",
                "The only line contains integers n and k (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ k ≤ K⟧).",
                "Print the minimum number of shelves.",
            ),
        ),
        "story": (
            Phrasing(
                "Merchants at the {place} of {town} weigh spices with two kinds of weights: a small weight of 1 "
                "gram and a large weight of k grams, and there are plenty of both. {name} must put weights "
                "totalling exactly n grams on the scale. What is the least number of weights needed?",
                "The only line of the input holds two integers n and k (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ k ≤ K⟧).",
                "Output the minimum number of weights.",
            ),
            Phrasing(
                "{name} ferries n passengers across the river near the {place}. The large raft takes exactly k "
                "passengers per trip and may only sail full; the small raft takes exactly one. Find the least "
                "number of trips.",
                "The first line gives n and k (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ k ≤ K⟧).",
                "Write the minimum total number of trips.",
            ),
        ),
    },
    limits={"train": {"N": 10**9, "K": 10**9}, "story": {"N": 10**18, "K": 10**18}},
    make_input=_coins_input,
    solve=lambda text: f"{sum(divmod(*integers(text)))}\n",
    explain=_explain_coins,
    python=(
        "n, k = map(int, input().split())\nprint(n // k + n % k)\n",
        "n, k = map(int, input().split())\nbig, small = divmod(n, k)\nprint(big + small)\n",
    ),
    cpp=(
        CPP_HEAD + "    long long n, k;\n    cin >> n >> k;\n    cout << n / k + n % k << endl;\n    return 0;\n}\n",
    ),
)


def _triangular_input(rng: random.Random, limits: dict[str, int]) -> str:
    return f"{_any_size(rng, limits['N'])} {_any_size(rng, limits['M'])}\n"


def _explain_triangular(text: str) -> str:
    n, m = integers(text)
    total = n * (n + 1) // 2
    terms = " + ".join(map(str, range(1, n + 1))) if n <= 6 else f"1 + 2 + … + {n}"
    return f"⟦{terms} = {total}⟧, and the remainder of {total} divided by {m} is {total % m}"


SUM_TO_N_MOD = Family(
    name="sum-to-n-mod",
    rating=1000,
    tags=("math",),
    phrasings={
        "train": (
            Phrasing(
                "Find (1 + 2 + … + n) mod m.",
                "The only line contains two integers n and m (1 ≤ n ≤ {N}, 1 ≤ m ≤ {M}).",
                "Print the remainder of the sum 1 + 2 + … + n divided by m.",
            ),
            Phrasing(
                "{name} puts 1 of the {things} on the table on the first day, 2 on the second day, and so on: i of "
                "them on the i-th day. After n days, how many {things} are on the table, modulo m?",
                "The first line contains integers n and m (1 ≤ n ≤ {N}, 1 ≤ m ≤ {M}).",
                "Print the number of {things} after n days, modulo m.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "Every day {name} adds {things} to the collection at the {place}: one on the first day, two on the "
                "second, three on the third, and so on. After n days the collection is huge, so {name} only wants "
                "to know its size modulo m.",
                "The first line contains two integers n and m (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ m ≤ M⟧).",
                "Print ⟦(1 + 2 + … + n) mod m⟧.",
            ),
            Phrasing(
                "The staircase to the top of the {place} in {town} has n flights, and the i-th flight has i steps. "
                "{name} climbs all of them and counts the steps on a counter that works modulo m, since the total "
                "is too large. What does the counter show at the top?",
                "The only line contains integers n and m (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ m ≤ M⟧).",
                "Print the total number of steps modulo m.",
            ),
        ),
        "story": (
            Phrasing(
                "A pyramid of n layers is stacked in the courtyard of the {place}: the top layer has one block, the "
                "layer below it two, and the i-th layer from the top holds i blocks. {name} needs the total number "
                "of blocks, but only its remainder modulo m matters for the ledger.",
                "The only line of the input holds two integers n and m (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ m ≤ M⟧).",
                "Output the number of blocks modulo m.",
            ),
            Phrasing(
                "{name} counts the guests of the festival at the {place}: on the i-th day exactly i guests arrive, "
                "and the festival lasts n days. Report the total number of guests taken modulo m.",
                "The first line gives n and m (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ m ≤ M⟧).",
                "Output one integer: the number of guests modulo m.",
            ),
        ),
    },
    limits={"train": {"N": 10**12, "M": 10**9}, "story": {"N": 10**18, "M": 2 * 10**9}},
    make_input=_triangular_input,
    solve=lambda text: f"{integers(text)[0] * (integers(text)[0] + 1) // 2 % integers(text)[1]}\n",
    explain=_explain_triangular,
    python=(
        "n, m = map(int, input().split())\nprint(n * (n + 1) // 2 % m)\n",
    ),
    cpp=(
        CPP_HEAD + "    long long n, m;\n    cin >> n >> m;\n    long long a = n, b = n + 1;\n"
        "    if (a % 2 == 0)\n        a /= 2;\n    else\n        b /= 2;\n    cout << (a % m) * (b % m) % m << endl;\n"
        "    return 0;\n}\n",
    ),
)


def _board_input(rng: random.Random, limits: dict[str, int]) -> str:
    return f"{_any_size(rng, limits['N'])}\n"


def _squares(n: int) -> int:
    return n * (n + 1) * (2 * n + 1) // 6


def _explain_squares(text: str) -> str:
    n = int(text)
    if n == 1:
        return "the board itself is the only square"
    if n <= 3:
        parts = [f"{(n - k + 1) ** 2} of size {k} × {k}" for k in range(1, n + 1)]
        return f"there are {', '.join(parts[:-1])} and {parts[-1]}: {_squares(n)} squares in total"
    return f"the number of squares is ⟦{n}^2 + {n - 1}^2 + … + 1^2 = {_squares(n)}⟧"


SQUARES_ON_BOARD = Family(
    name="squares-on-board",
    rating=900,
    tags=("math",),
    phrasings={
        "train": (
            Phrasing(
                "How many squares of all sizes are there on an n × n board? Count every k × k square whose sides "
                "lie on the grid lines, for every k from 1 to n.",
                "The only line contains one integer n (1 ≤ n ≤ {N}).",
                "Print the number of squares.",
            ),
            Phrasing(
                "{name} draws an n × n grid at the {place}. Count all squares of any size formed by the grid lines.",
                "The first line contains an integer n (1 ≤ n ≤ {N}).",
                "Print the total number of squares.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "{name} found an old chessboard with n rows and n columns in the attic. Looking at it, {name} "
                "wondered how many squares it contains: not only the ⟦n^2⟧ cells, but also all ⟦2 × 2⟧, ⟦3 × 3⟧, "
                "… squares, up to the whole board. Help {name} count them.",
                "The first line contains one integer n (⟦1 ≤ n ≤ N⟧) — the size of the board.",
                "Print one integer — the total number of squares of all sizes.",
            ),
            Phrasing(
                "The floor of the {place} in {town} is tiled as an ⟦n × n⟧ grid. For a puzzle contest, {name} asks "
                "how many squares of any size can be outlined along the tile edges.",
                "The only line contains an integer n (⟦1 ≤ n ≤ N⟧).",
                "Print the number of squares.",
            ),
        ),
        "story": (
            Phrasing(
                "A courtyard of the {place} is paved with an n by n grid of slabs. {name} asks the apprentices to "
                "count every square that can be traced along the slab borders, whatever its size, from a single "
                "slab up to the courtyard itself.",
                "The only line of the input holds the integer n (⟦1 ≤ n ≤ N⟧).",
                "Output the number of squares.",
            ),
            Phrasing(
                "{name} embroiders a square pattern of ⟦n × n⟧ cells for the {place}. How many squares of any side "
                "length can be found in it, with sides running along the cell borders?",
                "The first line gives n (⟦1 ≤ n ≤ N⟧).",
                "Write the number of squares.",
            ),
        ),
    },
    limits={"train": {"N": 10**6}, "story": {"N": 2 * 10**6}},
    make_input=_board_input,
    solve=lambda text: f"{_squares(int(text))}\n",
    explain=_explain_squares,
    python=(
        "n = int(input())\nprint(n * (n + 1) * (2 * n + 1) // 6)\n",
        "n = int(input())\nprint(sum(k * k for k in range(1, n + 1)))\n",
    ),
    cpp=(
        CPP_HEAD + "    long long n;\n    cin >> n;\n    cout << n * (n + 1) / 2 * (2 * n + 1) / 3 << endl;\n"
        "    return 0;\n}\n",
    ),
)


def _ceiling_input(rng: random.Random, limits: dict[str, int]) -> str:
    top = limits["N"]
    k = rng.choice((rng.randint(1, min(10, top)), _any_size(rng, top)))
    n = k * rng.randint(1, max(1, top // k)) if rng.random() < 0.2 else _any_size(rng, top)
    return f"{min(n, top)} {k}\n"


def _explain_ceiling(text: str) -> str:
    n, k = integers(text)
    groups = -(-n // k)
    if n % k == 0:
        return f"⟦{n} = {k} ⋅ {groups}⟧, so exactly {groups} are needed"
    return (f"{groups - 1} full ones hold only {(groups - 1) * k}, so one more is needed: "
            f"⟦⌈{n}/{k}⌉ = {groups}⟧")


CEILING_DIVISION = Family(
    name="ceiling-division",
    rating=800,
    tags=("math",),
    phrasings={
        "train": (
            Phrasing(
                "Compute ⌈n / k⌉, the smallest integer that is not less than n / k.",
                "The only line contains two integers n and k (1 ≤ n, k ≤ {N}).",
                "Print ⌈n / k⌉.",
            ),
            Phrasing(
                "{name} needs to carry n {things}; one trip carries at most k of them. What is the minimum number "
                "of trips?",
                "The first line contains integers n and k (1 ≤ n, k ≤ {N}).",
                "Print the minimum number of trips.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "A school trip is organised for n pupils of {town}, and buses with k seats each are rented. Every "
                "pupil needs a seat. How many buses does {name}, the organiser, need at least?",
                "The first line contains two integers n and k (⟦1 ≤ n, k ≤ N⟧).",
                "Print the minimum number of buses.",
            ),
            Phrasing(
                "{name} prints n pages at the {place}; the printer handles at most k pages per batch. How many "
                "batches are needed?",
                "The only line contains two integers n and k (⟦1 ≤ n, k ≤ N⟧) — the number of pages and the size "
                "of a batch.",
                "Print one integer — the minimum number of batches.",
            ),
        ),
        "story": (
            Phrasing(
                "The raft near the {place} carries at most k travellers per crossing. This morning n travellers "
                "are waiting on the bank. {name}, the raftsman, wants the fewest crossings that bring everybody "
                "over; return trips are not counted.",
                "The only line of the input holds integers n and k (⟦1 ≤ n, k ≤ N⟧).",
                "Output the minimum number of crossings.",
            ),
            Phrasing(
                "{name} pours n litres of cider into barrels at the {place}, and each barrel holds up to k litres. "
                "How many barrels are needed?",
                "The first line gives n and k (⟦1 ≤ n, k ≤ N⟧).",
                "Write the minimum number of barrels.",
            ),
        ),
    },
    limits={"train": {"N": 10**9}, "story": {"N": 10**18}},
    make_input=_ceiling_input,
    solve=lambda text: f"{-(-integers(text)[0] // integers(text)[1])}\n",
    explain=_explain_ceiling,
    python=(
        "n, k = map(int, input().split())\nprint((n + k - 1) // k)\n",
        "n, k = map(int, input().split())\nprint(-(-n // k))\n",
    ),
    cpp=(
        CPP_HEAD + "    long long n, k;\n    cin >> n >> k;\n    cout << (n + k - 1) / k << endl;\n    return 0;\n}\n",
        CPP_HEAD + "    long long n, k;\n    cin >> n >> k;\n    cout << n / k + (n % k != 0) << endl;\n"
        "    return 0;\n}\n",
    ),
)


def _clock_input(rng: random.Random, limits: dict[str, int]) -> str:
    h, m = rng.choice((rng.randint(0, 23), 23)), rng.randint(0, 59)
    return f"{h} {m if h or m else 1}\n"


def _explain_clock(text: str) -> str:
    h, m = integers(text)
    return f"⟦(24 - {h}) ⋅ 60 - {m} = {1440 - 60 * h - m}⟧ minutes remain"


MINUTES_TO_MIDNIGHT = Family(
    name="minutes-to-midnight",
    rating=800,
    tags=("math", "implementation"),
    phrasings={
        "train": (
            Phrasing(
                "The current time is h hours and m minutes (24-hour format). How many minutes remain until "
                "midnight?",
                "The only line contains two integers h and m (0 ≤ h < 24, 0 ≤ m < 60). It is guaranteed that h "
                "and m are not both zero.",
                "Print the number of minutes before the new day starts.",
            ),
            Phrasing(
                "{name} looks at the clock of the {place}: it shows h hours and m minutes. How many minutes are "
                "left until midnight?",
                "The first line contains integers h and m (0 ≤ h ≤ 23, 0 ≤ m ≤ 59), not both zero.",
                "Print the number of minutes until midnight.",
            ),
        ),
    },
    stories={
        "train": (
            Phrasing(
                "New Year is coming in {town}! {name} looked at the clock, and it showed h hours and m minutes. "
                "{name} wonders how many minutes are left until New Year, which begins at midnight (0 hours 0 "
                "minutes).",
                "The first line contains two integers h and m (⟦0 ≤ h < 24⟧, ⟦0 ≤ m < 60⟧). It is guaranteed that "
                "the current time is not midnight.",
                "Print the number of minutes remaining before New Year.",
            ),
            Phrasing(
                "The {place} closes at midnight. It is now h:m, and {name} is still inside. How many minutes are "
                "left before the doors close?",
                "The only line contains integers h and m (⟦0 ≤ h ≤ 23⟧, ⟦0 ≤ m ≤ 59⟧), not both equal to zero.",
                "Print one integer — the number of minutes left.",
            ),
        ),
        "story": (
            Phrasing(
                "{name} keeps the night watch at the {place}, and the watch ends exactly at midnight. The tower "
                "clock now shows h hours and m minutes. How many minutes does {name} still have to stay awake?",
                "The only line of the input holds two integers h and m (⟦0 ≤ h ≤ 23⟧, ⟦0 ≤ m ≤ 59⟧); the clock "
                "does not show 00:00.",
                "Output the number of minutes until midnight.",
            ),
            Phrasing(
                "The oil lamps of the {place} are put out at midnight. When {name} lit the last lamp, the clock "
                "showed h hours and m minutes. For how many minutes will that lamp burn?",
                "The first line gives h and m (⟦0 ≤ h < 24⟧, ⟦0 ≤ m < 60⟧), and at least one of them is positive.",
                "Write the number of minutes.",
            ),
        ),
    },
    limits={"train": {}, "story": {}},
    make_input=_clock_input,
    solve=lambda text: f"{1440 - 60 * integers(text)[0] - integers(text)[1]}\n",
    explain=_explain_clock,
    python=(
        "h, m = map(int, input().split())\nprint(24 * 60 - (h * 60 + m))\n",
    ),
    cpp=(
        CPP_HEAD + "    int h, m;\n    cin >> h >> m;\n    cout << 1440 - 60 * h - m << endl;\n    return 0;\n}\n",
    ),
)

FAMILIES = (
    SPLIT_EVEN_PARTS,
    DIVISIBLE_BY_EITHER,
    COUNT_MULTIPLES_RANGE,
    MOVES_TO_DIVISIBLE,
    COINS_ONE_AND_K,
    SUM_TO_N_MOD,
    SQUARES_ON_BOARD,
    CEILING_DIVISION,
    MINUTES_TO_MIDNIGHT,
)
