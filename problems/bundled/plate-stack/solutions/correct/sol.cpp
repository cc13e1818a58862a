#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int q;
    cin >> q;
    vector<int> best;
    string out;
    while (q--) {
        int kind;
        cin >> kind;
        if (kind == 1) {
            int w;
            cin >> w;
            if (!best.empty()) w = max(w, best.back());
            best.push_back(w);
        } else if (kind == 2) {
            int k;
            cin >> k;
            int keep = max(0, (int)best.size() - k);
            best.resize(keep);
        } else {
            out += to_string(best.empty() ? 0 : best.back());
            out += '\n';
        }
    }
    cout << out;
    return 0;
}
