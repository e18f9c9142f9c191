// SPDX-License-Identifier: MIT
#pragma once

#include "casedetailshost.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;

namespace outpost::ui {

class NotesModel;

/// The notes of the open case and "Add note". The server's notes come from its history (set by the
/// owner once fetched); notes queued here are read from the host and marked pending. Adding queues
/// the note in one local transaction and the list shows it at once.
class NotesPanel : public QWidget
{
    Q_OBJECT
public:
    explicit NotesPanel(QWidget *parent = nullptr);

    void setHost(CaseDetailsHost *host) { m_host = host; }
    /// Shows the notes of `caseId` (the server's are unknown until setServerNotes()).
    void setCase(const QString &caseId);
    /// The server's notes (from its history); `known` false: they could not be fetched.
    void setServerNotes(const QList<CaseNote> &notes, bool known);
    /// Re-reads the notes queued here.
    void refresh();

    NotesModel *model() const { return m_model; }
    QListView *list() const { return m_list; }
    QPlainTextEdit *editor() const { return m_editor; }
    QPushButton *addButton() const { return m_add; }
    QString messageText() const;
    /// What the panel says above the list ("No notes yet.", server notes not reachable...).
    QString statusText() const;
    QList<QWidget *> focusWidgets() const;

public Q_SLOTS:
    /// Queues the editor's text as a note; false (message shown, text kept) when it is refused.
    bool addNote();

Q_SIGNALS:
    void countChanged(int count);

private:
    void showMessage(const QString &text, bool error);
    void updateButtons();

    QPointer<CaseDetailsHost> m_host;
    QString m_caseId;
    QList<CaseNote> m_serverNotes;
    bool m_serverKnown = false;
    bool m_serverFailed = false;
    NotesModel *m_model;
    QLabel *m_status;
    QListView *m_list;
    QPlainTextEdit *m_editor;
    QPushButton *m_add;
    QLabel *m_message;
};

} // namespace outpost::ui
