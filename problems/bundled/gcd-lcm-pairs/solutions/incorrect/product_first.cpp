#include <bits/stdc++.h>
using namespace std;

// Bug: multiplies a * b before dividing by the gcd, which overflows even when the lcm is small.
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        unsigned long long a, b, k;
        cin >> a >> b >> k;
        unsigned long long lcm = a * b / std::gcd(a, b);
        cout << (lcm == 0 ? 0 : k / lcm) << '\n';
    }
    return 0;
}
