// SPDX-License-Identifier: MIT
#pragma once

#include "result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

namespace outpost::ui {

/// A note on a case: one the server has (from the case's history) or one queued on this device.
struct CaseNote {
    QString key; // stable: the action id of a queued note, "<at>|<by>|<n>" for the server's
    QDateTime at;
    QString by;
    QString text;
    bool pending = false; // queued here, not on the server yet
    QString problem; // the server refused it (sync issue): its message
};

/// An attachment of a case as the technician sees it.
struct CaseAttachment {
    enum class State {
        Pending, // copied beside the store, uploaded with the next sync
        Uploaded, // on the server, the local copy still here
        OnServer, // on the server only: opened after a download
    };
    QString id; // uuid
    QString name;
    QString mime;
    qint64 size = 0;
    QString sha256;
    State state = State::Pending;
};

/// One entry of the server's history of a case (protocol v1, GET /cases/{id}/history).
struct CaseHistoryEntry {
    QDateTime at;
    QString by;
    QString action; // create, update, transition, note, attach, ...
    QJsonObject changes; // {"field": [old, new]}
    QString text; // a note's text
};

/// What the notes, attachments and history panels of an open case need. The store and the network
/// sit behind it: reads and addNote are quick local transactions on the GUI thread; adding and
/// downloading files and fetching the history are asynchronous and report through the signals
/// (the GUI thread never waits for the network or a file copy).
class CaseDetailsHost : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// Notes queued on this device (and refused ones), oldest first.
    virtual QList<CaseNote> localNotes(const QString &caseId) const = 0;
    /// Queues a note in one local transaction (validation errors come back, nothing queued).
    virtual Status addNote(const QString &caseId, const QString &text) = 0;
    /// The case's attachments: the server's and those waiting for upload, in the order added.
    virtual QList<CaseAttachment> attachments(const QString &caseId) const = 0;
    /// Copies the file beside the store and queues its upload → attachmentAdded / attachmentFailed.
    virtual void addAttachment(const QString &caseId, const QString &filePath) = 0;
    /// A local file to open (downloaded first when the server has the only copy)
    /// → attachmentProgress..., then attachmentReady / attachmentFailed.
    virtual void fetchAttachment(const QString &caseId, const QString &attachmentId) = 0;
    /// The server's history → historyReady / historyUnavailable.
    virtual void fetchHistory(const QString &caseId) = 0;
    /// Whether the server can be reached now (as far as the sync engine knows).
    virtual bool isOnline() const = 0;

Q_SIGNALS:
    void attachmentAdded(const QString &caseId, const QString &attachmentId);
    /// `attachmentId` is empty when adding failed.
    void attachmentFailed(const QString &caseId, const QString &attachmentId, const QString &message);
    void attachmentProgress(const QString &attachmentId, qint64 received, qint64 total);
    /// The file's `content` (plaintext, in memory only: on disk it stays sealed) and its `name`.
    void attachmentReady(
        const QString &caseId, const QString &attachmentId, const QString &name, const QByteArray &content);
    void historyReady(const QString &caseId, const QList<outpost::ui::CaseHistoryEntry> &entries);
    /// `offline`: the server could not be reached (not an error of the request).
    void historyUnavailable(const QString &caseId, const QString &message, bool offline);
    /// Notes or attachments of the case changed here (a note queued, a file added).
    void detailsChanged(const QString &caseId);
    void onlineChanged(bool online);
};

} // namespace outpost::ui

Q_DECLARE_METATYPE(outpost::ui::CaseHistoryEntry)
