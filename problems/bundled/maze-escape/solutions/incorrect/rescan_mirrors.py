# Too slow: every time a mirror room is taken from the queue, it scans all rooms with the
# same letter again, which is quadratic when one letter covers most of the museum.
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
    dist = [-1] * size
    dist[start] = 0
    dq = deque([start])
    while dq:
        v = dq.popleft()
        r, c = divmod(v, m)
        for u, ok in ((v - 1, c > 0), (v + 1, c < m - 1), (v - m, r > 0), (v + m, r < n - 1)):
            if ok and grid[u] != 35 and dist[u] < 0:
                dist[u] = dist[v] + 1
                dq.append(u)
        if 97 <= grid[v] <= 122:
            for u in cells[grid[v]]:
                if dist[u] < 0:
                    dist[u] = dist[v] + 1
                    dq.append(u)
    print(dist[goal])


main()
