import sys
from operator import sub


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    pos = 1
    for _ in range(t):
        n, k, length, a, b = map(int, data[pos:pos + 5])
        pos += 5
        p = sorted([(a * i + b) % length for i in range(1, n + 1)])
        p += [x + length for x in p]
        out.append(min(map(sub, p[k - 1:k - 1 + n], p[:n])))
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
