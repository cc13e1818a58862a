import sys


def main():
    # Bug: when the window becomes too heavy, starts a new window at the current
    # minute instead of moving the left end forward step by step.
    data = sys.stdin.buffer.read().split()
    n, limit = int(data[0]), int(data[1])
    digits = [c - 48 for c in data[2][:n]]
    best = 0
    length = 0
    total = 0
    for d in digits:
        if total + d <= limit:
            total += d
            length += 1
        elif d <= limit:
            total, length = d, 1
        else:
            total, length = 0, 0
        best = max(best, length)
    print(best)


main()
