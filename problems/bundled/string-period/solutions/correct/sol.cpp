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
        vector<int> pi(n, 0);
        for (int i = 1; i < n; i++) {
            int k = pi[i - 1];
            while (k > 0 && s[k] != s[i]) k = pi[k - 1];
            if (s[k] == s[i]) k++;
            pi[i] = k;
        }
        out += to_string(n - pi[n - 1]);
        out += '\n';
    }
    cout << out;
    return 0;
}
