#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    string out;
    while (t--) {
        int n;
        cin >> n;
        vector<string> keys(n);
        for (auto &w : keys) {
            cin >> w;
            sort(w.begin(), w.end());
        }
        sort(keys.begin(), keys.end());
        int families = 0, best = 0;
        for (int i = 0; i < n;) {
            int j = i;
            while (j < n && keys[j] == keys[i]) j++;
            families++;
            best = max(best, j - i);
            i = j;
        }
        out += to_string(families) + " " + to_string(best) + "\n";
    }
    cout << out;
    return 0;
}
