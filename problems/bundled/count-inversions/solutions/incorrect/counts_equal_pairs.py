# Counts pairs with a_i >= a_j instead of a_i > a_j (equal books need no swap).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    k = int(data[0])
    v = [int(x) for x in data[1:1 + 2 * k:2]]
    c = [int(x) for x in data[2:2 + 2 * k:2]]
    rank = {x: i + 1 for i, x in enumerate(sorted(set(v)))}
    m = len(rank)
    tree = [0] * (m + 1)
    placed = 0
    answer = 0
    for i in range(k):
        r = rank[v[i]] - 1
        j, less = r, 0
        while j > 0:
            less += tree[j]
            j -= j & -j
        answer += c[i] * (placed - less)
        j = r + 1
        while j <= m:
            tree[j] += c[i]
            j += j & -j
        placed += c[i]
    print(answer)


main()
