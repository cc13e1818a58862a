#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        int n;
        cin >> n;
        long long best = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            long long h;
            cin >> h;
            if (h > best) {
                best = h;
                count = 1;
            } else if (h == best) {
                count++;
            }
        }
        cout << count << '\n';
    }
    return 0;
}
