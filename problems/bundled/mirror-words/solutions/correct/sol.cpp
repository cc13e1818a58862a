#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        string s, letters;
        cin >> s;
        for (char c : s)
            if (c != '-') letters += (char)tolower((unsigned char)c);
        bool ok = true;
        for (size_t i = 0, j = letters.size() - 1; i < j; i++, j--)
            if (letters[i] != letters[j]) ok = false;
        cout << (ok ? "YES" : "NO") << '\n';
    }
    return 0;
}
