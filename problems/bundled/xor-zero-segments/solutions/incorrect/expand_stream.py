# Decompresses the stream and walks it pulse by pulse: up to 10^9 steps, far too slow.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    k = int(data[0])
    cnt = {0: 1}
    prefix = 0
    answer = 0
    for i in range(k):
        v, c = int(data[1 + 2 * i]), int(data[2 + 2 * i])
        for _ in range(c):
            prefix ^= v
            seen = cnt.get(prefix, 0)
            answer += seen
            cnt[prefix] = seen + 1
    print(answer)


main()
