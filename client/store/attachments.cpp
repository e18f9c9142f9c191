// SPDX-License-Identifier: MIT
// Files attached offline: copied atomically beside the store, uploaded later by the sync engine.
#include "privatefiles.h"
#include "sealedfile.h"
#include "storejson.h"
#include "storeparts.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSaveFile>

namespace outpost::client {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::client::LocalStore)
};

QList<AttachmentInfo> readAttachments(StoreParts &d, const QString &where, const QVariantList &binds)
{
    QList<AttachmentInfo> out;
    auto q = d.db.run(
        QStringLiteral("SELECT id, case_id, name, mime, size, sha256, local_file, uploaded FROM attachments ")
            + where + QStringLiteral(" ORDER BY created_at, id"),
        binds);
    if (!q)
        return out;
    while (q.value().next()) {
        const QSqlQuery &r = q.value();
        out.append({ r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
            r.value(3).toString(), r.value(4).toLongLong(), r.value(5).toString(), r.value(6).toString(),
            r.value(7).toInt() != 0 });
    }
    return out;
}
} // namespace

Result<QString> LocalEdits::attachFile(const QString &caseId, const QString &filePath)
{
    const auto c = d.cases.load(caseId);
    if (!c)
        return Error(QStringLiteral("not_found"), Tr::tr("Case %1 is not in the offline store.").arg(caseId));
    QFile in(filePath);
    const QFileInfo fi(filePath);
    if (!fi.isFile() || !in.open(QIODevice::ReadOnly))
        return Error(QStringLiteral("validation_failed"), Tr::tr("Cannot read the file %1.").arg(filePath),
            { { QStringLiteral("file"), Tr::tr("Cannot read the file.") } });
    if (in.size() > d.options.maxAttachmentBytes)
        return Error(QStringLiteral("validation_failed"),
            Tr::tr("%1 is larger than %2 MiB.").arg(fi.fileName()).arg(d.options.maxAttachmentBytes >> 20),
            { { QStringLiteral("file"), Tr::tr("The file is too large.") } });
    const QString id = newUuid();
    privatefiles::makeDir(d.attachDir);
    const QString target = QDir(d.attachDir).filePath(id);
    // Sealed with the store's key (sealedfile.h) as it is copied; complete or not there at all.
    const Result<sealedfile::Sealed> sealed
        = sealedfile::write(d.path, in, target, d.options.maxAttachmentBytes);
    if (!sealed) {
        if (sealed.error().code == QLatin1String("validation_failed"))
            return Error(QStringLiteral("validation_failed"),
                Tr::tr("%1 is larger than %2 MiB.")
                    .arg(fi.fileName())
                    .arg(d.options.maxAttachmentBytes >> 20),
                { { QStringLiteral("file"), Tr::tr("The file is too large.") } });
        return Error(
            sealed.error().code, Tr::tr("Copying %1 failed: %2").arg(fi.fileName(), sealed.error().message));
    }
    const qint64 size = sealed->size;
    if (size != fi.size())
        return Error(QStringLiteral("store_io"), Tr::tr("Copying %1 failed.").arg(fi.fileName()));
    const QString mime = QMimeDatabase().mimeTypeForFile(fi).name();
    const QString sha = sealed->sha256;

    SqlTransaction tx(d.db.db());
    Status st = tx.begin();
    if (st.ok())
        st = d.db.exec(
            QStringLiteral(
                "INSERT INTO attachments(id, case_id, name, mime, size, sha256, local_file, uploaded, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)"),
            { id, c->record.id, fi.fileName(), mime, size, sha, target, nowIso() });
    if (st.ok())
        d.db.log(EventLevel::Info, QStringLiteral("queue"),
            Tr::tr("Attached %1 (%2 bytes) to %3; it is uploaded with the next sync.")
                .arg(fi.fileName())
                .arg(size)
                .arg(c->record.id));
    if (st.ok())
        st = tx.commit();
    if (!st.ok()) {
        QFile::remove(target);
        return st.error();
    }
    return id;
}

QList<AttachmentInfo> UploadQueue::attachmentsToUpload() const
{
    return readAttachments(d, QStringLiteral("WHERE uploaded = 0 AND case_id NOT LIKE 'tmp-%'"), {});
}

Status UploadQueue::markAttachmentUploaded(const QString &attachmentId)
{
    return d.db.exec(QStringLiteral("UPDATE attachments SET uploaded = 1 WHERE id = ?"), { attachmentId });
}

QList<AttachmentInfo> StoreReads::attachments(const QString &caseId) const
{
    return readAttachments(d, QStringLiteral("WHERE case_id = ?"), { d.cases.resolve(caseId) });
}

Result<QByteArray> StoreReads::attachmentBytes(const QString &caseId, const QString &sha256) const
{
    const QList<AttachmentInfo> found = readAttachments(
        d, QStringLiteral("WHERE case_id = ? AND sha256 = ?"), { d.cases.resolve(caseId), sha256 });
    if (found.isEmpty())
        return Error(QStringLiteral("not_found"),
            Tr::tr("No attachment of %1 with that sha256 is on this device.").arg(caseId));
    return sealedfile::read(d.path, found.first().localPath);
}

} // namespace outpost::client
