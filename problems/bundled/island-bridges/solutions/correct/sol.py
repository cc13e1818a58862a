import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    parent = list(range(n + 1))
    size = [1] * (n + 1)

    def find(x):
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    regions = n
    out = []
    for j in range(m):
        a = find(int(data[2 + 2 * j]))
        b = find(int(data[3 + 2 * j]))
        if a != b:
            if size[a] < size[b]:
                a, b = b, a
            parent[b] = a
            size[a] += size[b]
            regions -= 1
        out.append(regions)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
