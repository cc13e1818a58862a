#include <bits/stdc++.h>
using namespace std;

// Bug: lowers the case but compares the string with its hyphens still in place.
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        string s;
        cin >> s;
        for (char &c : s) c = (char)tolower((unsigned char)c);
        string r(s.rbegin(), s.rend());
        cout << (s == r ? "YES" : "NO") << '\n';
    }
    return 0;
}
