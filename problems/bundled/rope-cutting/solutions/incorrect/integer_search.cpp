// Wrong: searches only over whole-centimetre lengths (and prints 0 when even 1 cm is too long).
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    long long k;
    scanf("%d %lld", &n, &k);
    vector<long long> len(n);
    for (auto &v : len) scanf("%lld", &v);
    long long lo = 0, hi = 10000001;
    while (hi - lo > 1) {
        long long mid = (lo + hi) / 2;
        long long pieces = 0;
        for (long long v : len) pieces += v / mid;
        if (pieces >= k) lo = mid;
        else hi = mid;
    }
    printf("%lld.000000000\n", lo);
    return 0;
}
