# Sparse table whose second block ends one day too early (r - 2^k instead of r - 2^k + 1).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    pos = 1
    out = []
    for _ in range(t):
        n, q = int(data[pos]), int(data[pos + 1])
        pos += 2
        a = [int(x) for x in data[pos:pos + n]]
        pos += n
        table = [a]
        j = 1
        while (1 << j) <= n:
            prev = table[-1]
            half = 1 << (j - 1)
            table.append([min(prev[i], prev[i + half]) for i in range(n - (1 << j) + 1)])
            j += 1
        for _ in range(q):
            l, r = int(data[pos]) - 1, int(data[pos + 1]) - 1
            pos += 2
            k = (r - l + 1).bit_length() - 1
            row = table[k]
            out.append(min(row[l], row[max(l, r - (1 << k))]))
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
