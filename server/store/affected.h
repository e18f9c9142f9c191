// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/caserecord.h"

#include <QSet>
#include <QString>

namespace outpost::server {

/// Who must hear about a committed write: the assignees and queues of the cases it touched (and the
/// administrators), or everyone (reference data), or a forced full sync.
struct Affected {
    QSet<QString> users;
    QSet<QString> queues;
    bool admins = false;
    bool everyone = false;
    bool fullSync = false; // {"type":"fullSyncRequired"} instead of {"type":"changes"}

    void addCase(const CaseRecord &c)
    {
        if (!c.assignee.isEmpty())
            users.insert(c.assignee);
        if (!c.queue.isEmpty())
            queues.insert(c.queue);
        admins = true;
    }
    void merge(const Affected &o)
    {
        users.unite(o.users);
        queues.unite(o.queues);
        admins = admins || o.admins;
        everyone = everyone || o.everyone;
        fullSync = fullSync || o.fullSync;
    }
    bool isEmpty() const { return users.isEmpty() && queues.isEmpty() && !admins && !everyone; }
};

} // namespace outpost::server
