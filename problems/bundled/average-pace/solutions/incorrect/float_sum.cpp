#include <bits/stdc++.h>
using namespace std;

// Bug: single-precision floats lose too much precision over many legs.
int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    float distance = 0, hours = 0;
    for (int i = 0; i < n; i++) {
        int d, v;
        if (scanf("%d %d", &d, &v) != 2) return 0;
        distance += d;
        hours += (float)d / v;
    }
    printf("%.9f\n", distance / hours);
    return 0;
}
