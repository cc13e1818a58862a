# First pass picks the endpoint with the most paths (ignoring lengths), second pass is weighted.
import sys
from collections import deque


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
    hops = [-1] * (n + 1)
    hops[1] = 0
    q = deque([1])
    last = 1
    while q:
        u = q.popleft()
        last = u
        for v, _ in adj[u]:
            if hops[v] < 0:
                hops[v] = hops[u] + 1
                q.append(v)
    dist = [-1] * (n + 1)
    dist[last] = 0
    stack = [last]
    while stack:
        u = stack.pop()
        for v, w in adj[u]:
            if dist[v] < 0:
                dist[v] = dist[u] + w
                stack.append(v)
    print(max(dist))


main()
