import sys

MOD = 10**9 + 7


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    rows = data[2:2 + n]
    free = ord(".")
    prev = [0] * m
    for i in range(n):
        row = rows[i]
        cur = [0] * m
        left = 0
        for j in range(m):
            if row[j] != free:
                left = 0
            elif i == 0 and j == 0:
                left = 1
            else:
                left = (left + prev[j]) % MOD
            cur[j] = left
        prev = cur
    print(prev[m - 1])


main()
