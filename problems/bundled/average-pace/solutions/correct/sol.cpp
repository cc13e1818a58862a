#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    long long distance = 0;
    double hours = 0.0;
    for (int i = 0; i < n; i++) {
        int d, v;
        if (scanf("%d %d", &d, &v) != 2) return 0;
        distance += d;
        hours += (double)d / v;
    }
    printf("%.9f\n", (double)distance / hours);
    return 0;
}
