import sys
from collections import Counter


def main():
    # Bug: Counter.most_common breaks ties by first appearance in the string,
    # not alphabetically.
    data = sys.stdin.read().split()
    t = int(data[0])
    out = []
    for s in data[1:1 + t]:
        c, k = Counter(s).most_common(1)[0]
        out.append(f"{c} {k}")
    sys.stdout.write("\n".join(out) + "\n")


main()
