# Compares every pair of groups: O(k^2), far too slow for k = 10^4 in Python.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    k = int(data[0])
    v = [int(x) for x in data[1:1 + 2 * k:2]]
    c = [int(x) for x in data[2:2 + 2 * k:2]]
    answer = 0
    for j in range(k):
        vj = v[j]
        bigger = 0
        for i in range(j):
            if v[i] > vj:
                bigger += c[i]
        answer += bigger * c[j]
    print(answer)


main()
