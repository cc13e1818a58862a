// Builds the plan backwards, always placing the largest free task last. This puts small tasks
// as early as possible one by one, which is a different criterion from lexicographic order.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    cin >> n >> m;
    vector<vector<int>> radj(n + 1);
    vector<int> outdeg(n + 1, 0);
    for (int i = 0; i < m; i++) {
        int a, b;
        cin >> a >> b;
        radj[b].push_back(a);
        outdeg[a]++;
    }
    priority_queue<int> pq;
    for (int v = 1; v <= n; v++)
        if (outdeg[v] == 0) pq.push(v);
    vector<int> order;
    while (!pq.empty()) {
        int u = pq.top();
        pq.pop();
        order.push_back(u);
        for (int v : radj[u])
            if (--outdeg[v] == 0) pq.push(v);
    }
    if ((int)order.size() < n) {
        cout << -1 << "\n";
        return 0;
    }
    reverse(order.begin(), order.end());
    for (int i = 0; i < n; i++) cout << order[i] << (i + 1 < n ? ' ' : '\n');
    return 0;
}
