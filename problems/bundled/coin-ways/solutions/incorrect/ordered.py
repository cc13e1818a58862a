# Wrong: the loops are swapped, so different orders of the same coins are counted separately.
import sys

MOD = 10**9 + 7


def main():
    data = sys.stdin.buffer.read().split()
    n, s = int(data[0]), int(data[1])
    coins = [int(t) for t in data[2:2 + n]]
    ways = [0] * (s + 1)
    ways[0] = 1
    for v in range(1, s + 1):
        total = 0
        for c in coins:
            if c <= v:
                total += ways[v - c]
        ways[v] = total % MOD
    print(ways[s])


main()
