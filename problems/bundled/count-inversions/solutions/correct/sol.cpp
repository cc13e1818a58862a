#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int k;
    cin >> k;
    vector<long long> v(k), c(k);
    for (int i = 0; i < k; i++) cin >> v[i] >> c[i];
    vector<long long> vals(v);
    sort(vals.begin(), vals.end());
    vals.erase(unique(vals.begin(), vals.end()), vals.end());
    int m = vals.size();
    vector<long long> tree(m + 1, 0);
    long long placed = 0, answer = 0;
    for (int i = 0; i < k; i++) {
        int r = lower_bound(vals.begin(), vals.end(), v[i]) - vals.begin() + 1;
        long long notGreater = 0;
        for (int j = r; j > 0; j -= j & -j) notGreater += tree[j];
        answer += c[i] * (placed - notGreater);
        for (int j = r; j <= m; j += j & -j) tree[j] += c[i];
        placed += c[i];
    }
    cout << answer << "\n";
    return 0;
}
