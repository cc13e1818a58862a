# Wrong: starts the count with 1 route at (1, 1) without checking for a beehive there.
import sys

MOD = 10**9 + 7


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    rows = [r.decode() for r in data[2:2 + n]]
    dp = [[0] * m for _ in range(n)]
    dp[0][0] = 1
    for i in range(n):
        for j in range(m):
            if (i, j) == (0, 0) or rows[i][j] == "#":
                continue
            v = 0
            if i > 0:
                v += dp[i - 1][j]
            if j > 0:
                v += dp[i][j - 1]
            dp[i][j] = v % MOD
    print(dp[n - 1][m - 1])


main()
