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
            l, r = int(data[pos]) - 1, int(data[pos + 1])
            pos += 2
            k = (r - l).bit_length() - 1
            row = table[k]
            x, y = row[l], row[r - (1 << k)]
            out.append(x if x < y else y)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
