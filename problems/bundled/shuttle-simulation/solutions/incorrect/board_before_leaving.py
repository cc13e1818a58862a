import sys


def main():
    # Bug: lets the waiting groups board before the arriving passengers get off.
    data = sys.stdin.buffer.read().split()
    n, m, c = int(data[0]), int(data[1]), int(data[2])
    waiting = [[] for _ in range(n + 1)]
    for j in range(m):
        s, e, k = int(data[3 + 3 * j]), int(data[4 + 3 * j]), int(data[5 + 3 * j])
        waiting[s].append((e, k))
    leaving = [0] * (n + 1)
    on_board = 0
    left_behind = 0
    for stop in range(1, n + 1):
        for e, k in waiting[stop]:
            boarded = min(k, c - on_board)
            on_board += boarded
            leaving[e] += boarded
            left_behind += k - boarded
        on_board -= leaving[stop]
    print(left_behind)


main()
