// Wrong: the map of families is declared once, outside the loop over shelves,
// so words from earlier shelves are still counted on later ones.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    map<string, int> families;
    while (t--) {
        int n;
        cin >> n;
        int best = 0;
        for (int i = 0; i < n; i++) {
            string w;
            cin >> w;
            sort(w.begin(), w.end());
            best = max(best, ++families[w]);
        }
        cout << families.size() << ' ' << best << '\n';
    }
    return 0;
}
