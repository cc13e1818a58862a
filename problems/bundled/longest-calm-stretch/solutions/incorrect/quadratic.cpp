#include <bits/stdc++.h>
using namespace std;

// Too slow: extends a stretch from every starting minute separately, O(n * answer).
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    long long limit;
    string s;
    cin >> n >> limit >> s;
    int best = 0;
    for (int left = 0; left < n; left++) {
        long long total = 0;
        int right = left;
        while (right < n && total + (s[right] - '0') <= limit) {
            total += s[right] - '0';
            right++;
        }
        best = max(best, right - left);
    }
    cout << best << '\n';
    return 0;
}
