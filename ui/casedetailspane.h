// SPDX-License-Identifier: MIT
#pragma once

#include "casedetailshost.h"
#include "protocol/casetype.h"

#include <QPointer>
#include <QTabWidget>

namespace outpost::ui {

class AttachmentsPanel;
class HistoryView;
class LookupSource;
class NotesPanel;

/// The tabs under a case's form: Notes, Attachments, History. The history fetched from the server
/// also gives the notes panel the server's notes.
class CaseDetailsPane : public QTabWidget
{
    Q_OBJECT
public:
    enum Tab { NotesTab, AttachmentsTab, HistoryTab };

    explicit CaseDetailsPane(QWidget *parent = nullptr);

    /// May be null (then the pane stays empty).
    void setHost(CaseDetailsHost *host);
    CaseDetailsHost *host() const { return m_host; }
    /// Shows the details of `caseId` (empty: a case not saved yet).
    void setCase(const QString &caseId, const CaseType &type, const LookupSource *lookup, bool localOnly);
    /// Connect to SyncController::casesChanged (via the CaseView): re-reads and fetches the history.
    void onCasesChanged(const QStringList &caseIds);

    NotesPanel *notes() const { return m_notes; }
    AttachmentsPanel *attachments() const { return m_attachments; }
    HistoryView *history() const { return m_history; }
    QList<QWidget *> focusWidgets() const;

private:
    void updateTitles();

    QPointer<CaseDetailsHost> m_host;
    QString m_caseId;
    bool m_localOnly = false;
    NotesPanel *m_notes;
    AttachmentsPanel *m_attachments;
    HistoryView *m_history;
    int m_noteCount = 0;
    int m_attachmentCount = 0;
};

} // namespace outpost::ui
