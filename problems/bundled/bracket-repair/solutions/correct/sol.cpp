#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        string s;
        cin >> s;
        long long balance = 0, added = 0;
        for (char c : s) {
            if (c == '(') balance++;
            else if (balance > 0) balance--;
            else added++;
        }
        cout << added + balance << '\n';
    }
    return 0;
}
