// SPDX-License-Identifier: MIT
#include "queueactions.h"

#include "caseformhost.h"
#include "conflictdialog.h"
#include "keyedlistmodel.h"
#include "localstore.h"
#include "mainwindow.h"
#include "storelistmodels.h"
#include "syncissuedialog.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QListView>
#include <QMessageBox>

namespace outpost::ui {

using namespace outpost::client;

QueueActions::QueueActions(MainWindow *window, LocalStore *store, CaseFormHost *host)
    : QObject(window)
    , m_window(window)
    , m_store(store)
    , m_host(host)
    , m_hold(new QAction(tr("&Hold"), this))
    , m_release(new QAction(tr("&Release"), this))
    , m_discard(new QAction(tr("&Discard…"), this))
    , m_resolve(new QAction(tr("&Resolve…"), this))
    , m_retry(new QAction(tr("&Retry"), this))
    , m_editRetry(new QAction(tr("&Edit and retry…"), this))
    , m_discardIssue(new QAction(tr("&Discard…"), this))
{
    m_hold->setObjectName(QStringLiteral("outboxHold"));
    m_release->setObjectName(QStringLiteral("outboxRelease"));
    m_discard->setObjectName(QStringLiteral("outboxDiscard"));
    m_resolve->setObjectName(QStringLiteral("conflictResolve"));
    m_retry->setObjectName(QStringLiteral("issueRetry"));
    m_editRetry->setObjectName(QStringLiteral("issueEditRetry"));
    m_discardIssue->setObjectName(QStringLiteral("issueDiscard"));
    m_hold->setToolTip(tr("Keep the selected change on this device until it is released"));
    m_release->setToolTip(tr("Send the selected change with the next sync"));
    m_discard->setToolTip(tr("Undo the selected change and remove it from the outbox"));
    m_resolve->setToolTip(tr("Pick per field which value to keep"));
    m_retry->setToolTip(tr("Send the refused change again"));
    m_editRetry->setToolTip(tr("Correct the refused change in its form, then send it again"));
    m_discardIssue->setToolTip(tr("Drop the refused change and undo it on this device"));
    window->addListAction(MainWindow::OutboxTab, m_hold);
    window->addListAction(MainWindow::OutboxTab, m_release);
    window->addListAction(MainWindow::OutboxTab, m_discard);
    window->addListAction(MainWindow::ConflictsTab, m_resolve);
    window->addListAction(MainWindow::SyncIssuesTab, m_editRetry);
    window->addListAction(MainWindow::SyncIssuesTab, m_retry);
    window->addListAction(MainWindow::SyncIssuesTab, m_discardIssue);
    connect(m_hold, &QAction::triggered, this, [this] { holdOrRelease(true); });
    connect(m_release, &QAction::triggered, this, [this] { holdOrRelease(false); });
    connect(m_discard, &QAction::triggered, this, &QueueActions::discardQueued);
    connect(m_resolve, &QAction::triggered, this, &QueueActions::resolveConflict);
    connect(m_retry, &QAction::triggered, this, &QueueActions::retryIssue);
    connect(m_editRetry, &QAction::triggered, this, &QueueActions::editIssue);
    connect(m_discardIssue, &QAction::triggered, this, &QueueActions::discardIssue);
    connect(window->listView(MainWindow::ConflictsTab), &QAbstractItemView::activated, this,
        &QueueActions::resolveConflict);

    // What a sync issue offers depends on the selected one (gone: only Discard).
    QListView *issues = window->listView(MainWindow::SyncIssuesTab);
    connect(issues, &QAbstractItemView::activated, this, [this] {
        if (m_editRetry->isEnabled())
            editIssue();
    });
    if (QItemSelectionModel *sel = issues->selectionModel())
        connect(sel, &QItemSelectionModel::currentChanged, this, &QueueActions::updateIssueActions);
    if (QAbstractItemModel *model = issues->model()) {
        connect(model, &QAbstractItemModel::dataChanged, this, &QueueActions::updateIssueActions);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &QueueActions::updateIssueActions);
        connect(model, &QAbstractItemModel::modelReset, this, &QueueActions::updateIssueActions);
    }
    updateIssueActions();
}

QString QueueActions::selectedKey(QListView *view) const
{
    const QModelIndex i = view->currentIndex();
    return i.isValid() ? i.data(KeyedListModel::KeyRole).toString() : QString();
}

QVariant QueueActions::selectedValue(QListView *view) const
{
    const QModelIndex i = view->currentIndex();
    return i.isValid() ? i.data(KeyedListModel::ValueRole) : QVariant();
}

void QueueActions::showError(const QString &message)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Outpost"), message, QMessageBox::Ok, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void QueueActions::confirm(const QString &text, std::function<void()> then)
{
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Outpost"), text, QMessageBox::Yes | QMessageBox::No, m_window);
    box->setObjectName(QStringLiteral("confirmDiscard"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [box, then](int) {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            then();
    });
    box->open();
}

void QueueActions::holdOrRelease(bool hold)
{
    const QVariant v = selectedValue(m_window->listView(MainWindow::OutboxTab));
    if (!v.canConvert<OutboxEntry>())
        return;
    const OutboxEntry e = v.value<OutboxEntry>();
    const Status s
        = hold ? m_store->edits().holdAction(e.actionId) : m_store->edits().releaseAction(e.actionId);
    if (!s)
        return showError(s.error().message);
    Q_EMIT localChangeMade(e.caseId);
}

void QueueActions::discardQueued()
{
    const QVariant v = selectedValue(m_window->listView(MainWindow::OutboxTab));
    if (!v.canConvert<OutboxEntry>())
        return;
    const OutboxEntry e = v.value<OutboxEntry>();
    confirm(tr("Discard this change? It is undone on this device and never sent.\n\n%1").arg(e.description),
        [this, e] {
            const Status s = m_store->edits().discardAction(e.actionId);
            if (!s)
                return showError(s.error().message);
            Q_EMIT localChangeMade(e.caseId);
        });
}

void QueueActions::resolveConflict()
{
    const QVariant v = selectedValue(m_window->listView(MainWindow::ConflictsTab));
    const auto selected = v.value<QList<client::ConflictEntry>>();
    if (!selected.isEmpty())
        resolveConflictOf(selected.first().caseId);
}

void QueueActions::resolveConflictOf(const QString &caseId)
{
    const QList<client::ConflictEntry> entries = m_store->reads().conflicts(caseId);
    if (entries.isEmpty())
        return;
    const std::optional<LocalCase> c = m_store->reads().caseById(caseId);
    if (!c)
        return showError(tr("Case %1 does not exist.").arg(caseId));
    const std::optional<CaseType> type = m_store->reads().caseType(c->record.caseType);
    if (!type)
        return showError(tr("Case type %1 is not known.").arg(c->record.caseType));
    QList<ui::ConflictEntry> fields;
    for (const client::ConflictEntry &e : entries)
        fields.append({ e.field, e.base, e.mine, e.theirs });
    const QString label
        = c->record.title.isEmpty() ? caseId : QStringLiteral("%1 — %2").arg(caseId, c->record.title);
    auto *dlg = new ConflictDialog(*type, label, fields, m_host->lookupSource(), m_window);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &QDialog::accepted, this, [this, dlg, caseId] {
        const Status s = m_store->edits().resolveConflict(caseId, dlg->resolvedValues());
        if (!s)
            return showError(s.error().message);
        Q_EMIT localChangeMade(caseId);
    });
    dlg->open();
}

void QueueActions::retryIssue()
{
    const QVariant v = selectedValue(m_window->listView(MainWindow::SyncIssuesTab));
    if (!v.canConvert<SyncIssue>())
        return;
    const SyncIssue i = v.value<SyncIssue>();
    if (i.status == ResultStatus::Gone)
        return; // only Discard helps (the action is disabled for these)
    const Status s = m_store->edits().retrySyncIssue(i.actionId);
    if (!s)
        return showError(s.error().message);
    Q_EMIT localChangeMade(i.caseId);
}

void QueueActions::updateIssueActions()
{
    const QVariant v = selectedValue(m_window->listView(MainWindow::SyncIssuesTab));
    const bool has = v.canConvert<SyncIssue>();
    const SyncIssue i = has ? v.value<SyncIssue>() : SyncIssue();
    const bool gone = has && i.status == ResultStatus::Gone;
    m_retry->setEnabled(!gone);
    m_editRetry->setEnabled(!gone && !(has && i.action.type == ActionType::Note));
    m_window->setListDetails(MainWindow::SyncIssuesTab,
        gone ? tr("The server no longer accepts changes to case %1: it was resolved, withdrawn or moved "
                  "out of your reach. Editing it or sending it again cannot help. Discard the change to "
                  "undo it on this device; the server keeps a copy for the office.")
                   .arg(i.caseId)
             : QString());
}

void QueueActions::editIssue()
{
    const QVariant v = selectedValue(m_window->listView(MainWindow::SyncIssuesTab));
    if (!v.canConvert<SyncIssue>())
        return;
    const SyncIssue i = v.value<SyncIssue>();
    if (i.status == ResultStatus::Gone || i.action.type == ActionType::Note)
        return; // nothing to edit (the actions are disabled for these)
    const std::optional<LocalCase> c = m_store->reads().caseById(i.caseId);
    if (!c)
        return showError(tr("Case %1 does not exist.").arg(i.caseId));
    const std::optional<CaseType> type = m_store->reads().caseType(c->record.caseType);
    if (!type)
        return showError(tr("Case type %1 is not known.").arg(c->record.caseType));
    RefusedChange change;
    change.type = *type;
    change.caseLabel
        = c->record.title.isEmpty() ? i.caseId : QStringLiteral("%1 — %2").arg(i.caseId, c->record.title);
    change.description = i.description;
    change.isCreate = i.action.type == ActionType::Create;
    if (i.action.type == ActionType::Transition)
        change.flowAction = i.action.flowAction;
    change.fromStatus = c->serverStatus;
    if (!change.isCreate)
        change.serverFields = c->serverFields;
    change.fields = i.action.fields;
    change.serverMessage = i.error.message;
    change.serverFieldMessages = i.error.fields;
    auto *dlg = new SyncIssueDialog(change, m_host->lookupSource(), m_window);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    const QString actionId = i.actionId;
    const QString caseId = i.caseId;
    // A signature field as on the case screen: a captured one shows from the case's local copy; one
    // drawn here is attached to the case with the retried change.
    CaseFormHost *host = m_host;
    const QString recordId = c->record.id;
    dlg->setAttachmentLoader(
        [host, recordId](const QString &sha256) { return host->attachmentBytes(recordId, sha256); });
    connect(dlg, &SyncIssueDialog::retryRequested, this,
        [this, dlg, actionId, caseId](const QJsonObject &fields, const QList<FormFile> &files) {
            QList<client::NewAttachment> attach;
            for (const FormFile &f : files)
                attach.append({ f.name, f.mime, f.bytes });
            const Status s = m_store->edits().retrySyncIssue(actionId, fields, attach);
            if (!s)
                return dlg->showError(s.error().message, s.error().fields);
            dlg->accept();
            Q_EMIT localChangeMade(m_store->reads().resolveId(caseId));
        });
    dlg->open();
}

void QueueActions::discardIssue()
{
    const QVariant v = selectedValue(m_window->listView(MainWindow::SyncIssuesTab));
    if (!v.canConvert<SyncIssue>())
        return;
    const SyncIssue i = v.value<SyncIssue>();
    confirm(
        tr("Discard this refused change? It is undone on this device.\n\n%1").arg(i.description), [this, i] {
            const Status s = m_store->edits().discardSyncIssue(i.actionId);
            if (!s)
                return showError(s.error().message);
            Q_EMIT localChangeMade(i.caseId);
        });
}

} // namespace outpost::ui
