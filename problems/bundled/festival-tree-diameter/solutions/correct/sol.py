import sys


def farthest(n, adj, start):
    dist = [-1] * (n + 1)
    dist[start] = 0
    stack = [start]
    while stack:
        u = stack.pop()
        du = dist[u]
        for v, w in adj[u]:
            if dist[v] < 0:
                dist[v] = du + w
                stack.append(v)
    best = start
    for v in range(1, n + 1):
        if dist[v] > dist[best]:
            best = v
    return best, dist[best]


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
    a, _ = farthest(n, adj, 1)
    _, d = farthest(n, adj, a)
    print(d)


main()
