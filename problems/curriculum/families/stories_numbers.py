"""Story phrasings, story-split limits and example explanations for the families of `core.py` and `numbers.py`.

They live apart from the family definitions, which the fixed held-out split is generated from and which therefore
stay as they were.
"""

from __future__ import annotations

import math

from problems.curriculum.base import Phrasing, array_of, integers, listed, tell
from problems.curriculum.families import core, numbers

MOD = 10**9 + 7


def _sum_terms(values: list[int]) -> str:
    return " + ".join(f"({v})" if v < 0 else str(v) for v in values)


def _explain_sum(text: str) -> str:
    values = array_of(text)
    if len(values) == 1:
        return f"there is a single bag, holding {values[0]}"
    return f"the total is ⟦{_sum_terms(values)} = {sum(values)}⟧"


ARRAY_SUM = tell(
    core.ARRAY_SUM,
    train=(
        Phrasing(
            "After the harvest {name} brought n bags of {things} to the {place}; the i-th bag holds a_i {things}. "
            "Before selling them, {name} wants to know how many {things} there are in total.",
            "The first line contains one integer n (⟦1 ≤ n ≤ N⟧) — the number of bags. The second line contains "
            "n integers ⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧), where a_i is the number of {things} in the i-th bag.",
            "Print one integer — the total number of {things}.",
        ),
        Phrasing(
            "{name} keeps a diary of the {place}: on the i-th of the last n days, a_i visitors came. The owner "
            "asks {name} for the total number of visitors over these days.",
            "The first line contains an integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers a_i "
            "(⟦1 ≤ a_i ≤ A⟧).",
            "Print the total number of visitors.",
        ),
    ),
    story=(
        Phrasing(
            "Carts arrive at the {place} one after another, n in total, and the i-th cart carries a_i sacks of "
            "grain. {name} has to record how many sacks came in altogether.",
            "The first line holds n (⟦1 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Output the total number of sacks.",
        ),
        Phrasing(
            "{name} counts the {things} stored in the n chests of the {place}; chest i contains a_i of them. How "
            "many {things} are stored altogether?",
            "The first line gives n (⟦1 ≤ n ≤ N⟧). The next line gives the amounts a_i (⟦1 ≤ a_i ≤ A⟧).",
            "Write the sum ⟦a_1 + a_2 + … + a_n⟧.",
        ),
    ),
    limits={"N": 2 * 10**5, "A": 10**9},
    sizes=("N",),
    explain=_explain_sum,
)

REVERSE = tell(
    core.REVERSE,
    train=(
        Phrasing(
            "{name} and a friend at the {place} send each other secret notes: every word is written backwards. "
            "{name} has just received the word s. Help {name} read it.",
            "The first line contains a string s (⟦1 ≤ |s| ≤ L⟧) consisting of lowercase English letters.",
            "Print the string s reversed.",
        ),
        Phrasing(
            "The sign painter of {town} made a mistake: the word s on the sign of the {place} is written from right "
            "to left. {name} has to repaint it correctly, so {name} needs s reversed.",
            "The only line contains the string s of lowercase Latin letters (⟦1 ≤ |s| ≤ L⟧).",
            "Print one string — the reversed s.",
        ),
    ),
    story=(
        Phrasing(
            "The scribes of the {place} write every word in mirror order, last letter first. {name} found such a "
            "word s and must restore its ordinary spelling.",
            "The only line of the input holds the word s: lowercase letters, ⟦1 ≤ |s| ≤ L⟧.",
            "Output the letters of s in reverse order.",
        ),
    ),
    limits={"L": 10**5},
    sizes=("L",),
    explain=lambda text: f"reading \"{text.strip()}\" from right to left gives \"{text.strip()[::-1]}\"",
)


def _explain_max(text: str) -> str:
    values = array_of(text)
    return f"the largest of {listed(values)} is {max(values)}" if len(values) > 1 else "there is a single number"


MAX_ELEMENT = tell(
    numbers.MAX_ELEMENT,
    train=(
        Phrasing(
            "{name} measured the temperature at the {place} every hour for n hours; the i-th measurement was a_i "
            "degrees (the winter in {town} is cold, so it may be negative). What was the highest temperature?",
            "The first line contains one integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers "
            "⟦a_1, a_2, …, a_n⟧ (⟦-A ≤ a_i ≤ A⟧).",
            "Print one integer — the maximum of the measurements.",
        ),
        Phrasing(
            "n players took part in a quiz at the {place}; the i-th player scored a_i points, and wrong answers "
            "cost points, so a score can be negative. {name} announces the best score. What is it?",
            "The first line contains an integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers a_i "
            "(⟦-A ≤ a_i ≤ A⟧).",
            "Print the largest score.",
        ),
    ),
    story=(
        Phrasing(
            "Along the wall of the {place} stand n posts, and the i-th post stands a_i centimetres above or below "
            "the old mark (negative when below). {name} needs the height of the highest post.",
            "The first line holds n (⟦1 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦-A ≤ a_i ≤ A⟧).",
            "Output the largest a_i.",
        ),
        Phrasing(
            "{name} audits the n accounts of the {place}; account i shows a balance of a_i, possibly negative. "
            "Report the largest balance.",
            "The first line gives n (⟦1 ≤ n ≤ N⟧). The next line gives the balances a_i (⟦-A ≤ a_i ≤ A⟧).",
            "Write the maximum balance.",
        ),
    ),
    limits={"N": 2 * 10**5, "A": 10**9},
    sizes=("N",),
    explain=_explain_max,
)


def _explain_difference(text: str) -> str:
    values = array_of(text)
    high, low = max(values), min(values)
    return (f"the largest number is {high} and the smallest is {low}, so the answer is "
            f"⟦{high} - {_sum_terms([low])} = {high - low}⟧")


MIN_MAX_DIFFERENCE = tell(
    numbers.MIN_MAX_DIFFERENCE,
    train=(
        Phrasing(
            "{name} tracks the price of one share at the {place} exchange of {town} for n days; on the i-th day "
            "the price changed by a_i (a negative a_i means it fell). {name} wants the difference between the "
            "largest and the smallest daily change.",
            "The first line contains one integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers "
            "⟦a_1, a_2, …, a_n⟧ (⟦-A ≤ a_i ≤ A⟧).",
            "Print one integer — ⟦max(a) - min(a)⟧.",
        ),
        Phrasing(
            "The heights of n points of a hiking trail near the {place} are a_1, …, a_n metres relative to the "
            "lake (they may be negative). {name} wonders how much higher the highest point is than the lowest.",
            "The first line contains an integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers a_i "
            "(⟦-A ≤ a_i ≤ A⟧).",
            "Print the difference between the highest and the lowest point.",
        ),
    ),
    story=(
        Phrasing(
            "The tide gauge of the {place} recorded n water levels a_1, …, a_n, some of them below zero. {name} "
            "reports the range of the tide: the highest level minus the lowest one.",
            "The first line holds n (⟦1 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦-A ≤ a_i ≤ A⟧).",
            "Output the range as one integer.",
        ),
    ),
    limits={"N": 10**5, "A": 10**9},
    sizes=("N",),
    explain=_explain_difference,
)


def _explain_count_equal(text: str) -> str:
    numbers_ = integers(text)
    n, x = numbers_[0], numbers_[1]
    where = [i for i, v in enumerate(numbers_[2:2 + n], start=1) if v == x]
    if not where:
        return f"the number {x} does not occur at all"
    return f"the number {x} occurs at position{'s' * (len(where) > 1)} {listed(where)}"


COUNT_EQUAL = tell(
    numbers.COUNT_EQUAL,
    train=(
        Phrasing(
            "The class of {name} voted for the class president at the {place}. There were n votes, and the i-th "
            "vote was for the candidate with number a_i. {name} is the candidate with number x. How many votes did "
            "{name} get?",
            "The first line contains two integers n and x (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ x ≤ A⟧). The second line contains "
            "n integers ⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Print the number of votes for candidate x.",
        ),
        Phrasing(
            "{name} sells ice cream at the {place}. Today n customers came, and the i-th of them chose the "
            "flavour with number a_i. How many customers chose the flavour with number x?",
            "The first line contains integers n and x (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ x ≤ A⟧). The second line contains n "
            "integers a_i (⟦1 ≤ a_i ≤ A⟧).",
            "Print one integer — the number of indices i with ⟦a_i = x⟧.",
        ),
    ),
    story=(
        Phrasing(
            "Each of the n boats that docked at the {place} today flies a flag with a number; the i-th flag shows "
            "a_i. {name} is waiting for boats with flag x. How many of them came?",
            "The first line holds n and x (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ x ≤ A⟧). The second line holds ⟦a_1, …, a_n⟧ "
            "(⟦1 ≤ a_i ≤ A⟧).",
            "Output how many a_i equal x.",
        ),
    ),
    limits={"N": 2 * 10**5, "A": 10**9},
    sizes=("N",),
    explain=_explain_count_equal,
)


def _explain_even(text: str) -> str:
    even = [v for v in array_of(text) if v % 2 == 0]
    return f"the even numbers are {listed(even)}" if even else "none of the numbers is even"


COUNT_EVEN = tell(
    numbers.COUNT_EVEN,
    train=(
        Phrasing(
            "{name} plays a board game at the {place}. In each of n turns {name} moved the token by a_i squares "
            "(a negative a_i means backwards, and 0 means the turn was skipped). A turn is lucky if a_i is even. "
            "How many lucky turns were there?",
            "The first line contains one integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers "
            "⟦a_1, a_2, …, a_n⟧ (⟦-A ≤ a_i ≤ A⟧).",
            "Print the number of even values among ⟦a_1, …, a_n⟧.",
        ),
        Phrasing(
            "The {place} of {town} has n lockers, and locker i shows the integer a_i. {name} opens every locker "
            "with an even number. How many lockers are opened?",
            "The first line contains an integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers a_i "
            "(⟦-A ≤ a_i ≤ A⟧).",
            "Print one integer — the number of even a_i.",
        ),
    ),
    story=(
        Phrasing(
            "{name} draws n tokens from the bag of the {place}; the i-th token shows a_i, which may be negative "
            "or zero. Even tokens are kept. How many tokens are kept?",
            "The first line holds n (⟦1 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦-A ≤ a_i ≤ A⟧).",
            "Output the number of even values.",
        ),
    ),
    limits={"N": 2 * 10**5, "A": 10**9},
    sizes=("N",),
    explain=_explain_even,
)


def _explain_parity(text: str) -> str:
    values = array_of(text)
    total = sum(values)
    shown = f"⟦{_sum_terms(values)} = {total}⟧" if len(values) > 1 else str(total)
    return f"the sum is {shown}, which is {'even' if total % 2 == 0 else 'odd'}"


SUM_PARITY = tell(
    numbers.SUM_PARITY,
    train=(
        Phrasing(
            "{name} and a sibling found n piles of {things} at the {place}; the i-th pile has a_i of them. They "
            "want to take all the {things} and divide them equally between the two of them, without breaking any. "
            "Is that possible, that is, is the total even?",
            "The first line contains one integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers "
            "⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Print YES if the total number of {things} is even, and NO otherwise.",
        ),
        Phrasing(
            "A light at the {place} in {town} is off at first. {name} presses its switch a_1 times, then a_2 "
            "times, and so on, n rounds in total. Each press toggles the light. Is the light off at the end?",
            "The first line contains an integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers a_i "
            "(⟦1 ≤ a_i ≤ A⟧).",
            "Print YES if the light is off in the end (the total number of presses is even), and NO otherwise.",
        ),
    ),
    story=(
        Phrasing(
            "The ferryman of the {place} crosses the river back and forth; on the i-th of n days he crossed it a_i "
            "times. He started on the western bank. {name} wants to know whether he is on the western bank now, "
            "which happens exactly when the total number of crossings is even.",
            "The first line holds n (⟦1 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Output YES if the sum of all a_i is even, and NO otherwise.",
        ),
    ),
    limits={"N": 2 * 10**5, "A": 10**9},
    sizes=("N",),
    explain=_explain_parity,
)


def _explain_divisible(text: str) -> str:
    numbers_ = integers(text)
    n, k = numbers_[0], numbers_[1]
    found = [v for v in numbers_[2:2 + n] if v % k == 0]
    return f"the numbers divisible by {k} are {listed(found)}" if found else f"no number is divisible by {k}"


COUNT_DIVISIBLE = tell(
    numbers.COUNT_DIVISIBLE,
    train=(
        Phrasing(
            "{name} runs a sweet shop at the {place}. Sweets are sold in packs of exactly k, and there are n "
            "orders today: the i-th order is for a_i sweets. An order can be served only if a_i is divisible by k. "
            "How many orders can be served?",
            "The first line contains two integers n and k (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ k ≤ K⟧). The second line contains "
            "n integers ⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Print the number of orders that can be served.",
        ),
        Phrasing(
            "In {town}, a year is lucky if its number is divisible by k. {name} has a list of n years a_1, …, a_n "
            "from the history of the {place}. How many of them are lucky?",
            "The first line contains integers n and k (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ k ≤ K⟧). The second line contains n "
            "integers a_i (⟦1 ≤ a_i ≤ A⟧).",
            "Print the number of lucky years in the list.",
        ),
    ),
    story=(
        Phrasing(
            "{name} hands out rations at the {place}; a sack feeds exactly k people, and sacks cannot be opened "
            "halfway. Among n groups, the i-th of a_i people, a group is fed without waste if a_i is divisible by "
            "k. Count such groups.",
            "The first line holds n and k (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ k ≤ K⟧). The second line holds ⟦a_1, …, a_n⟧ "
            "(⟦1 ≤ a_i ≤ A⟧).",
            "Output the number of groups fed without waste.",
        ),
    ),
    limits={"N": 2 * 10**5, "K": 10**9, "A": 10**9},
    sizes=("N",),
    explain=_explain_divisible,
)


def _explain_gcd(text: str) -> str:
    a, b = integers(text)
    g = math.gcd(a, b)
    return f"both {a} and {b} are divisible by {g}, and no larger number divides both of them"


GCD_TWO = tell(
    numbers.GCD_TWO,
    train=(
        Phrasing(
            "{name} wants to cut two ribbons, of lengths a and b centimetres, into pieces of equal length, "
            "without any leftovers, for the decoration of the {place}. The pieces should be as long as possible. "
            "How long will a piece be?",
            "The first line contains two integers a and b (⟦1 ≤ a, b ≤ A⟧).",
            "Print one integer — the greatest common divisor of a and b.",
        ),
        Phrasing(
            "A rectangular yard in {town} is a metres by b metres. {name} wants to pave it with equal square "
            "tiles, using whole tiles only, and the tiles should be as large as possible. What is the side of a "
            "tile?",
            "The only line contains two integers a and b (⟦1 ≤ a, b ≤ A⟧).",
            "Print the largest possible side, that is, gcd(a, b).",
        ),
    ),
    story=(
        Phrasing(
            "Two bolts of cloth, a and b metres long, lie in the storeroom of the {place}. {name} will cut both "
            "into banners of one common length, using every metre of cloth. What is the longest possible banner?",
            "The only line of the input holds two integers a and b (⟦1 ≤ a, b ≤ A⟧).",
            "Output the greatest common divisor of a and b.",
        ),
    ),
    limits={"A": 10**18},
    explain=_explain_gcd,
)


def _explain_lcm(text: str) -> str:
    a, b = integers(text)
    lcm = a // math.gcd(a, b) * b
    return f"{lcm} is divisible by both {a} and {b}, and no smaller positive number is"


LCM_TWO = tell(
    numbers.LCM_TWO,
    train=(
        Phrasing(
            "Two buses leave the {place} of {town} together at noon. The first returns every a minutes and the "
            "second every b minutes. {name} wants to know after how many minutes both buses will be at the {place} "
            "together again.",
            "The first line contains two integers a and b (⟦1 ≤ a, b ≤ A⟧).",
            "Print one integer — the least common multiple of a and b.",
        ),
        Phrasing(
            "{name} stacks boxes of height a in one tower and boxes of height b in another, starting from the "
            "floor. What is the smallest positive height at which both towers can end at the same level?",
            "The only line contains integers a and b (⟦1 ≤ a, b ≤ A⟧).",
            "Print lcm(a, b).",
        ),
    ),
    story=(
        Phrasing(
            "Two bells of the {place} rang together at dawn. The small bell rings every a minutes and the large "
            "one every b minutes. {name} wants to know how many minutes pass until they ring together again.",
            "The only line of the input holds two integers a and b (⟦1 ≤ a, b ≤ A⟧).",
            "Output the least common multiple of a and b.",
        ),
    ),
    limits={"A": 10**9},
    explain=_explain_lcm,
)


def _explain_a_plus_b(text: str) -> str:
    values = integers(text)
    a, b = values[1], values[2]
    return f"the first sum is ⟦{a} + {_sum_terms([b])} = {a + b}⟧"


A_PLUS_B_MULTITEST = tell(
    numbers.A_PLUS_B_MULTITEST,
    train=(
        Phrasing(
            "{name} is learning to add numbers and asks the older kids at the {place} to check the homework. The "
            "homework consists of t exercises; in each of them two integers a and b are given, and their sum must "
            "be found.",
            "The first line contains an integer t (⟦1 ≤ t ≤ T⟧) — the number of exercises. Each of the next t "
            "lines contains two integers a and b (⟦-A ≤ a, b ≤ A⟧).",
            "For each exercise print one line with ⟦a + b⟧.",
        ),
        Phrasing(
            "The cashier of the {place} in {town} adds two amounts for every customer. Today t customers came; the "
            "i-th one paid a and then b (a refund is a negative amount).",
            "The first line contains t (⟦1 ≤ t ≤ T⟧). Then t lines follow, each containing two integers a and b "
            "(⟦-A ≤ a, b ≤ A⟧).",
            "Print t lines: the sum of the two amounts for each customer.",
        ),
    ),
    story=(
        Phrasing(
            "The accountant {name} of the {place} receives t slips; each slip carries two integers a and b, "
            "possibly negative, and must be stamped with their sum.",
            "The first line holds t (⟦1 ≤ t ≤ T⟧). Each of the following t lines holds a and b "
            "(⟦-A ≤ a, b ≤ A⟧).",
            "Output t lines, the i-th containing the sum for the i-th slip.",
        ),
    ),
    limits={"T": 10**4, "A": 10**9},
    sizes=("T",),
    explain=_explain_a_plus_b,
)


def _explain_digits(text: str) -> str:
    digits = text.strip()
    if len(digits) == 1:
        return f"the number has a single digit, {digits}"
    return f"⟦{' + '.join(digits)} = {sum(map(int, digits))}⟧"


DIGIT_SUM = tell(
    numbers.DIGIT_SUM,
    train=(
        Phrasing(
            "{name} got a ticket with the number n at the {place}. The sum of its digits decides which prize "
            "{name} wins. Find the sum of the digits of n.",
            "The first line contains one integer n (⟦1 ≤ n ≤ N⟧).",
            "Print one integer — the sum of the decimal digits of n.",
        ),
        Phrasing(
            "In {town}, the magic number of a house is the sum of the digits of its number. {name} lives in house "
            "number n. What is its magic number?",
            "The only line contains an integer n (⟦1 ≤ n ≤ N⟧).",
            "Print the sum of the digits of n.",
        ),
    ),
    story=(
        Phrasing(
            "Every ledger page in the {place} carries a number n, and {name} checks each page by adding up the "
            "digits of its number. Compute this check value for the page n.",
            "The only line of the input holds the integer n (⟦1 ≤ n ≤ N⟧).",
            "Output the sum of the decimal digits of n.",
        ),
    ),
    limits={"N": 10**18},
    explain=_explain_digits,
)


def _explain_average(text: str) -> str:
    values = array_of(text)
    return f"the sum is {sum(values)}, and ⟦{sum(values)}/{len(values)} = {sum(values) / len(values):.6f}⟧"


AVERAGE = tell(
    numbers.AVERAGE,
    train=(
        Phrasing(
            "{name} studies at the {place} and received n marks this term; the i-th mark is a_i. The final grade "
            "is the average of all marks. Compute it.",
            "The first line contains one integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers "
            "⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Print the average ⟦(a_1 + … + a_n) / n⟧ with exactly 6 digits after the decimal point. Your answer is "
            "accepted if its absolute or relative error does not exceed ⟦10^-6⟧.",
        ),
        Phrasing(
            "The weather station of {town} measured the rainfall for n days: a_i millimetres on the i-th day. "
            "{name} needs the average daily rainfall for the report.",
            "The first line contains an integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers a_i "
            "(⟦1 ≤ a_i ≤ A⟧).",
            "Print the average with exactly 6 digits after the decimal point; an absolute or relative error of at "
            "most ⟦10^-6⟧ is allowed.",
        ),
    ),
    story=(
        Phrasing(
            "{name} weighs the n loaves delivered to the {place}; the i-th weighs a_i grams. The baker promised "
            "loaves of a certain average weight, so {name} computes the average.",
            "The first line holds n (⟦1 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Output the average weight with exactly 6 digits after the decimal point; answers within ⟦10^-6⟧ "
            "absolute or relative error are accepted.",
        ),
    ),
    limits={"N": 10**5, "A": 10**9},
    sizes=("N",),
    explain=_explain_average,
)


def _explain_second_max(text: str) -> str:
    distinct = sorted(set(array_of(text)), reverse=True)
    return f"the largest value is {distinct[0]}, and the largest value below it is {distinct[1]}"


SECOND_MAXIMUM = tell(
    numbers.SECOND_MAXIMUM,
    train=(
        Phrasing(
            "n athletes competed in the long jump at the {place} of {town}; the i-th athlete's result is a_i "
            "(results are measured from a mark, so they can be negative). All athletes with the best result share "
            "the gold medal, and the silver goes to the next best result. {name} engraves the silver medal: what "
            "result should be on it?",
            "The first line contains one integer n (⟦2 ≤ n ≤ N⟧). The second line contains n integers "
            "⟦a_1, a_2, …, a_n⟧ (⟦-A ≤ a_i ≤ A⟧). At least two of the results are different.",
            "Print the second largest distinct value among the results.",
        ),
        Phrasing(
            "{name} found n price tags at the {place}, with values a_1, …, a_n (some are discounts, so negative). "
            "What is the largest value that is strictly smaller than the maximum?",
            "The first line contains an integer n (⟦2 ≤ n ≤ N⟧). The second line contains n integers a_i "
            "(⟦-A ≤ a_i ≤ A⟧), not all equal.",
            "Print one integer — the second largest distinct value.",
        ),
    ),
    story=(
        Phrasing(
            "At the harvest contest of the {place}, n pumpkins were weighed against a reference weight, the i-th "
            "differing by a_i. Every pumpkin with the top value wins; {name} must announce the runner-up value, "
            "the greatest one below the top.",
            "The first line holds n (⟦2 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦-A ≤ a_i ≤ A⟧); at "
            "least two values differ.",
            "Output the second largest distinct value.",
        ),
    ),
    limits={"N": 2 * 10**5, "A": 10**9},
    sizes=("N",),
    explain=_explain_second_max,
)


def _explain_product(text: str) -> str:
    values = array_of(text)
    product = math.prod(values)
    shown = " ⋅ ".join(map(str, values))
    if product < MOD:
        return f"the product is ⟦{shown} = {product}⟧, which is less than ⟦10^9 + 7⟧"
    return f"the product is ⟦{shown} = {product}⟧, and its remainder modulo ⟦10^9 + 7⟧ is {product % MOD}"


PRODUCT_MOD = tell(
    numbers.PRODUCT_MOD,
    train=(
        Phrasing(
            "A magic plant at the {place} grows in a strange way: on the i-th of n days the number of its leaves "
            "is multiplied by a_i. At first the plant had one leaf. {name} wants to know how many leaves it has "
            "now, but the number is huge, so print it modulo ⟦10^9 + 7⟧.",
            "The first line contains one integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers "
            "⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Print the product ⟦a_1 ⋅ a_2 ⋅ … ⋅ a_n⟧ modulo ⟦10^9 + 7⟧.",
        ),
        Phrasing(
            "{name} counts the number of different outfits: there are n kinds of clothes, and a_i options for the "
            "i-th kind. An outfit takes one option of every kind. Find the number of outfits modulo ⟦10^9 + 7⟧.",
            "The first line contains an integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers a_i "
            "(⟦1 ≤ a_i ≤ A⟧).",
            "Print the number of outfits modulo ⟦10^9 + 7⟧.",
        ),
    ),
    story=(
        Phrasing(
            "A lock in the {place} has n rings, and the i-th ring has a_i symbols. {name} wants to know how many "
            "combinations the lock has; report the number modulo ⟦10^9 + 7⟧.",
            "The first line holds n (⟦1 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Output the product of all a_i modulo ⟦10^9 + 7⟧.",
        ),
    ),
    limits={"N": 2 * 10**5, "A": 10**9},
    sizes=("N",),
    explain=_explain_product,
)

FAMILIES = (
    ARRAY_SUM,
    REVERSE,
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
