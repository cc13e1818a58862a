import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    lengths = [float(t) for t in data[2:2 + n]]
    lo, hi = 0.0, 10000001.0
    for _ in range(100):
        mid = (lo + hi) / 2
        pieces = sum(map(int, map(mid.__rtruediv__, lengths)))
        if pieces >= k:
            lo = mid
        else:
            hi = mid
    print("%.9f" % lo)


main()
