# Forgets the empty prefix, so segments that start at the first pulse are never counted.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    k = int(data[0])
    cnt = {}
    prefix = 0
    for i in range(k):
        v, c = int(data[1 + 2 * i]), int(data[2 + 2 * i])
        other = prefix ^ v
        cnt[other] = cnt.get(other, 0) + (c + 1) // 2
        cnt[prefix] = cnt.get(prefix, 0) + c // 2
        if c % 2 == 1:
            prefix = other
    print(sum(x * (x - 1) // 2 for x in cnt.values()))


main()
