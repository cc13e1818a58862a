import sys

MOD = 10**9 + 7


def main():
    data = sys.stdin.buffer.read().split()
    n, s = int(data[0]), int(data[1])
    coins = [int(t) for t in data[2:2 + n]]
    ways = [0] * (s + 1)
    ways[0] = 1
    for c in coins:
        for v in range(c, s + 1):
            w = ways[v] + ways[v - c]
            if w >= MOD:
                w -= MOD
            ways[v] = w
    print(ways[s])


main()
