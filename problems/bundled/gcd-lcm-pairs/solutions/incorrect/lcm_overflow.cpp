#include <bits/stdc++.h>
using namespace std;

// Bug: computes the lcm as a / gcd * b in 64 bits; it overflows when the lcm exceeds about 9.2 * 10^18.
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        long long a, b, k;
        cin >> a >> b >> k;
        long long lcm = a / std::gcd(a, b) * b;
        cout << (lcm == 0 ? 0 : k / lcm) << '\n';
    }
    return 0;
}
