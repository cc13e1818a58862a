#include <bits/stdc++.h>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n, m;
    long long c;
    cin >> n >> m >> c;
    vector<vector<pair<int, long long>>> waiting(n + 1);
    for (int j = 0; j < m; j++) {
        int s, e;
        long long k;
        cin >> s >> e >> k;
        waiting[s].push_back({e, k});
    }
    vector<long long> leaving(n + 1, 0);
    long long on_board = 0, left_behind = 0;
    for (int stop = 1; stop <= n; stop++) {
        on_board -= leaving[stop];
        for (auto [e, k] : waiting[stop]) {
            long long boarded = min(k, c - on_board);
            on_board += boarded;
            leaving[e] += boarded;
            left_behind += k - boarded;
        }
    }
    cout << left_behind << '\n';
    return 0;
}
