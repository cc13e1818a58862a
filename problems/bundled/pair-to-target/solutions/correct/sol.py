import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, x = int(data[0]), int(data[1])
    a = data[2:2 + n]
    seen = {}
    for j in range(n):
        v = int(a[j])
        i = seen.get(x - v)
        if i is not None:
            print(i + 1, j + 1)
            return
        if v not in seen:
            seen[v] = j
    print(-1)


main()
