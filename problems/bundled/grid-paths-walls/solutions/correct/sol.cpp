#include <bits/stdc++.h>
using namespace std;

const long long MOD = 1000000007LL;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    cin >> n >> m;
    vector<string> g(n);
    for (auto &s : g) cin >> s;
    vector<long long> dp(m, 0);
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++) {
            if (g[i][j] == '#') {
                dp[j] = 0;
            } else if (i == 0 && j == 0) {
                dp[j] = 1;
            } else {
                long long v = dp[j];
                if (j > 0) v += dp[j - 1];
                dp[j] = v % MOD;
            }
        }
    }
    cout << dp[m - 1] << '\n';
    return 0;
}
