#include <bits/stdc++.h>
using namespace std;

// Bug: ">=" lets a later letter with the same count replace an earlier one,
// so ties go to the alphabetically largest letter.
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    while (t--) {
        string s;
        cin >> s;
        int cnt[26] = {0};
        for (char c : s) cnt[c - 'a']++;
        int best = 0;
        for (int i = 1; i < 26; i++)
            if (cnt[i] >= cnt[best]) best = i;
        cout << (char)('a' + best) << ' ' << cnt[best] << '\n';
    }
    return 0;
}
