// SPDX-License-Identifier: MIT
// Files attached offline: copied atomically beside the store, uploaded later by the sync engine.
#include "localstore.h"
#include "privatefiles.h"
#include "sealedfile.h"
#include "storeerrors.h"
#include "storejson.h"
#include "storeparts.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

#include <functional>

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
        if (isDiskFull(sealed.error()))
            return sealed.error();
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

namespace {
/// The attachments the server lists for the cases on the device, in the prefetch's order (soonest
/// due, then the newest cases; in a case the newest attachment first).
void forEachListed(const StoreParts &d, const std::function<void(const PrefetchItem &)> &each)
{
    (void)d.db.forEach(
        QStringLiteral("SELECT id, attachments_json FROM cases WHERE attachments_json <> '[]' "
                       "AND is_local_only = 0 ORDER BY due_at = '', due_at, updated_at DESC, id"),
        {}, [&](const QSqlQuery &q) {
            const QString caseId = q.value(0).toString();
            const QJsonArray list = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).array();
            for (qsizetype i = list.size() - 1; i >= 0; --i) { // the newest first
                const QJsonObject a = list.at(i).toObject();
                const PrefetchItem item { a.value(QLatin1String("id")).toString(), caseId,
                    a.value(QLatin1String("name")).toString(), a.value(QLatin1String("size")).toInteger(),
                    a.value(QLatin1String("sha256")).toString() };
                if (!item.id.isEmpty())
                    each(item);
            }
        });
}

/// Attachments attached on this device whose file is still beside the store.
QSet<QString> attachedHere(const StoreParts &d)
{
    QSet<QString> local;
    (void)d.db.forEach(QStringLiteral("SELECT id, local_file FROM attachments"), {}, [&](const QSqlQuery &q) {
        if (QFileInfo::exists(q.value(1).toString()))
            local.insert(q.value(0).toString());
    });
    return local;
}
} // namespace

PrefetchPlan StoreReads::prefetchPlan(qint64 budgetBytes) const
{
    PrefetchPlan plan;
    const QSet<QString> local = attachedHere(d);
    const QString cacheDir = StoreLocation::cacheDirFor(d.path);
    qint64 used = 0;
    forEachListed(d, [&](const PrefetchItem &item) {
        ++plan.listed;
        const QDir dir(cacheDir + QLatin1Char('/') + item.id);
        if (local.contains(item.id) || (dir.exists() && !dir.isEmpty(QDir::Files))) {
            ++plan.onDevice;
            plan.bytesOnDevice += item.size;
            used += item.size;
            return;
        }
        if (used + item.size > budgetBytes) {
            ++plan.overBudget;
            return;
        }
        used += item.size;
        plan.toFetch.append(item);
    });
    return plan;
}

QSet<QString> StoreReads::cacheWanted(qint64 budgetBytes) const
{
    // Every attachment row is of a case on the device (a case leaving the device takes its rows).
    QSet<QString> wanted;
    (void)d.db.forEach(QStringLiteral("SELECT id FROM attachments"), {},
        [&](const QSqlQuery &q) { wanted.insert(q.value(0).toString()); });
    qint64 used = 0;
    forEachListed(d, [&](const PrefetchItem &item) {
        if (wanted.contains(item.id) || used + item.size > budgetBytes)
            return;
        used += item.size;
        wanted.insert(item.id);
    });
    return wanted;
}

QString StoreReads::cachePathFor(const QString &attachmentId, const QString &name) const
{
    static const QRegularExpression uuid(
        QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    if (!uuid.match(attachmentId).hasMatch())
        return {};
    QString n = QFileInfo(name).fileName();
    for (QChar &c : n)
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c == QLatin1Char(':') || c.unicode() < 32)
            c = QLatin1Char('_');
    while (n.startsWith(QLatin1Char('.')))
        n.remove(0, 1);
    if (n.isEmpty())
        n = attachmentId;
    return StoreLocation::cacheDirFor(d.path) + QLatin1Char('/') + attachmentId + QLatin1Char('/') + n;
}

QString StoreReads::attachmentCopy(const QString &attachmentId) const
{
    const QString local
        = d.db.scalar(QStringLiteral("SELECT local_file FROM attachments WHERE id = ?"), { attachmentId })
              .toString();
    if (!local.isEmpty() && QFileInfo::exists(local))
        return local;
    if (attachmentId.isEmpty() || attachmentId.contains(QLatin1Char('/'))
        || attachmentId.startsWith(QLatin1Char('.')))
        return {};
    const QDir dir(StoreLocation::cacheDirFor(d.path) + QLatin1Char('/') + attachmentId);
    const QStringList files = dir.entryList(QDir::Files | QDir::Hidden, QDir::Name);
    return files.isEmpty() ? QString() : dir.filePath(files.first());
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
