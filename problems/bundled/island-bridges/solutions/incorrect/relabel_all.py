# Keeps a region label per island and relabels every island on each merge: O(n * m), too slow.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    label = list(range(n + 1))
    regions = n
    out = []
    for j in range(m):
        a = label[int(data[2 + 2 * j])]
        b = label[int(data[3 + 2 * j])]
        if a != b:
            for i in range(1, n + 1):
                if label[i] == b:
                    label[i] = a
            regions -= 1
        out.append(regions)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
