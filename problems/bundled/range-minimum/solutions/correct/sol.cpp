#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    string out;
    while (t--) {
        int n, q;
        cin >> n >> q;
        vector<vector<long long>> sp(1, vector<long long>(n));
        for (auto &x : sp[0]) cin >> x;
        for (int j = 1; (1 << j) <= n; j++) {
            int len = n - (1 << j) + 1;
            sp.push_back(vector<long long>(len));
            for (int i = 0; i < len; i++)
                sp[j][i] = min(sp[j - 1][i], sp[j - 1][i + (1 << (j - 1))]);
        }
        while (q--) {
            int l, r;
            cin >> l >> r;
            l--;
            int k = 31 - __builtin_clz(r - l);
            out += to_string(min(sp[k][l], sp[k][r - (1 << k)]));
            out += '\n';
        }
    }
    cout << out;
    return 0;
}
