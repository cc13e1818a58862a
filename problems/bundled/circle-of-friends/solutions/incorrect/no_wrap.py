# Wrong: looks only at arcs that do not pass the boathouse (point 0).
import sys


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    pos = 1
    for _ in range(t):
        n, k, length, a, b = map(int, data[pos:pos + 5])
        pos += 5
        p = sorted((a * i + b) % length for i in range(1, n + 1))
        out.append(min(p[i + k - 1] - p[i] for i in range(n - k + 1)))
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
