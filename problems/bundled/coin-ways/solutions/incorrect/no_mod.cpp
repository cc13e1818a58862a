// Wrong: counts with 64-bit integers and reduces only at the end; the counts overflow.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int n, s;
    scanf("%d %d", &n, &s);
    vector<int> c(n);
    for (auto &x : c) scanf("%d", &x);
    vector<long long> ways(s + 1, 0);
    ways[0] = 1;
    for (int x : c)
        for (int v = x; v <= s; v++) ways[v] += ways[v - x];
    printf("%lld\n", ways[s] % 1000000007LL);
    return 0;
}
