#include <bits/stdc++.h>
using namespace std;

// Bug: adds enough "(" at the front to fix the lowest prefix balance, then uses the
// final balance of the original string (not of the repaired one) for the missing ")".
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        string s;
        cin >> s;
        long long balance = 0, lowest = 0;
        for (char c : s) {
            balance += (c == '(') ? 1 : -1;
            lowest = min(lowest, balance);
        }
        cout << -lowest + llabs(balance) << '\n';
    }
    return 0;
}
