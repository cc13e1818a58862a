# Wrong: after sorting, subtracts only the overlap with the previous stretch,
# forgetting that an earlier, longer stretch may still cover the current one.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    segs = sorted(zip(map(int, data[1:2 * n + 1:2]), map(int, data[2:2 * n + 2:2])))
    total = segs[0][1] - segs[0][0]
    for i in range(1, n):
        l, r = segs[i]
        pr = segs[i - 1][1]
        if l >= pr:
            total += r - l
        elif r > pr:
            total += r - pr
    print(total)


main()
