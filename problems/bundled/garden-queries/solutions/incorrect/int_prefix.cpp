#include <bits/stdc++.h>
using namespace std;

// Bug: prefix sums kept in 32-bit int overflow once the totals pass about 2.1 * 10^9.
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, q;
    cin >> n >> q;
    vector<int> prefix(n + 1, 0);
    for (int i = 1; i <= n; i++) {
        int a;
        cin >> a;
        prefix[i] = prefix[i - 1] + a;
    }
    while (q--) {
        int l, r;
        cin >> l >> r;
        cout << prefix[r] - prefix[l - 1] << '\n';
    }
    return 0;
}
