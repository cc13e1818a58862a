import sys


def main():
    # Bug: processes the groups in input order instead of in the order of their stops,
    # letting passengers get off only when a later group is reached.
    data = sys.stdin.buffer.read().split()
    n, m, c = int(data[0]), int(data[1]), int(data[2])
    groups = [(int(data[3 + 3 * j]), int(data[4 + 3 * j]), int(data[5 + 3 * j])) for j in range(m)]
    riders = []  # (destination, count)
    left_behind = 0
    for s, e, k in groups:
        on_board = 0
        still = []
        for dest, cnt in riders:
            if dest > s:
                still.append((dest, cnt))
                on_board += cnt
        riders = still
        boarded = min(k, c - on_board)
        riders.append((e, boarded))
        left_behind += k - boarded
    print(left_behind)


main()
