// SPDX-License-Identifier: MIT
#pragma once

#include "affected.h"
#include "principal.h"
#include "tx.h"

namespace outpost::server {

/// Attachment files live in one directory, named by their uuid, written atomically (QSaveFile).
class AttachmentStore
{
public:
    AttachmentStore(Database &db, QString dir)
        : m_db(db)
        , m_dir(std::move(dir))
    { }

    /// A canonical lower-case UUID (8-4-4-4-12 hex); nothing else ever becomes a file name.
    static bool isCanonicalUuid(const QString &id);

    struct PutOutcome {
        bool created = false; // 201, else 200 (same bytes again)
        QJsonObject body; // {"id", "size", "sha256"}
        Affected affected;
    };
    /// Errors: not_found / forbidden (case), conflict (same uuid, other bytes), bad_request.
    Result<PutOutcome> put(const Principal &user, const QString &id, const QString &caseId,
        const QString &name, const QString &mime, const QByteArray &bytes);

    struct File {
        QByteArray mime;
        QByteArray bytes;
    };
    /// Errors: not_found, forbidden (scope of its case).
    Result<File> get(const Principal &user, const QString &id);

    const QString &dir() const { return m_dir; }

private:
    Database &m_db;
    QString m_dir;
};

} // namespace outpost::server
