import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    grid = b"".join(data[2:2 + n])
    size = n * m
    wall = ord("#")
    letter_cells = [[] for _ in range(26)]
    start = grid.index(b"S")
    goal = grid.index(b"E")
    for idx in range(size):
        ch = grid[idx]
        if 97 <= ch <= 122:
            letter_cells[ch - 97].append(idx)
    used = [False] * 26
    dist = [-1] * size
    dist[start] = 0
    queue = [start]
    head = 0
    while head < len(queue):
        v = queue[head]
        head += 1
        d = dist[v] + 1
        if v == goal:
            break
        r, c = divmod(v, m)
        if c > 0 and dist[v - 1] < 0 and grid[v - 1] != wall:
            dist[v - 1] = d
            queue.append(v - 1)
        if c < m - 1 and dist[v + 1] < 0 and grid[v + 1] != wall:
            dist[v + 1] = d
            queue.append(v + 1)
        if r > 0 and dist[v - m] < 0 and grid[v - m] != wall:
            dist[v - m] = d
            queue.append(v - m)
        if r < n - 1 and dist[v + m] < 0 and grid[v + m] != wall:
            dist[v + m] = d
            queue.append(v + m)
        ch = grid[v]
        if 97 <= ch <= 122 and not used[ch - 97]:
            used[ch - 97] = True
            for u in letter_cells[ch - 97]:
                if dist[u] < 0:
                    dist[u] = d
                    queue.append(u)
    print(dist[goal])


main()
