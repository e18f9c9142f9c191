// SPDX-License-Identifier: MIT
#include "rules/merge.h"

#include <QSet>

namespace outpost {

MergeOutcome mergeFields(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs,
                         const ConflictPolicy &policy)
{
    MergeOutcome out;
    out.merged = theirs;
    QSet<QString> keys;
    for (auto it = mine.begin(); it != mine.end(); ++it)
        keys.insert(it.key());
    for (auto it = base.begin(); it != base.end(); ++it)
        keys.insert(it.key());
    QStringList sorted(keys.begin(), keys.end());
    sorted.sort();
    for (const QString &k : std::as_const(sorted)) {
        const QJsonValue b = base.value(k), m = mine.value(k), t = theirs.value(k);
        if (m == b)
            continue; // not changed locally: the server's value stands
        if (m == t)
            continue; // both sides agree
        const bool theyChanged = t != b;
        if (!theyChanged) {
            out.merged.insert(k, m);
            out.toResend.insert(k, m);
            continue;
        }
        switch (policy.ruleFor(k)) {
        case ConflictRule::ServerWins:
            out.serverWon << k;
            break;
        case ConflictRule::ClientWins:
            out.merged.insert(k, m);
            out.toResend.insert(k, m);
            break;
        case ConflictRule::Merge:
            out.conflicts << k;
            break;
        }
    }
    return out;
}

} // namespace outpost
