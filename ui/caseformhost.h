// SPDX-License-Identifier: MIT
#pragma once

#include "protocol/caserecord.h"
#include "protocol/casetype.h"
#include "result.h"

#include <QHash>
#include <QJsonObject>

#include <optional>

namespace outpost::ui {

class LookupSource;

/// How a field's value of an open case stands with the server, shown beside the field.
struct FieldSyncMark {
    enum State { Pending, Conflict };
    State state = Pending; ///< Pending: saved here, not sent yet. Conflict: changed on both sides.
    QJsonValue mine; ///< Conflict: the technician's value
    QJsonValue theirs; ///< Conflict: the server's value
};

/// A file made in the form (a drawn signature's PNG) that is saved together with the fields, as an
/// attachment of the case in the same transaction.
struct FormFile {
    QString name;
    QString mime;
    QByteArray bytes;
};

/// What a CaseView needs from the client core: read a case and its type, queue a save or a flow
/// action. The local store implements it (every call is one quick local transaction; nothing waits
/// on the network). Errors come back as values; per-field messages (Error::fields) are shown under
/// the fields.
class CaseFormHost
{
public:
    virtual ~CaseFormHost() = default;
    virtual Result<CaseRecord> caseRecord(const QString &caseId) const = 0;
    virtual Result<CaseType> caseType(const QString &name) const = 0;
    /// The case types a technician may create cases of.
    virtual QList<CaseType> caseTypes() const = 0;
    /// Queues the creation of a case; returns its temp id ("tmp-<uuid>") until the server maps it.
    virtual Result<QString> createCase(const QString &caseType, const QJsonObject &fields) = 0;
    /// Queues an update of `changed` fields, based on `baseEtag`, attaching `files` to the case in
    /// the same transaction (a signature field names the sha256 of one of them).
    virtual Status saveFields(const QString &caseId, const QString &baseEtag, const QJsonObject &changed,
        const QList<FormFile> &files = {})
        = 0;
    /// Queues `changed` (may be empty), `files` and the flow action in one transaction.
    virtual Status runFlowAction(const QString &caseId, const QString &baseEtag, const QString &action,
        const QJsonObject &changed, const QList<FormFile> &files = {})
        = 0;
    /// The bytes of the case's attachment with this sha256 when it is on the device (a signature
    /// drawn here), else empty. Small files only: read on the calling (GUI) thread.
    virtual QByteArray attachmentBytes(const QString &caseId, const QString &sha256) const
    {
        Q_UNUSED(caseId);
        Q_UNUSED(sha256);
        return {};
    }
    /// The fields of `caseId` whose local value is not yet on the server (queued, or in conflict);
    /// fields not named are as the server has them.
    virtual QHash<QString, FieldSyncMark> fieldMarks(const QString &caseId) const
    {
        Q_UNUSED(caseId);
        return {};
    }
    /// The case's current assignment (instructions, due date), if it has one.
    virtual std::optional<Assignment> assignment(const QString &caseId) const
    {
        Q_UNUSED(caseId);
        return std::nullopt;
    }
    /// Data pages for lookup fields; may be null.
    virtual const LookupSource *lookupSource() const = 0;
};

} // namespace outpost::ui
