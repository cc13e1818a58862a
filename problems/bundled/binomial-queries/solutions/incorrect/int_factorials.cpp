// Factorials stored in 32-bit ints: the products overflow before the modulo is taken.
#include <bits/stdc++.h>
using namespace std;

const int MOD = 1000000007;

int power(int b, int e) {
    long long r = 1, x = b;
    while (e) {
        if (e & 1) r = r * x % MOD;
        x = x * x % MOD;
        e >>= 1;
    }
    return (int)r;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    const int N = 1000000;
    vector<int> fact(N + 1), inv(N + 1);
    fact[0] = 1;
    for (int i = 1; i <= N; i++) fact[i] = fact[i - 1] * i % MOD;
    inv[N] = power(fact[N], MOD - 2);
    for (int i = N; i > 0; i--) inv[i - 1] = (long long)inv[i] * i % MOD;
    int q;
    cin >> q;
    string out;
    while (q--) {
        int n, k;
        cin >> n >> k;
        long long ans = 0;
        if (k <= n) ans = (long long)fact[n] * inv[k] % MOD * inv[n - k] % MOD;
        out += to_string(ans);
        out += '\n';
    }
    cout << out;
    return 0;
}
