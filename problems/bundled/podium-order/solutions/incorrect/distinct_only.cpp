#include <bits/stdc++.h>
using namespace std;

// Wrong: drops repeated scores.
int main() {
    int n;
    cin >> n;
    set<int, greater<int>> s;
    for (int i = 0; i < n; i++) {
        int x;
        cin >> x;
        s.insert(x);
    }
    bool first = true;
    for (int x : s) {
        cout << (first ? "" : " ") << x;
        first = false;
    }
    cout << '\n';
    return 0;
}
