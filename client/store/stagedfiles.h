// SPDX-License-Identifier: MIT
// Internal to outpost_store: files made on the device that go in with an edit (a drawn signature).
#pragma once

#include "result.h"
#include "storetypes.h"

#include "protocol/casetype.h"

#include <QJsonObject>
#include <QList>
#include <QMap>

namespace outpost::client {

struct StoreParts;

/// Writes the files (sealed, beside the store) before the edit's transaction, inserts their rows
/// inside it, and removes the files again unless keep() was called once the transaction committed:
/// there is never a row without its file, nor an edit whose signature has no file.
class StagedFiles
{
public:
    StagedFiles(StoreParts &parts, const QString &caseId);
    ~StagedFiles();
    StagedFiles(const StagedFiles &) = delete;
    StagedFiles &operator=(const StagedFiles &) = delete;

    /// Seals and writes each file; "validation_failed" when one is too large.
    Status write(const QList<NewAttachment> &files);
    /// The client's half of the server's check (protocol.md, *Signature fields*): every signature
    /// `fields` sets names a file staged here or an attachment `c` already has (on the device or on
    /// the server). Messages per field; empty when all are found.
    QMap<QString, QString> checkSignatures(
        const CaseType &type, const LocalCase &c, const QJsonObject &fields) const;
    /// Inside the edit's transaction.
    Status insertRows();
    /// The transaction committed: the files stay.
    void keep() { m_keep = true; }

private:
    struct Staged {
        QString id, name, mime, sha256, path;
        qint64 size = 0;
    };
    StoreParts &d;
    QString m_caseId;
    QList<Staged> m_files;
    bool m_keep = false;
};

} // namespace outpost::client
