// Tries every p and compares letter by letter: O(|s|^2) on pieces like "aaa...ab".
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    string out;
    while (t--) {
        string s;
        cin >> s;
        int n = s.size();
        int answer = n;
        for (int p = 1; p < n; p++) {
            bool ok = true;
            for (int i = 0; i + p < n; i++) {
                if (s[i] != s[i + p]) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                answer = p;
                break;
            }
        }
        out += to_string(answer);
        out += '\n';
    }
    cout << out;
    return 0;
}
