#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int k;
    cin >> k;
    vector<pair<long long, long long>> items;  // (prefix value, how many times)
    items.reserve(2 * k + 1);
    items.push_back({0, 1});
    long long prefix = 0;
    for (int i = 0; i < k; i++) {
        long long v, c;
        cin >> v >> c;
        long long other = prefix ^ v;
        items.push_back({other, (c + 1) / 2});
        if (c / 2 > 0) items.push_back({prefix, c / 2});
        if (c % 2 == 1) prefix = other;
    }
    sort(items.begin(), items.end());
    long long answer = 0;
    for (size_t i = 0; i < items.size();) {
        size_t j = i;
        long long total = 0;
        while (j < items.size() && items[j].first == items[i].first) total += items[j++].second;
        answer += total * (total - 1) / 2;
        i = j;
    }
    cout << answer << "\n";
    return 0;
}
