import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    distance = 0
    hours = 0.0
    for i in range(n):
        d, v = int(data[1 + 2 * i]), int(data[2 + 2 * i])
        distance += d
        hours += d / v
    print("%.9f" % (distance / hours))


main()
