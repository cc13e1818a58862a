import sys


def main():
    data = sys.stdin.buffer.read().split()
    k = int(data[0])
    # cnt[x] = how many prefixes (including the empty one) have XOR x
    cnt = {0: 1}
    prefix = 0
    for i in range(k):
        v, c = int(data[1 + 2 * i]), int(data[2 + 2 * i])
        # the next c prefixes alternate: prefix ^ v, prefix, prefix ^ v, ...
        other = prefix ^ v
        cnt[other] = cnt.get(other, 0) + (c + 1) // 2
        cnt[prefix] = cnt.get(prefix, 0) + c // 2
        if c % 2 == 1:
            prefix = other
    print(sum(x * (x - 1) // 2 for x in cnt.values()))


main()
