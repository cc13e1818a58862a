import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, limit = int(data[0]), int(data[1])
    digits = [c - 48 for c in data[2][:n]]
    best = 0
    left = 0
    total = 0
    for right in range(n):
        total += digits[right]
        while total > limit:
            total -= digits[left]
            left += 1
        if right - left + 1 > best:
            best = right - left + 1
    print(best)


main()
