# Wrong: looks the complement up in a table of all vouchers, so a voucher
# worth exactly x / 2 can be paired with itself.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, x = int(data[0]), int(data[1])
    a = [int(t) for t in data[2:2 + n]]
    where = {}
    for i, v in enumerate(a):
        where[v] = i
    for i, v in enumerate(a):
        j = where.get(x - v)
        if j is not None:
            print(i + 1, j + 1)
            return
    print(-1)


main()
