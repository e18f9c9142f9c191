// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/casetype.h"

#include <QJsonObject>
#include <QStringList>

namespace outpost {

/// Three-way, per-field merge of a local edit with the server's copy of a case.
/// base: the fields the edit started from; mine: base plus the local edit; theirs: the server now.
struct MergeOutcome {
    QJsonObject merged;     // the fields as they should read after the merge (conflicting ones: theirs)
    QJsonObject toResend;   // the local changes that still differ from the server and win
    QStringList conflicts;  // fields changed on both sides to different values, policy "merge"
    QStringList serverWon;  // fields the server's copy kept by policy "serverWins"
};

MergeOutcome mergeFields(const QJsonObject &base, const QJsonObject &mine, const QJsonObject &theirs,
                         const ConflictPolicy &policy);

} // namespace outpost
