// SPDX-License-Identifier: MIT
#include "updateaction.h"

#include "storejson.h"

namespace outpost::client {

PendingUpdate PendingUpdate::create(
    const QString &caseId, const QString &etag, const QJsonObject &changed, const QJsonObject &before)
{
    Action a;
    a.type = ActionType::Update;
    a.caseId = caseId;
    return resend(a, etag, changed, before);
}

PendingUpdate PendingUpdate::resend(
    const Action &old, const QString &etag, const QJsonObject &fields, const QJsonObject &before)
{
    PendingUpdate u;
    u.action = old;
    u.action.id = newUuid();
    u.action.baseEtag = etag;
    u.action.fields = fields;
    u.action.clientTime = nowIso();
    for (auto it = fields.begin(); it != fields.end(); ++it)
        u.baseFields.insert(it.key(), orNull(before.value(it.key())));
    return u;
}

void PendingUpdate::fold(const QJsonObject &changed, const QJsonObject &before)
{
    for (auto it = changed.begin(); it != changed.end(); ++it) {
        if (!baseFields.contains(it.key()))
            baseFields.insert(it.key(), orNull(before.value(it.key())));
        action.fields.insert(it.key(), it.value());
    }
}

} // namespace outpost::client
