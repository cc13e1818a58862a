#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        unsigned long long a, b, k;
        cin >> a >> b >> k;
        unsigned long long x = a / std::gcd(a, b);
        // lcm = x * b may not fit in 64 bits; when x * b > k there is no double flash.
        if (x > k / b) {
            cout << 0 << '\n';
        } else {
            cout << k / (x * b) << '\n';
        }
    }
    return 0;
}
