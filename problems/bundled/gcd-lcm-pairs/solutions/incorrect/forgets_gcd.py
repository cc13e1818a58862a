import sys


def main():
    # Bug: assumes the beacons first flash together at moment a * b.
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for i in range(t):
        a, b, k = int(data[1 + 3 * i]), int(data[2 + 3 * i]), int(data[3 + 3 * i])
        out.append(k // (a * b))
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
