// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

#include <functional>

class QAction;
class QListView;

namespace outpost::client {
class LocalStore;
}

namespace outpost::ui {

class CaseFormHost;
class MainWindow;

/// The buttons of the Outbox, Conflicts and Sync issues tabs, acting on the store: hold, release
/// and discard (after confirmation) a queued change; resolve a conflict in the ConflictDialog;
/// retry, edit and retry (SyncIssueDialog → retrySyncIssue with the corrected fields and a signature
/// drawn there) or discard
/// (after confirmation) a sync issue; a gone issue offers only Discard, with the reason under the
/// list. Emits localChangeMade after each change.
class QueueActions : public QObject
{
    Q_OBJECT
public:
    QueueActions(MainWindow *window, client::LocalStore *store, CaseFormHost *host);

    QAction *holdAction() const { return m_hold; }
    QAction *releaseAction() const { return m_release; }
    QAction *discardAction() const { return m_discard; }
    QAction *resolveAction() const { return m_resolve; }
    QAction *retryAction() const { return m_retry; }
    QAction *editRetryAction() const { return m_editRetry; }
    QAction *discardIssueAction() const { return m_discardIssue; }

    /// The ConflictDialog for the conflicts of `caseId` (from the Conflicts tab or the open case).
    void resolveConflictOf(const QString &caseId);

Q_SIGNALS:
    void localChangeMade(const QString &caseId);

private:
    QString selectedKey(QListView *view) const;
    QVariant selectedValue(QListView *view) const;
    void holdOrRelease(bool hold);
    void discardQueued();
    void resolveConflict();
    void retryIssue();
    void editIssue();
    void updateIssueActions();
    void discardIssue();
    void confirm(const QString &text, std::function<void()> then);
    void showError(const QString &message);

    MainWindow *m_window;
    client::LocalStore *m_store;
    CaseFormHost *m_host;
    QAction *m_hold;
    QAction *m_release;
    QAction *m_discard;
    QAction *m_resolve;
    QAction *m_retry;
    QAction *m_editRetry;
    QAction *m_discardIssue;
};

} // namespace outpost::ui
