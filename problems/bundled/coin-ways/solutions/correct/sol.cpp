#include <bits/stdc++.h>
using namespace std;

const int MOD = 1000000007;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, s;
    cin >> n >> s;
    vector<int> c(n);
    for (auto &x : c) cin >> x;
    vector<int> ways(s + 1, 0);
    ways[0] = 1;
    for (int x : c)
        for (int v = x; v <= s; v++) {
            int w = ways[v] + ways[v - x];
            if (w >= MOD) w -= MOD;
            ways[v] = w;
        }
    cout << ways[s] << '\n';
    return 0;
}
