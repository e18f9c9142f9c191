// SPDX-License-Identifier: MIT
#pragma once

#include "caseform.h"
#include "protocol/caserecord.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QScrollArea;
class QSplitter;
class QVBoxLayout;

namespace outpost::ui {

class CaseDetailsHost;
class CaseDetailsPane;
class CaseFormHost;
class FlowActionBar;
class ServerChangedBanner;

/// One open case: header, the generated CaseForm, Save / Revert, the flow-action bar, the
/// "changed on the server" banner and, with a CaseDetailsHost, notes, attachments and history. Server updates
/// (casesChanged) reload in place when nothing is being edited; otherwise the edits are kept and the banner
/// offers review/merge or reload.
class CaseView : public QWidget
{
    Q_OBJECT
public:
    /// `host` must outlive the view.
    explicit CaseView(CaseFormHost *host, QWidget *parent = nullptr);
    /// Notes, attachments and history under the form (hidden while null). Must outlive the view.
    void setDetailsHost(CaseDetailsHost *details);

    /// Loads the case; false (with a message shown) when it cannot be read.
    bool openCase(const QString &caseId);
    /// An empty form for a new case of `caseType` (required fields checked on Save).
    bool newCase(const QString &caseType);
    bool isNewCase() const { return m_form && m_record.id.isEmpty(); }
    QString caseId() const { return m_record.id; }
    CaseForm *form() const { return m_form; }
    /// The form holds edits that are not saved yet.
    bool hasUnsavedEdits() const { return m_form && m_form->isDirty(); }
    FlowActionBar *flowBar() const { return m_flowBar; }
    ServerChangedBanner *banner() const { return m_banner; }
    CaseDetailsPane *details() const { return m_details; }
    QPushButton *saveButton() const { return m_save; }
    QString messageText() const;
    /// "Your change and the server's differ…" with "Resolve…", shown while the case has conflicts.
    QWidget *conflictBar() const { return m_conflictBar; }
    /// The case left the technician's scope (completed, reassigned) while it was open.
    bool isGone() const { return m_gone; }
    /// Tablet: Save, Revert and the flow actions in a bar along the bottom edge (under the notes and
    /// history); desk: right under the form.
    void setActionsAtBottom(bool bottom);

public Q_SLOTS:
    /// Connect to SyncController::casesChanged.
    void onCasesChanged(const QStringList &caseIds);
    bool save();
    /// Drops the unsaved edits: the form shows the case as stored again.
    void revert();
    /// Re-reads which fields are saved here but not sent, or in conflict (after a local change
    /// made elsewhere, e.g. a conflict resolved from the Conflicts tab).
    void refreshMarks();

Q_SIGNALS:
    void saved(const QString &caseId);
    void caseCreated(const QString &caseId);
    void caseTransitioned(const QString &caseId, const QString &action);
    /// "Resolve…" of the conflict bar.
    void conflictResolutionRequested(const QString &caseId);
    /// The open case left the technician's scope (see isGone()).
    void caseGone(const QString &caseId);

protected:
    /// Wide: notes, attachments and history beside the form; otherwise below it.
    void resizeEvent(QResizeEvent *event) override;

private:
    void showForm(const QJsonObject &fields, RulesEngine::Mode mode);
    void runAction(const QString &action);
    void reviewServerChanges();
    void showMessage(const QString &text, bool error);
    void updateHeader();
    void updateButtons();
    void showDetails();
    void caseLeft();

    CaseFormHost *m_host;
    CaseRecord m_record;
    CaseType m_type;
    QJsonObject m_clashBase; // the base the local edits started from, for "Review and merge"
    QStringList m_clashing;
    QLabel *m_title;
    QLabel *m_meta;
    QLabel *m_message;
    QLabel *m_due;
    QLabel *m_instructions;
    QWidget *m_conflictBar;
    QLabel *m_conflictText;
    QString m_lastAction; // label of the flow action run here on this case, for "done and sent"
    bool m_gone = false;
    bool m_messageOk = false; // the message line shows a success (green), not an error or a note
    bool m_sentNotice = false; // the "sent with the next sync" line shows, until it is sent
    ServerChangedBanner *m_banner;
    QScrollArea *m_scroll;
    QSplitter *m_split;
    CaseDetailsPane *m_details;
    bool m_localOnly = false;
    QPointer<CaseForm> m_form;
    FlowActionBar *m_flowBar;
    QPushButton *m_save;
    QPushButton *m_revert;
    QWidget *m_actions;
    QVBoxLayout *m_formLayout;
};

} // namespace outpost::ui
