// Wrong: computes a * i in 32-bit arithmetic, which overflows for large a and i.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int t;
    scanf("%d", &t);
    while (t--) {
        int n, k, len, a, b;
        scanf("%d %d %d %d %d", &n, &k, &len, &a, &b);
        vector<long long> p(n);
        for (int i = 1; i <= n; i++) {
            long long prod = (unsigned)a * (unsigned)i;  // wraps modulo 2^32
            p[i - 1] = (prod + b) % len;
        }
        sort(p.begin(), p.end());
        long long best = LLONG_MAX;
        for (int i = 0; i < n; i++) {
            int j = i + k - 1;
            long long end = j < n ? p[j] : p[j - n] + len;
            best = min(best, end - p[i]);
        }
        printf("%lld\n", best);
    }
    return 0;
}
