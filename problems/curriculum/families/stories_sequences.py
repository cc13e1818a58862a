"""Story phrasings, story-split limits and example explanations for the families of `sequences.py`.

They live apart from the family definitions, which the fixed held-out split is generated from and which therefore
stay as they were.
"""

from __future__ import annotations

from collections import Counter

from problems.curriculum.base import Phrasing, array_of, integers, listed, tell
from problems.curriculum.families import sequences


def _explain_sorted(text: str, reverse: bool = False) -> str:
    values = sorted(array_of(text), reverse=reverse)
    order = "non-increasing" if reverse else "non-decreasing"
    if len(values) == 1:
        return "a single number is already sorted"
    return f"in {order} order the numbers read {' '.join(map(str, values))}"


SORT_ASCENDING = tell(
    sequences.SORT_ASCENDING,
    train=(
        Phrasing(
            "{name} is the librarian's assistant at the {place}. The n books on a shelf have heights a_1, …, a_n "
            "centimetres, and the librarian wants them to stand from the lowest to the highest. Print the heights "
            "in the order they will stand.",
            "The first line contains one integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers "
            "⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Print n integers — the heights in non-decreasing order, separated by spaces.",
        ),
        Phrasing(
            "Before the race in {town}, the n runners must line up by their start numbers a_1, …, a_n, the "
            "smallest first. Help {name}, the judge, print the numbers in the order of the line.",
            "The first line contains an integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers a_i "
            "(⟦1 ≤ a_i ≤ A⟧).",
            "Print the numbers sorted in non-decreasing order.",
        ),
    ),
    story=(
        Phrasing(
            "The jars of the {place} are labelled with their volumes a_1, …, a_n. {name} arranges them on one "
            "long shelf from the smallest volume to the largest.",
            "The first line holds n (⟦1 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Output the volumes in non-decreasing order on a single line.",
        ),
    ),
    limits={"N": 2 * 10**5, "A": 10**9},
    sizes=("N",),
    explain=_explain_sorted,
)

SORT_DESCENDING = tell(
    sequences.SORT_DESCENDING,
    train=(
        Phrasing(
            "The results of the olympiad at the {place} are in: the i-th of n participants scored a_i points. "
            "{name} prints the scoreboard, where the scores go from the highest to the lowest.",
            "The first line contains one integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers "
            "⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Print the n scores in non-increasing order, separated by spaces.",
        ),
        Phrasing(
            "{name} wants to climb the n hills around {town}, starting with the highest one and finishing with "
            "the lowest. The heights of the hills are a_1, …, a_n. In which order of heights will {name} climb?",
            "The first line contains an integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers a_i "
            "(⟦1 ≤ a_i ≤ A⟧).",
            "Print the heights in non-increasing order.",
        ),
    ),
    story=(
        Phrasing(
            "The donors of the {place} are thanked on a plaque, the largest gift first. The n gifts were "
            "a_1, …, a_n pieces of silver, and {name} must write them down in this order.",
            "The first line holds n (⟦1 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Output the gifts in non-increasing order on a single line.",
        ),
    ),
    limits={"N": 2 * 10**5, "A": 10**9},
    sizes=("N",),
    explain=lambda text: _explain_sorted(text, reverse=True),
)


def _explain_ranges(text: str) -> str:
    values = integers(text)
    n = values[0]
    array, (left, right) = values[2:2 + n], values[2 + n:4 + n]
    part = array[left - 1:right]
    if left == right:
        return f"the first query asks for the single element ⟦a_{left} = {part[0]}⟧"
    return f"the first query asks for ⟦{' + '.join(map(str, part))} = {sum(part)}⟧"


PREFIX_SUM_QUERIES = tell(
    sequences.PREFIX_SUM_QUERIES,
    train=(
        Phrasing(
            "{name} works at the {place} and keeps a record of sales: on the i-th of n days, a_i items were sold. "
            "The manager asks q questions; each question gives two days l and r and asks how many items were sold "
            "from day l to day r inclusive.",
            "The first line contains two integers n and q (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ q ≤ Q⟧). The second line contains "
            "n integers ⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧). Each of the next q lines contains two integers l and "
            "r (⟦1 ≤ l ≤ r ≤ n⟧).",
            "For each question print one line with ⟦a_l + a_{{l+1}} + … + a_r⟧.",
        ),
        Phrasing(
            "A road in {town} is divided into n segments, and the i-th segment costs a_i burles to repair. {name} "
            "gets q repair plans; a plan covers all segments from l to r. Find the cost of every plan.",
            "The first line contains integers n and q (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ q ≤ Q⟧). The second line contains n "
            "integers a_i (⟦1 ≤ a_i ≤ A⟧). The following q lines contain two integers l and r each "
            "(⟦1 ≤ l ≤ r ≤ n⟧).",
            "Print q lines: the cost of each plan, in the order of the input.",
        ),
    ),
    story=(
        Phrasing(
            "Along the canal of the {place} stand n mills, the i-th grinding a_i sacks a day. {name} is asked q "
            "times how much the mills from l to r grind together.",
            "The first line holds n and q (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ q ≤ Q⟧). The second line holds ⟦a_1, …, a_n⟧ "
            "(⟦1 ≤ a_i ≤ A⟧). Then q lines follow, each holding l and r (⟦1 ≤ l ≤ r ≤ n⟧).",
            "Output one line per question with the total of ⟦a_l, …, a_r⟧.",
        ),
    ),
    limits={"N": 2 * 10**5, "Q": 2 * 10**5, "A": 10**9},
    sizes=("N", "Q"),
    explain=_explain_ranges,
)


def _explain_palindromes(text: str) -> str:
    word = text.split()[1]
    if word == word[::-1]:
        return f"the first word \"{word}\" reads the same backwards"
    return f"the first word \"{word}\" becomes \"{word[::-1]}\" when reversed, so it is not a palindrome"


PALINDROME_MULTITEST = tell(
    sequences.PALINDROME_MULTITEST,
    train=(
        Phrasing(
            "{name} loves palindromes — words that read the same from left to right and from right to left, like "
            "\"level\" or \"abba\". A friend from {town} sent {name} t words. For each of them, tell whether it is "
            "a palindrome.",
            "The first line contains one integer t (⟦1 ≤ t ≤ T⟧) — the number of words. Each of the next t lines "
            "contains one word s of lowercase English letters (⟦1 ≤ |s| ≤ L⟧).",
            "For each word print YES if it is a palindrome and NO otherwise.",
        ),
        Phrasing(
            "The {place} only accepts passwords that are palindromes. {name} wants to check t candidate "
            "passwords.",
            "The first line contains an integer t (⟦1 ≤ t ≤ T⟧). Then t lines follow; each contains a string s "
            "(⟦1 ≤ |s| ≤ L⟧) of lowercase Latin letters.",
            "Print t lines: YES if the password is accepted and NO if it is not.",
        ),
    ),
    story=(
        Phrasing(
            "The copyists of the {place} mark every word that can be read backwards unchanged. {name} brought t "
            "words to be checked.",
            "The first line holds t (⟦1 ≤ t ≤ T⟧). Each of the next t lines holds a word s of lowercase letters "
            "(⟦1 ≤ |s| ≤ L⟧).",
            "Output t lines, each YES when the word is a palindrome and NO otherwise.",
        ),
    ),
    limits={"T": 10**4, "L": 100},
    sizes=("T",),
    explain=_explain_palindromes,
)


def _explain_count_char(text: str) -> str:
    s, c = text.split()
    count = s.count(c)
    if count == 0:
        return f"the letter {c} does not occur in \"{s}\""
    return f"the letter {c} occurs {count} time{'s' * (count > 1)} in \"{s}\""


COUNT_CHAR = tell(
    sequences.COUNT_CHAR,
    train=(
        Phrasing(
            "{name} is typing a long message s on an old phone from the {place}, and the key with the letter c "
            "is almost broken. How many times will {name} have to press it?",
            "The first line contains the string s (⟦1 ≤ |s| ≤ L⟧) consisting of lowercase English letters. The "
            "second line contains one lowercase English letter c.",
            "Print the number of occurrences of c in s.",
        ),
        Phrasing(
            "In {town}, the letter c is considered lucky. {name} wrote the word s and wants to count the lucky "
            "letters in it.",
            "The first line contains a string s of lowercase Latin letters (⟦1 ≤ |s| ≤ L⟧). The second line "
            "contains a lowercase letter c.",
            "Print one integer — how many times c occurs in s.",
        ),
    ),
    story=(
        Phrasing(
            "The printing block for the letter c is worn out at the {place}. Before printing the text s, {name} "
            "counts how many times that block will be needed.",
            "The first line holds the text s: lowercase letters, ⟦1 ≤ |s| ≤ L⟧. The second line holds the "
            "lowercase letter c.",
            "Output the number of positions of s holding c.",
        ),
    ),
    limits={"L": 2 * 10**5},
    sizes=("L",),
    explain=_explain_count_char,
)


def _explain_most_frequent(text: str) -> str:
    s = text.strip()
    counts = Counter(s)
    letter = min(counts, key=lambda ch: (-counts[ch], ch))
    tied = sorted(ch for ch in counts if counts[ch] == counts[letter])
    times = "once" if counts[letter] == 1 else f"{counts[letter]} times"
    if len(tied) > 1:
        return f"the letters {listed(tied)} each occur {times}, and {letter} comes first in the alphabet"
    return f"the letter {letter} occurs {times}, more often than any other letter"


MOST_FREQUENT_LETTER = tell(
    sequences.MOST_FREQUENT_LETTER,
    train=(
        Phrasing(
            "{name} is making a crossword at the {place} and wants to know which letter of the word s is used the "
            "most. If several letters are used equally often, {name} prefers the one that comes first in the "
            "alphabet.",
            "The first line contains one string s (⟦1 ≤ |s| ≤ L⟧) of lowercase English letters.",
            "Print the most frequent letter of s (the alphabetically smallest one in case of a tie).",
        ),
        Phrasing(
            "The keyboard of the computer at the {place} in {town} wears out unevenly. {name} typed the text s and "
            "wonders which key was pressed most often; among equally used keys, take the earliest letter.",
            "The only line contains the text s of lowercase Latin letters (⟦1 ≤ |s| ≤ L⟧).",
            "Print one letter.",
        ),
    ),
    story=(
        Phrasing(
            "{name} sorts the seeds of the {place}, each kind marked by a letter; the bag gives the letters in the "
            "order s. Which kind is the most numerous? Ties go to the letter earliest in the alphabet.",
            "The only line of the input holds s: lowercase letters, ⟦1 ≤ |s| ≤ L⟧.",
            "Output the most frequent letter, the alphabetically smallest among ties.",
        ),
    ),
    limits={"L": 2 * 10**5},
    sizes=("L",),
    explain=_explain_most_frequent,
)


def _explain_vowels(text: str) -> str:
    s = text.strip()
    found = [ch for ch in s if ch in "aeiou"]
    if not found:
        return f"\"{s}\" contains no vowels"
    return f"the vowels of \"{s}\" are {listed(found)}: {len(found)} in total"


COUNT_VOWELS = tell(
    sequences.COUNT_VOWELS,
    train=(
        Phrasing(
            "{name} is learning to sing at the {place}. The teacher says that only vowels can be sung long, so "
            "{name} wants to know how many vowels the word s has. The vowels are a, e, i, o and u.",
            "The first line contains a string s (⟦1 ≤ |s| ≤ L⟧) of lowercase English letters.",
            "Print the number of vowels in s.",
        ),
        Phrasing(
            "In the language of {town}, a word is pleasant if it has many vowels (a, e, i, o, u). {name} wants to "
            "count the vowels of the word s.",
            "The only line contains the word s of lowercase Latin letters (⟦1 ≤ |s| ≤ L⟧).",
            "Print one integer — the number of vowels.",
        ),
    ),
    story=(
        Phrasing(
            "The bell-ringers of the {place} ring once for every vowel (a, e, i, o, u) of the name they announce. "
            "{name} must know how many times to ring for the name s.",
            "The only line of the input holds s: lowercase letters, ⟦1 ≤ |s| ≤ L⟧.",
            "Output the number of vowels of s.",
        ),
    ),
    limits={"L": 2 * 10**5},
    sizes=("L",),
    explain=_explain_vowels,
)

TO_UPPERCASE = tell(
    sequences.TO_UPPERCASE,
    train=(
        Phrasing(
            "{name} is writing an angry letter to the director of the {place} and wants every letter of the word "
            "s to be a capital letter.",
            "The first line contains a string s (⟦1 ≤ |s| ≤ L⟧) of lowercase English letters.",
            "Print s with all letters in uppercase.",
        ),
        Phrasing(
            "Street names in {town} are written in capitals on the signs. {name} makes a sign for the street s.",
            "The only line contains the name s of lowercase Latin letters (⟦1 ≤ |s| ≤ L⟧).",
            "Print the name in uppercase.",
        ),
    ),
    story=(
        Phrasing(
            "The stonemason of the {place} carves only capital letters. {name} hands over the word s, written in "
            "small letters, and needs it in capitals.",
            "The only line of the input holds s: lowercase letters, ⟦1 ≤ |s| ≤ L⟧.",
            "Output s in uppercase.",
        ),
    ),
    limits={"L": 10**5},
    sizes=("L",),
    explain=lambda text: f"every letter of \"{text.strip()}\" becomes a capital: \"{text.strip().upper()}\"",
)


def _explain_distinct(text: str) -> str:
    values = sorted(set(array_of(text)))
    if len(values) == 1:
        return f"all numbers are equal to {values[0]}"
    return f"the distinct values are {listed(values)}"


DISTINCT_COUNT = tell(
    sequences.DISTINCT_COUNT,
    train=(
        Phrasing(
            "{name} collects stamps and brought n of them to the {place}; the i-th stamp has type a_i. Stamps of "
            "the same type are identical. How many different stamps does {name} have?",
            "The first line contains one integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers "
            "⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Print the number of distinct values among ⟦a_1, …, a_n⟧.",
        ),
        Phrasing(
            "n people visited the {place} in {town} today; the i-th visitor has the ID a_i, and some people came "
            "more than once. How many different people came?",
            "The first line contains an integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers a_i "
            "(⟦1 ≤ a_i ≤ A⟧).",
            "Print one integer — the number of distinct IDs.",
        ),
    ),
    story=(
        Phrasing(
            "Travellers leave their mark in the guest book of the {place}; the n marks read a_1, …, a_n, and a "
            "traveller who came twice left the same mark twice. {name} wants the number of different travellers.",
            "The first line holds n (⟦1 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Output the number of distinct marks.",
        ),
    ),
    limits={"N": 2 * 10**5, "A": 10**9},
    sizes=("N",),
    explain=_explain_distinct,
)


def _explain_counter(text: str) -> str:
    tokens = text.split()
    value, seen = 0, [0]
    for k in range(int(tokens[0])):
        x = int(tokens[2 + 2 * k])
        value += x if tokens[1 + 2 * k] == "+" else -x
        seen.append(value)
    return f"the counter takes the values {', '.join(map(str, seen))}; it ends at {value} and never exceeds {max(seen)}"


COUNTER_SIMULATION = tell(
    sequences.COUNTER_SIMULATION,
    train=(
        Phrasing(
            "{name} tracks the number of passengers on a bus in {town}. The bus starts empty, and at each of n "
            "stops either \"+ x\" (x passengers got on) or \"- x\" (x passengers got off) happens. {name} made "
            "some mistakes, so the count may even become negative. Find the count at the end and the largest "
            "count at any moment.",
            "The first line contains one integer n (⟦1 ≤ n ≤ N⟧). Each of the next n lines contains an event "
            "\"+ x\" or \"- x\" (⟦1 ≤ x ≤ X⟧).",
            "Print two integers: the final count and the largest count, including the initial 0.",
        ),
        Phrasing(
            "The balance of the {place} account starts at 0. During the day, n operations happen: \"+ x\" is a "
            "deposit of x and \"- x\" is a withdrawal of x (the balance may go below zero). {name} wants to know "
            "the final balance and the highest balance of the day.",
            "The first line contains an integer n (⟦1 ≤ n ≤ N⟧). The next n lines contain the operations, one "
            "per line, each of the form \"+ x\" or \"- x\" (⟦1 ≤ x ≤ X⟧).",
            "Print the final balance and the maximum balance (counting the starting 0), separated by a space.",
        ),
    ),
    story=(
        Phrasing(
            "The water in the cistern of the {place} starts at the zero mark. Over the day, n events change it: "
            "\"+ x\" raises it by x and \"- x\" lowers it by x, possibly below the mark. {name} records the final "
            "level and the highest level reached.",
            "The first line holds n (⟦1 ≤ n ≤ N⟧). Each of the next n lines holds \"+ x\" or \"- x\" "
            "(⟦1 ≤ x ≤ X⟧).",
            "Output the final level and the highest level (the starting zero included), separated by a space.",
        ),
    ),
    limits={"N": 2 * 10**5, "X": 10**9},
    sizes=("N",),
    explain=_explain_counter,
)


def _explain_pair_sums(text: str) -> str:
    values = integers(text)
    n, x = values[0], values[1]
    a = values[2:2 + n]
    pairs = [(i + 1, j + 1) for i in range(n) for j in range(i + 1, n) if a[i] + a[j] <= x]
    if not pairs:
        return f"no two numbers add up to at most {x}"
    if len(pairs) > 6:
        return f"{len(pairs)} pairs have a sum of at most {x}"
    return f"the suitable pairs of indices are {listed([f'({i}, {j})' for i, j in pairs])}"


PAIR_SUM_COUNT = tell(
    sequences.PAIR_SUM_COUNT,
    train=(
        Phrasing(
            "{name} goes to the {place} with x burles and wants to buy exactly two different gifts. There are n "
            "gifts, and the i-th costs a_i burles. In how many ways can {name} choose two gifts whose total cost "
            "does not exceed x?",
            "The first line contains two integers n and x (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ x ≤ X⟧). The second line contains "
            "n integers ⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Print the number of pairs (i, j) with ⟦i < j⟧ and ⟦a_i + a_j ≤ x⟧.",
        ),
        Phrasing(
            "A two-seat roller coaster in {town} can carry at most x kilograms. n friends, weighing a_1, …, a_n, "
            "came with {name}. How many pairs of friends can ride together?",
            "The first line contains integers n and x (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ x ≤ X⟧). The second line contains n "
            "integers a_i (⟦1 ≤ a_i ≤ A⟧).",
            "Print one integer — the number of pairs i < j with a_i + a_j ≤ x. Note that the answer may not fit "
            "into a 32-bit integer.",
        ),
    ),
    story=(
        Phrasing(
            "A mule of the {place} carries two sacks at a time, at most x kilograms together. The n sacks weigh "
            "a_1, …, a_n. {name} wants to know how many different pairs of sacks the mule can carry.",
            "The first line holds n and x (⟦1 ≤ n ≤ N⟧, ⟦1 ≤ x ≤ X⟧). The second line holds ⟦a_1, …, a_n⟧ "
            "(⟦1 ≤ a_i ≤ A⟧).",
            "Output the number of pairs i < j with ⟦a_i + a_j ≤ x⟧; it may exceed 32 bits.",
        ),
    ),
    limits={"N": 2 * 10**5, "A": 10**9, "X": 2 * 10**9},
    sizes=("N",),
    explain=_explain_pair_sums,
)


def _explain_is_sorted(text: str) -> str:
    values = array_of(text)
    for i in range(len(values) - 1):
        if values[i] > values[i + 1]:
            return f"⟦a_{i + 1} = {values[i]}⟧ is greater than ⟦a_{i + 2} = {values[i + 1]}⟧"
    return "every number is at least as large as the one before it"


IS_SORTED = tell(
    sequences.IS_SORTED,
    train=(
        Phrasing(
            "Students of the {place} line up for a photo. The photographer, {name}, wants every student to be at "
            "least as tall as the previous one, counting from the left. The heights are a_1, …, a_n. Is the line "
            "already good?",
            "The first line contains one integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers "
            "⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Print YES if ⟦a_1 ≤ a_2 ≤ … ≤ a_n⟧, and NO otherwise.",
        ),
        Phrasing(
            "{name} checks the log of the {place} in {town}: the i-th of n entries has the timestamp a_i. The log "
            "is valid if the timestamps never decrease.",
            "The first line contains an integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers a_i "
            "(⟦1 ≤ a_i ≤ A⟧).",
            "Print YES if the log is valid and NO otherwise.",
        ),
    ),
    story=(
        Phrasing(
            "The steps of the old stair at the {place} should never go down: step i is at height a_i, and {name} "
            "checks that no step is lower than the one before it.",
            "The first line holds n (⟦1 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Output YES if the heights are in non-decreasing order, and NO otherwise.",
        ),
    ),
    limits={"N": 2 * 10**5, "A": 10**9},
    sizes=("N",),
    explain=_explain_is_sorted,
)


def _explain_words(text: str) -> str:
    words = text.split()
    if len(words) > 6:
        return f"the line consists of {len(words)} words"
    quoted = [f'"{word}"' for word in words]
    return f"the words are {listed(quoted)}"


WORD_COUNT = tell(
    sequences.WORD_COUNT,
    train=(
        Phrasing(
            "{name} writes an essay for the {place}, and the teacher wants it to have a certain number of words. "
            "Count the words of the essay; it is one line, and its words are separated by single spaces.",
            "The only line contains the essay: from 1 to {W} words, each consisting of 1 to {L} lowercase English "
            "letters, separated by single spaces.",
            "Print the number of words.",
        ),
        Phrasing(
            "A telegram from {town} costs one burle per word. {name} wrote the text of a telegram in one line, "
            "with single spaces between words. How much will it cost?",
            "The only line contains the text: at least one and at most {W} words of lowercase Latin letters, the "
            "length of every word does not exceed {L}, and the words are separated by single spaces.",
            "Print the cost of the telegram in burles.",
        ),
    ),
    story=(
        Phrasing(
            "The herald of the {place} is paid by the word. {name} hands over one line of text with single "
            "spaces between its words and asks how much the herald will be paid.",
            "The only line of the input holds between 1 and {W} words, each made of 1 to {L} lowercase letters, "
            "with single spaces between them.",
            "Output the number of words.",
        ),
    ),
    limits={"W": 10**4, "L": 20},
    sizes=("W",),
    explain=_explain_words,
)


def _explain_prefix_maxima(text: str) -> str:
    values = array_of(text)
    records = [i for i in range(1, len(values) + 1) if values[i - 1] > max(values[:i - 1], default=0)]
    return f"the maximum changes at position{'s' * (len(records) > 1)} {listed(records)}"


PREFIX_MAXIMUM = tell(
    sequences.PREFIX_MAXIMUM,
    train=(
        Phrasing(
            "{name} watches the high-jump contest at the {place}. The i-th of n jumps reached a_i centimetres. "
            "After every jump the scoreboard shows the best height so far. What does the scoreboard show after "
            "each jump?",
            "The first line contains one integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers "
            "⟦a_1, a_2, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Print n integers: the i-th of them is the maximum of ⟦a_1, …, a_i⟧.",
        ),
        Phrasing(
            "The price of a collectible at the {place} in {town} changed every day for n days; on day i it was "
            "a_i. For each day, {name} wants to know the highest price seen up to that day.",
            "The first line contains an integer n (⟦1 ≤ n ≤ N⟧). The second line contains n integers a_i "
            "(⟦1 ≤ a_i ≤ A⟧).",
            "Print the n prefix maxima, separated by spaces.",
        ),
    ),
    story=(
        Phrasing(
            "{name} walks along a ridge near the {place}, passing n peaks of heights a_1, …, a_n. After each peak "
            "{name} notes the greatest height passed so far.",
            "The first line holds n (⟦1 ≤ n ≤ N⟧). The second line holds ⟦a_1, …, a_n⟧ (⟦1 ≤ a_i ≤ A⟧).",
            "Output n numbers on one line, the i-th being the maximum of ⟦a_1, …, a_i⟧.",
        ),
    ),
    limits={"N": 2 * 10**5, "A": 10**9},
    sizes=("N",),
    explain=_explain_prefix_maxima,
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
