#include <bits/stdc++.h>
using namespace std;

int n;
vector<vector<pair<int, long long>>> adj;

pair<int, long long> farthest(int start) {
    vector<long long> dist(n + 1, -1);
    vector<int> st = {start};
    dist[start] = 0;
    while (!st.empty()) {
        int u = st.back();
        st.pop_back();
        for (auto [v, w] : adj[u]) {
            if (dist[v] < 0) {
                dist[v] = dist[u] + w;
                st.push_back(v);
            }
        }
    }
    int best = start;
    for (int v = 1; v <= n; v++)
        if (dist[v] > dist[best]) best = v;
    return {best, dist[best]};
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    cin >> n;
    adj.assign(n + 1, {});
    for (int i = 0; i < n - 1; i++) {
        int u, v;
        long long w;
        cin >> u >> v >> w;
        adj[u].push_back({v, w});
        adj[v].push_back({u, w});
    }
    int a = farthest(1).first;
    cout << farthest(a).second << "\n";
    return 0;
}
