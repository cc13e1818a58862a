#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    vector<pair<long long, long long>> s(n);
    for (auto &p : s) cin >> p.first >> p.second;
    sort(s.begin(), s.end());
    long long total = 0, cl = s[0].first, cr = s[0].second;
    for (int i = 1; i < n; i++) {
        if (s[i].first > cr) {
            total += cr - cl;
            cl = s[i].first;
            cr = s[i].second;
        } else {
            cr = max(cr, s[i].second);
        }
    }
    total += cr - cl;
    cout << total << '\n';
    return 0;
}
