# Two recursive DFS passes: hits Python's recursion limit on a long path-shaped tree.
import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    adj = [[] for _ in range(n + 1)]
    idx = 1
    for _ in range(n - 1):
        u, v, w = int(data[idx]), int(data[idx + 1]), int(data[idx + 2])
        idx += 3
        adj[u].append((v, w))
        adj[v].append((u, w))

    def dfs(u, parent, d, dist):
        dist[u] = d
        for v, w in adj[u]:
            if v != parent:
                dfs(v, u, d + w, dist)

    dist = [0] * (n + 1)
    dfs(1, 0, 0, dist)
    a = max(range(1, n + 1), key=lambda v: dist[v])
    dist = [0] * (n + 1)
    dfs(a, 0, 0, dist)
    print(max(dist))


main()
