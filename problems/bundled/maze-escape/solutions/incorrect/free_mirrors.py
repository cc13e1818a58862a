# Wrong: treats stepping through a mirror as instantaneous (0 minutes).
import sys
from collections import deque


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    grid = b"".join(data[2:2 + n])
    size = n * m
    start, goal = grid.index(b"S"), grid.index(b"E")
    cells = {}
    for i in range(size):
        if 97 <= grid[i] <= 122:
            cells.setdefault(grid[i], []).append(i)
    INF = float("inf")
    dist = [INF] * size
    dist[start] = 0
    dq = deque([start])
    used = set()
    while dq:
        v = dq.popleft()
        r, c = divmod(v, m)
        for u, ok in ((v - 1, c > 0), (v + 1, c < m - 1), (v - m, r > 0), (v + m, r < n - 1)):
            if ok and grid[u] != 35 and dist[v] + 1 < dist[u]:
                dist[u] = dist[v] + 1
                dq.append(u)
        ch = grid[v]
        if 97 <= ch <= 122 and ch not in used:
            used.add(ch)
            for u in cells[ch]:
                if dist[v] < dist[u]:
                    dist[u] = dist[v]
                    dq.appendleft(u)
    print(dist[goal] if dist[goal] < INF else -1)


main()
