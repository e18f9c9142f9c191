// SPDX-License-Identifier: MIT
// Internal to outpost_store: what the roles of one LocalStore instance share.
#pragma once

#include "casetable.h"
#include "localstore.h"
#include "outboxtable.h"
#include "storedb.h"

namespace outpost::client {

/// One instance's connection and tables. LocalStore owns it; its roles (LocalEdits, UploadQueue,
/// ServerPages, StoreReads) hold a reference. Lives and dies on one thread.
struct StoreParts {
    StoreParts(QString storePath, QString connection, const LocalStore::Options &opts)
        : path(std::move(storePath))
        , attachDir(StoreLocation::attachmentsDirFor(path))
        , options(opts)
        , db(std::move(connection))
        , outbox(db)
        , cases(db, outbox)
    { }
    StoreParts(const StoreParts &) = delete;
    StoreParts &operator=(const StoreParts &) = delete;

    const QString path;
    const QString attachDir;
    const LocalStore::Options options;
    int version = 0;
    bool integrityChecked = false; // open() ran PRAGMA integrity_check
    StoreDb db;
    OutboxTable outbox;
    CaseTable cases;
};

} // namespace outpost::client
