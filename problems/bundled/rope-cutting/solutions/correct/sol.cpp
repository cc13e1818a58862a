#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long k;
    cin >> n >> k;
    vector<double> len(n);
    for (auto &v : len) {
        long long x;
        cin >> x;
        v = (double)x;
    }
    double lo = 0.0, hi = 10000001.0;
    for (int it = 0; it < 100; it++) {
        double mid = (lo + hi) / 2;
        long long pieces = 0;
        for (double v : len) {
            pieces += (long long)(v / mid);
            if (pieces >= k) break;
        }
        if (pieces >= k) lo = mid;
        else hi = mid;
    }
    printf("%.9f\n", lo);
    return 0;
}
