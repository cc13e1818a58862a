// Wrong: counts the integer points covered (r - l + 1 per merged block) instead of the length.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    scanf("%d", &n);
    vector<pair<long long, long long>> s(n);
    for (auto &p : s) scanf("%lld %lld", &p.first, &p.second);
    sort(s.begin(), s.end());
    long long total = 0, cl = s[0].first, cr = s[0].second;
    for (int i = 1; i < n; i++) {
        if (s[i].first > cr) {
            total += cr - cl + 1;
            cl = s[i].first;
            cr = s[i].second;
        } else {
            cr = max(cr, s[i].second);
        }
    }
    total += cr - cl + 1;
    printf("%lld\n", total);
    return 0;
}
