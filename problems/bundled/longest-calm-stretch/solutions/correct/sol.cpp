#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long limit;
    string s;
    cin >> n >> limit >> s;
    long long total = 0;
    int left = 0, best = 0;
    for (int right = 0; right < n; right++) {
        total += s[right] - '0';
        while (total > limit) {
            total -= s[left] - '0';
            left++;
        }
        best = max(best, right - left + 1);
    }
    cout << best << '\n';
    return 0;
}
