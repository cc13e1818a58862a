#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    cin >> n;
    int even = 0, odd = 0;
    for (int i = 0; i < n; i++) {
        long long a;
        cin >> a;
        if (a % 2 == 0) even++;
        else odd++;
    }
    if (even > odd) cout << "EVEN " << even - odd << '\n';
    else if (odd > even) cout << "ODD " << odd - even << '\n';
    else cout << "BALANCED\n";
    return 0;
}
