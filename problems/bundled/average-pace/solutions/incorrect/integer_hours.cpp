#include <bits/stdc++.h>
using namespace std;

// Bug: the time of each leg is computed with integer division, so fractions
// of an hour are lost (and a short fast leg takes "0 hours").
int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    long long distance = 0, hours = 0;
    for (int i = 0; i < n; i++) {
        int d, v;
        if (scanf("%d %d", &d, &v) != 2) return 0;
        distance += d;
        hours += d / v;
    }
    printf("%.9f\n", (double)distance / hours);
    return 0;
}
