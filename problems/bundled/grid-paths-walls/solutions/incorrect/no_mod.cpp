// Wrong: takes the remainder only at the very end, so the 64-bit counts overflow on big orchards.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, m;
    scanf("%d %d", &n, &m);
    vector<string> g(n);
    char buf[400];
    for (int i = 0; i < n; i++) {
        scanf("%s", buf);
        g[i] = buf;
    }
    vector<vector<unsigned long long>> dp(n, vector<unsigned long long>(m, 0));
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++) {
            if (g[i][j] == '#') continue;
            if (i == 0 && j == 0) { dp[i][j] = 1; continue; }
            if (i > 0) dp[i][j] += dp[i - 1][j];
            if (j > 0) dp[i][j] += dp[i][j - 1];
        }
    printf("%llu\n", dp[n - 1][m - 1] % 1000000007ULL);
    return 0;
}
