#include <bits/stdc++.h>
using namespace std;

// Bug: the running maximum is never reset between shelves, so a shelf whose
// candles are all shorter than an earlier shelf's tallest gets a wrong count.
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    long long best = 0;
    while (t--) {
        int n;
        cin >> n;
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
