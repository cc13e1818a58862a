#include <bits/stdc++.h>
using namespace std;

// Bug: in C++ the remainder of a negative odd number is -1, so "a % 2 == 1"
// classifies negative odd values as even.
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    int even = 0, odd = 0;
    for (int i = 0; i < n; i++) {
        long long a;
        cin >> a;
        if (a % 2 == 1) odd++;
        else even++;
    }
    if (even > odd) cout << "EVEN " << even - odd << '\n';
    else if (odd > even) cout << "ODD " << odd - even << '\n';
    else cout << "BALANCED\n";
    return 0;
}
