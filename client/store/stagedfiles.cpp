// SPDX-License-Identifier: MIT
#include "stagedfiles.h"

#include "privatefiles.h"
#include "sealedfile.h"
#include "storeerrors.h"
#include "storejson.h"
#include "storeparts.h"

#include "rules/rulesengine.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace outpost::client {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::client::LocalStore)
};
} // namespace

StagedFiles::StagedFiles(StoreParts &parts, const QString &caseId)
    : d(parts)
    , m_caseId(caseId)
{ }

StagedFiles::~StagedFiles()
{
    if (!m_keep)
        for (const Staged &f : std::as_const(m_files))
            QFile::remove(f.path);
}

Status StagedFiles::write(const QList<NewAttachment> &files)
{
    for (const NewAttachment &file : files) {
        if (file.bytes.size() > d.options.maxAttachmentBytes)
            return Error(QStringLiteral("validation_failed"),
                Tr::tr("%1 is larger than %2 MiB.").arg(file.name).arg(d.options.maxAttachmentBytes >> 20),
                { { QStringLiteral("file"), Tr::tr("The file is too large.") } });
        Staged s;
        s.id = newUuid();
        s.name = file.name;
        s.mime = file.mime;
        s.path = QDir(d.attachDir).filePath(s.id);
        privatefiles::makeDir(d.attachDir);
        const Result<sealedfile::Sealed> sealed = sealedfile::write(d.path, file.bytes, s.path);
        if (!sealed && isDiskFull(sealed.error()))
            return sealed.error();
        if (!sealed)
            return Error(
                sealed.error().code, Tr::tr("Saving %1 failed: %2").arg(file.name, sealed.error().message));
        s.size = sealed->size;
        s.sha256 = sealed->sha256;
        m_files.append(s);
    }
    return Status::success();
}

QMap<QString, QString> StagedFiles::checkSignatures(
    const CaseType &type, const LocalCase &c, const QJsonObject &fields) const
{
    QMap<QString, QString> errors;
    const QMap<QString, QString> refs = RulesEngine::signatureRefs(type, fields);
    if (refs.isEmpty())
        return errors;
    QSet<QString> known;
    for (const Staged &f : m_files)
        known.insert(f.sha256);
    for (const AttachmentRef &a : c.record.attachments)
        known.insert(a.sha256);
    if (auto q
        = d.db.run(QStringLiteral("SELECT sha256 FROM attachments WHERE case_id = ?"), { c.record.id }))
        while (q.value().next())
            known.insert(q.value().value(0).toString());
    for (auto it = refs.cbegin(); it != refs.cend(); ++it) {
        const FieldDef *f = type.field(it.key());
        if (RulesEngine::isSha256Hex(it.value()) && !known.contains(it.value()))
            errors.insert(it.key(),
                //: A signature field names a picture the case does not have.
                Tr::tr("%1: the signature's picture is not attached to the case.")
                    .arg(f ? f->label : it.key()));
    }
    return errors;
}

Status StagedFiles::insertRows()
{
    for (const Staged &f : std::as_const(m_files)) {
        Status st = d.db.exec(
            QStringLiteral(
                "INSERT INTO attachments(id, case_id, name, mime, size, sha256, local_file, uploaded, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)"),
            { f.id, m_caseId, f.name, f.mime, f.size, f.sha256, f.path, nowIso() });
        if (!st.ok())
            return st;
        d.db.log(EventLevel::Info, QStringLiteral("queue"),
            Tr::tr("Attached %1 (%2 bytes) to %3; it is uploaded with the next sync.")
                .arg(f.name)
                .arg(f.size)
                .arg(m_caseId));
    }
    return Status::success();
}

} // namespace outpost::client
