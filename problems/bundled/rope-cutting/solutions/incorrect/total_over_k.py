# Wrong: divides the total length by k, as if pieces from different cords could be joined.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    total = sum(int(t) for t in data[2:2 + n])
    print("%.9f" % (total / k))


main()
