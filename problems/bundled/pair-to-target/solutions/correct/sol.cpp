#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long x;
    cin >> n >> x;
    vector<pair<long long, int>> v(n);
    for (int i = 0; i < n; i++) {
        cin >> v[i].first;
        v[i].second = i + 1;
    }
    sort(v.begin(), v.end());
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        long long s = v[lo].first + v[hi].first;
        if (s == x) {
            cout << v[hi].second << ' ' << v[lo].second << '\n';
            return 0;
        }
        if (s < x) lo++;
        else hi--;
    }
    cout << -1 << '\n';
    return 0;
}
