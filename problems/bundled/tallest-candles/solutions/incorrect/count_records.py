import sys


def main():
    # Bug: counts how many times a new strict maximum appears while scanning,
    # instead of how many candles equal the final maximum.
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    pos = 1
    out = []
    for _ in range(t):
        n = int(data[pos])
        heights = list(map(int, data[pos + 1:pos + 1 + n]))
        pos += 1 + n
        best = 0
        records = 0
        for h in heights:
            if h > best:
                best = h
                records += 1
        out.append(records)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
