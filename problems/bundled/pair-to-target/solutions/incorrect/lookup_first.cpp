// Wrong: checks correctly that a pair exists (even with equal values), but then
// prints the first position of each value, so two equal values give the same index twice.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long x;
    cin >> n >> x;
    vector<long long> a(n);
    map<long long, int> cnt;
    for (auto &v : a) {
        cin >> v;
        cnt[v]++;
    }
    for (int i = 0; i < n; i++) {
        long long need = x - a[i];
        auto it = cnt.find(need);
        if (it == cnt.end()) continue;
        if (need == a[i] && it->second < 2) continue;
        int p = find(a.begin(), a.end(), a[i]) - a.begin();
        int q = find(a.begin(), a.end(), need) - a.begin();
        cout << p + 1 << ' ' << q + 1 << '\n';
        return 0;
    }
    cout << -1 << '\n';
    return 0;
}
