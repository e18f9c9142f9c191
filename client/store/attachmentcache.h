// SPDX-License-Identifier: MIT
// The cache of attachment copies beside the store ("<store>.cache/<id>/<name>", sealed): filled by
// opening an attachment and by the background prefetch (sync::AttachmentPrefetcher).
#pragma once

#include <QDateTime>

namespace outpost::client {

class LocalStore;

namespace attachmentcache {

struct PruneReport {
    int removed = 0; ///< copies removed
    int kept = 0; ///< copies left in place
};

/// Removes the copies in the cache of `store` that were not touched for `maxAgeDays` days (by
/// `now`) and that nothing on the device still wants: a copy the prefetch plan keeps
/// (StoreReads::cacheWanted: an attachment of a case on the device, within `budgetBytes`) stays
/// however old it is, so that it still opens offline. What goes: copies of attachments no case on
/// the device lists any more, and old copies beyond the budget. Quick: one listing of the cache and
/// one read of the cases with attachments.
PruneReport prune(const LocalStore &store, qint64 budgetBytes, int maxAgeDays,
    const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace attachmentcache
} // namespace outpost::client
