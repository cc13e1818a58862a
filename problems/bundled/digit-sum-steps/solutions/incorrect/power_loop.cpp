// Wrong: the digit loop "for (d = 1; d < m; d *= 10)" misses the leading digit of
// powers of ten (their digit sum comes out as 0), so the counter never reaches 0.
#include <bits/stdc++.h>
using namespace std;

long long digit_sum(long long m) {
    long long s = 0;
    for (long long d = 1; d < m; d *= 10) s += m / d % 10;
    return s;
}

int main() {
    int t;
    scanf("%d", &t);
    while (t--) {
        long long n;
        scanf("%lld", &n);
        long long count = 0;
        while (n > 0) {
            long long s = digit_sum(n);
            if (n < 10) s = n;
            n -= s;
            count++;
        }
        printf("%lld\n", count);
    }
    return 0;
}
