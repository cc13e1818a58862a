#include <bits/stdc++.h>
using namespace std;

int main() {
    int n;
    cin >> n;
    vector<int> s(n);
    for (auto &x : s) cin >> x;
    sort(s.rbegin(), s.rend());
    for (int i = 0; i < n; i++) cout << s[i] << (i + 1 < n ? ' ' : '\n');
    return 0;
}
