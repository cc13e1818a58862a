// Computes each answer from scratch as n (n-1) ... (n-k+1) / k!: O(k) per question, too slow.
#include <bits/stdc++.h>
using namespace std;

const long long MOD = 1000000007LL;

long long power(long long b, long long e) {
    long long r = 1;
    b %= MOD;
    while (e) {
        if (e & 1) r = r * b % MOD;
        b = b * b % MOD;
        e >>= 1;
    }
    return r;
}

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int q;
    cin >> q;
    string out;
    while (q--) {
        long long n, k;
        cin >> n >> k;
        long long ans = 0;
        if (k <= n) {
            long long num = 1, den = 1;
            for (long long i = 0; i < k; i++) {
                num = num * ((n - i) % MOD) % MOD;
                den = den * ((i + 1) % MOD) % MOD;
            }
            ans = num * power(den, MOD - 2) % MOD;
        }
        out += to_string(ans);
        out += '\n';
    }
    cout << out;
    return 0;
}
