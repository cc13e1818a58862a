#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    cin >> n >> m;
    string g;
    for (int i = 0; i < n; i++) {
        string row;
        cin >> row;
        g += row;
    }
    int size = n * m;
    int start = g.find('S'), goal = g.find('E');
    vector<vector<int>> cells(26);
    for (int i = 0; i < size; i++)
        if (g[i] >= 'a' && g[i] <= 'z') cells[g[i] - 'a'].push_back(i);
    vector<int> dist(size, -1), q;
    q.reserve(size);
    array<bool, 26> used{};
    dist[start] = 0;
    q.push_back(start);
    for (size_t h = 0; h < q.size(); h++) {
        int v = q[h];
        int d = dist[v] + 1;
        int r = v / m, c = v % m;
        auto visit = [&](int u) {
            if (dist[u] < 0 && g[u] != '#') {
                dist[u] = d;
                q.push_back(u);
            }
        };
        if (c > 0) visit(v - 1);
        if (c < m - 1) visit(v + 1);
        if (r > 0) visit(v - m);
        if (r < n - 1) visit(v + m);
        if (g[v] >= 'a' && g[v] <= 'z' && !used[g[v] - 'a']) {
            used[g[v] - 'a'] = true;
            for (int u : cells[g[v] - 'a']) visit(u);
        }
    }
    cout << dist[goal] << '\n';
    return 0;
}
