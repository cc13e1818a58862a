import sys


def main():
    # Bug: averages the speeds of the legs instead of dividing total distance by total time.
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    speeds = [int(data[2 + 2 * i]) for i in range(n)]
    print("%.9f" % (sum(speeds) / n))


main()
