import sys
from math import gcd


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for i in range(t):
        a, b, k = int(data[1 + 3 * i]), int(data[2 + 3 * i]), int(data[3 + 3 * i])
        lcm = a // gcd(a, b) * b
        out.append(k // lcm)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
