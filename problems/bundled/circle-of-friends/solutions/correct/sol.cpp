#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    string out;
    while (t--) {
        long long n, k, len, a, b;
        cin >> n >> k >> len >> a >> b;
        vector<long long> p(n);
        for (long long i = 1; i <= n; i++) p[i - 1] = (a * i + b) % len;
        sort(p.begin(), p.end());
        long long best = LLONG_MAX;
        for (long long i = 0; i < n; i++) {
            long long j = i + k - 1;
            long long end = j < n ? p[j] : p[j - n] + len;
            best = min(best, end - p[i]);
        }
        out += to_string(best) + "\n";
    }
    cout << out;
    return 0;
}
