# Finds the trip with the fewest roads (BFS) and pays its tolls: ignores the weights.
import sys
from collections import deque


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    adj = [[] for _ in range(n + 1)]
    idx = 2
    for _ in range(m):
        u, v, w = int(data[idx]), int(data[idx + 1]), int(data[idx + 2])
        idx += 3
        adj[u].append((v, w))
        adj[v].append((u, w))
    cost = [-1] * (n + 1)
    seen = [False] * (n + 1)
    seen[1] = True
    cost[1] = 0
    q = deque([1])
    while q:
        u = q.popleft()
        for v, w in adj[u]:
            if not seen[v]:
                seen[v] = True
                cost[v] = cost[u] + w
                q.append(v)
    print(cost[n])


main()
