#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    string out;
    while (t--) {
        long long n;
        cin >> n;
        long long count = 0;
        while (n > 0) {
            long long s = 0;
            for (long long m = n; m > 0; m /= 10) s += m % 10;
            n -= s;
            count++;
        }
        out += to_string(count);
        out += '\n';
    }
    cout << out;
    return 0;
}
