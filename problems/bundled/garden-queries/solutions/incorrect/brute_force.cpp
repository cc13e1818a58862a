#include <bits/stdc++.h>
using namespace std;
// Too slow: sums every range from scratch, O(n * q) in the worst case.
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, q;
    cin >> n >> q;
    vector<long long> a(n);
    for (auto &x : a) cin >> x;
    while (q--) {
        int l, r;
        cin >> l >> r;
        long long total = 0;
        for (int i = l - 1; i < r; i++) total += a[i];
        cout << total << '\n';
    }
    return 0;
}
