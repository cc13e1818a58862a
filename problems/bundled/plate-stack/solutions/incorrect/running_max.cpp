// Wrong: keeps one running maximum that is only reset when the tower becomes empty,
// so it remembers plates that were already taken away.
#include <bits/stdc++.h>
using namespace std;

int main() {
    int q;
    scanf("%d", &q);
    vector<int> tower;
    int mx = 0;
    while (q--) {
        int kind;
        scanf("%d", &kind);
        if (kind == 1) {
            int w;
            scanf("%d", &w);
            tower.push_back(w);
            mx = max(mx, w);
        } else if (kind == 2) {
            int k;
            scanf("%d", &k);
            while (k-- > 0 && !tower.empty()) tower.pop_back();
            if (tower.empty()) mx = 0;
        } else {
            printf("%d\n", mx);
        }
    }
    return 0;
}
