#include <bits/stdc++.h>
using namespace std;

vector<int> parent_, sz;

int find(int x) {
    while (parent_[x] != x) {
        parent_[x] = parent_[parent_[x]];
        x = parent_[x];
    }
    return x;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    cin >> n >> m;
    parent_.resize(n + 1);
    sz.assign(n + 1, 1);
    iota(parent_.begin(), parent_.end(), 0);
    int regions = n;
    string out;
    for (int j = 0; j < m; j++) {
        int u, v;
        cin >> u >> v;
        int a = find(u), b = find(v);
        if (a != b) {
            if (sz[a] < sz[b]) swap(a, b);
            parent_[b] = a;
            sz[a] += sz[b];
            regions--;
        }
        out += to_string(regions);
        out += '\n';
    }
    cout << out;
    return 0;
}
