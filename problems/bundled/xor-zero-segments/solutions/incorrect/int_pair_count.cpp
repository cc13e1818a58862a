// Right idea, but the number of pairs per prefix value is computed in 32-bit arithmetic.
#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int k;
    cin >> k;
    unordered_map<int, int> cnt;
    cnt[0] = 1;
    int prefix = 0;
    for (int i = 0; i < k; i++) {
        int v, c;
        cin >> v >> c;
        int other = prefix ^ v;
        cnt[other] += (c + 1) / 2;
        cnt[prefix] += c / 2;
        if (c % 2 == 1) prefix = other;
    }
    long long answer = 0;
    for (auto &[key, x] : cnt) answer += x * (x - 1) / 2;
    cout << answer << "\n";
    return 0;
}
