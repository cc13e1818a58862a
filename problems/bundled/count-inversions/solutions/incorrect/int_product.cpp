// Fenwick tree is right, but the contribution c * greater is computed in 32-bit arithmetic.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int k;
    cin >> k;
    vector<int> v(k), c(k);
    for (int i = 0; i < k; i++) cin >> v[i] >> c[i];
    vector<int> vals(v);
    sort(vals.begin(), vals.end());
    vals.erase(unique(vals.begin(), vals.end()), vals.end());
    int m = vals.size();
    vector<int> tree(m + 1, 0);
    int placed = 0;
    long long answer = 0;
    for (int i = 0; i < k; i++) {
        int r = lower_bound(vals.begin(), vals.end(), v[i]) - vals.begin() + 1;
        int notGreater = 0;
        for (int j = r; j > 0; j -= j & -j) notGreater += tree[j];
        answer += c[i] * (placed - notGreater);
        for (int j = r; j <= m; j += j & -j) tree[j] += c[i];
        placed += c[i];
    }
    cout << answer << "\n";
    return 0;
}
