# Forgets that a bridge inside one region does not reduce the count.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    regions = n
    out = []
    for j in range(m):
        if regions > 1:
            regions -= 1
        out.append(regions)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
