// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "attachmentspanel.h"
#include "casedetailspane.h"
#include "caseformhost.h"
#include "casespane.h"
#include "caseview.h"
#include "eventlogview.h"
#include "settingsdialog.h"
#include "syncstatusbar.h"
#include "worklistfilterproxy.h"
#include "worklistview.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QResizeEvent>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace outpost::ui {

MainWindow::MainWindow(QSettings &settings, QWidget *parent)
    : QMainWindow(parent)
    , m_settings(settings)
    , m_central(new QStackedWidget(this))
    , m_tabs(new QTabWidget(this))
    , m_lockPage(new QWidget(this))
    , m_worklist(new WorklistView(this))
    , m_caseStack(new QStackedWidget(this))
    , m_noCase(new QLabel(this))
    , m_eventLog(new EventLogView(this))
    , m_sync(new SyncStatusBar(this))
    , m_user(new QLabel(this))
    , m_fileAccess(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Outpost"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/outpost.svg")));

    m_worklist->setSettings(&m_settings); // column widths
    m_noCase->setText(tr("Select a case in the worklist to open it."));
    m_noCase->setAlignment(Qt::AlignCenter);
    m_noCase->setEnabled(false);
    m_caseStack->addWidget(m_noCase);

    m_cases = new CasesPane(m_worklist, m_caseStack, this); // desk or tablet arrangement
    m_tabs->setObjectName(QStringLiteral("mainTabs"));
    // A narrow window (a portrait tablet, German) shortens the tabs' words instead of hiding tabs
    // behind scroll arrows too small to tap.
    m_tabs->setUsesScrollButtons(false);
    m_tabs->setElideMode(Qt::ElideRight);
    m_tabs->addTab(m_cases, tr("&Cases"));
    m_tabs->addTab(listTab(&m_outbox, tr("Nothing is waiting to be sent."), tr("Outbox")),
        QIcon(QStringLiteral(":/icons/pending.svg")), tr("&Outbox"));
    m_tabs->addTab(listTab(&m_conflicts, tr("No conflicts."), tr("Conflicts")),
        QIcon(QStringLiteral(":/icons/conflict.svg")), tr("Co&nflicts"));
    m_tabs->addTab(listTab(&m_issues, tr("No sync issues."), tr("Sync issues")),
        QIcon(QStringLiteral(":/icons/warning.svg")), tr("Sync &issues"));
    m_tabs->addTab(m_eventLog, tr("&Event log"));
    auto *lockIcon = new QLabel(m_lockPage);
    lockIcon->setPixmap(QIcon(QStringLiteral(":/icons/outpost.svg")).pixmap(96, 96));
    lockIcon->setAlignment(Qt::AlignCenter);
    auto *lockText = new QLabel(tr("Locked. Sign in to continue; your work is kept."), m_lockPage);
    lockText->setAlignment(Qt::AlignCenter);
    lockText->setWordWrap(true);
    auto *lockLay = new QVBoxLayout(m_lockPage);
    // Low on the page: the sign-in dialog sits in the middle (it cut this to "…ept." before).
    lockLay->addStretch(1);
    lockLay->addWidget(lockIcon);
    lockLay->addWidget(lockText);
    lockLay->addSpacing(32);
    m_central->addWidget(m_tabs);
    m_central->addWidget(m_lockPage);
    setCentralWidget(m_central);

    m_user->setObjectName(QStringLiteral("signedInUser"));
    statusBar()->addWidget(m_user);
    statusBar()->addPermanentWidget(m_sync); // no stretch: showMessage() needs the room on the left
    statusBar()->setSizeGripEnabled(false);

    connect(m_worklist, &WorklistView::caseActivated, this, &MainWindow::openCase);
    // Queued: the table's selection model has moved its current row by the time this runs.
    connect(m_worklist->proxy(), &QAbstractItemModel::rowsRemoved, this, &MainWindow::followOpenCase,
        Qt::QueuedConnection);
    connect(m_sync, &SyncStatusBar::syncNowRequested, this, &MainWindow::syncNowRequested);
    connect(m_sync, &SyncStatusBar::signInRequested, this, &MainWindow::signInAgainRequested);
    connect(
        m_sync, &SyncStatusBar::conflictsClicked, this, [this] { m_tabs->setCurrentIndex(ConflictsTab); });
    connect(m_sync, &SyncStatusBar::pendingClicked, this, [this] { m_tabs->setCurrentIndex(OutboxTab); });
    buildMenus();
    resize(1200, 760);
}

QWidget *MainWindow::listTab(QListView **view, const QString &emptyText, const QString &accessibleName)
{
    auto *page = new QWidget(this);
    auto *empty = new QLabel(emptyText, page);
    empty->setAlignment(Qt::AlignCenter);
    empty->setEnabled(false);
    *view = new QListView(page);
    (*view)->setAccessibleName(accessibleName);
    (*view)->setAlternatingRowColors(true);
    (*view)->setEditTriggers(QAbstractItemView::NoEditTriggers);
    (*view)->hide();
    auto *details = new QLabel(page);
    details->setObjectName(QStringLiteral("listDetails"));
    details->setWordWrap(true);
    details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    details->setAccessibleName(tr("%1: details").arg(accessibleName));
    details->hide();
    auto *lay = new QVBoxLayout(page);
    lay->addWidget(empty, 1);
    lay->addWidget(*view, 1);
    lay->addWidget(details);
    page->setProperty("emptyLabel", QVariant::fromValue(static_cast<QObject *>(empty)));
    return page;
}

void MainWindow::buildMenus()
{
    auto *syncNow = new QAction(QIcon(QStringLiteral(":/icons/syncing.svg")), tr("&Sync now"), this);
    connect(syncNow, &QAction::triggered, this, &MainWindow::syncNowRequested);
    auto *settings = new QAction(tr("S&ettings…"), this);
    settings->setObjectName(QStringLiteral("settings"));
    settings->setShortcut(QKeySequence::Preferences);
    connect(settings, &QAction::triggered, this, &MainWindow::showSettings);
    auto *signOut = new QAction(tr("Sign &out"), this);
    signOut->setObjectName(QStringLiteral("signOut"));
    signOut->setToolTip(tr("Sign out and return to sign-in; queued work stays on this device"));
    connect(signOut, &QAction::triggered, this, &MainWindow::requestSignOut);
    m_signOut = signOut;
    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence::Quit);
    connect(m_quit, &QAction::triggered, this, &QWidget::close);
    m_exitKiosk = new QAction(tr("Exit kiosk mode…"), this);
    m_exitKiosk->setObjectName(QStringLiteral("exitKiosk"));
    m_exitKiosk->setVisible(false);
    connect(m_exitKiosk, &QAction::triggered, this, &MainWindow::exitKioskRequested);
    m_newCase = new QAction(tr("&New case"), this);
    m_newCase->setObjectName(QStringLiteral("newCase"));
    m_newCase->setShortcut(QKeySequence::New);
    m_newCase->setMenu(new QMenu(this));
    m_newCase->setEnabled(false);
    connect(m_newCase, &QAction::triggered, this, [this] {
        const QList<QAction *> types = m_newCase->menu()->actions();
        if (types.size() == 1)
            types.first()->trigger();
    });
    auto *find = new QAction(tr("&Find case"), this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(CasesTab);
        m_cases->showList(); // tablet: the search is on the list's page
        m_worklist->setFocus();
        if (auto *w = m_worklist->findChild<QWidget *>(QStringLiteral("worklistSearch")))
            w->setFocus();
    });
    addAction(find);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newCase);
    file->addAction(syncNow);
    file->addAction(settings);
    file->addSeparator();
    file->addAction(signOut);
    file->addAction(m_quit);

    auto *tools = addToolBar(tr("Main"));
    tools->setObjectName(QStringLiteral("mainToolBar"));
    tools->setMovable(false);
    tools->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    tools->addAction(m_newCase);
    tools->addAction(syncNow);
    tools->addAction(settings);
    tools->addAction(signOut);
    tools->addAction(m_exitKiosk);
    m_toolBars << tools;
}

void MainWindow::fillNewCaseMenu()
{
    QMenu *menu = m_newCase->menu();
    menu->clear();
    if (m_host) {
        for (const CaseType &t : m_host->caseTypes()) {
            const QString name = t.name;
            menu->addAction(t.title.isEmpty() ? t.name : t.title, this, [this, name] { newCase(name); });
        }
    }
    // The menu's enabled state drives the action's (also when the window is enabled again).
    menu->setEnabled(!menu->isEmpty());
    m_newCase->setEnabled(!menu->isEmpty());
}

void MainWindow::newCase(const QString &caseType)
{
    if (!m_caseView)
        return;
    if (m_caseView->hasUnsavedEdits() && !m_caseView->save())
        return;
    if (m_caseView->newCase(caseType)) {
        m_caseStack->setCurrentWidget(m_caseView);
        m_cases->showCase();
        m_tabs->setCurrentIndex(CasesTab);
    }
}

void MainWindow::setLocked(bool locked)
{
    m_central->setCurrentWidget(locked ? m_lockPage : static_cast<QWidget *>(m_tabs));
    for (QToolBar *bar : std::as_const(m_toolBars))
        bar->setEnabled(!locked);
    menuBar()->setEnabled(!locked);
    m_sync->setEnabled(!locked);
}

bool MainWindow::isLocked() const
{
    return m_central->currentWidget() == m_lockPage;
}

void MainWindow::setWorklistModel(QAbstractItemModel *model)
{
    m_worklist->setModel(model);
}

void MainWindow::setCaseHost(CaseFormHost *host)
{
    m_host = host;
    delete m_caseView;
    m_caseView = nullptr;
    m_caseStack->setCurrentWidget(m_noCase);
    m_cases->showList();
    if (host) {
        m_caseView = new CaseView(host, this);
        m_caseView->setDetailsHost(m_details);
        m_caseView->details()->attachments()->setFileAccess(&m_fileAccess);
        connect(m_caseView, &CaseView::conflictResolutionRequested, this,
            &MainWindow::conflictResolutionRequested);
        connect(m_caseView, &CaseView::caseGone, this, &MainWindow::followOpenCase);
        m_caseStack->addWidget(m_caseView);
    }
    fillNewCaseMenu();
}

void MainWindow::requestSignOut()
{
    if (m_adminGate)
        m_adminGate(AdminAction::SignOut, [this] { signOutNow(); });
    else
        signOutNow();
}

void MainWindow::signOutNow()
{
    if (m_caseView && m_caseView->hasUnsavedEdits()) {
        askAboutUnsavedEdits([this] { Q_EMIT signOutRequested(); });
        return;
    }
    Q_EMIT signOutRequested();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeConfirmed || !m_caseView || !m_caseView->hasUnsavedEdits()) {
        QMainWindow::closeEvent(event);
        return;
    }
    event->ignore();
    askAboutUnsavedEdits([this] {
        m_closeConfirmed = true;
        close();
        m_closeConfirmed = false;
    });
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    fitStatusBar();
}

void MainWindow::fitStatusBar()
{
    // Leave out "Signed in as …" first, then the sync status's words that have a tooltip.
    m_sync->setCompact(false);
    const bool room = width() >= m_user->sizeHint().width() + m_sync->sizeHint().width() + 24;
    m_user->setVisible(room && !m_user->text().isEmpty());
    m_sync->setCompact(width() < m_sync->sizeHint().width() + 24);
}

void MainWindow::askAboutUnsavedEdits(const std::function<void()> &proceed)
{
    m_tabs->setCurrentIndex(CasesTab);
    const QString id = m_caseView->caseId();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Unsaved changes"),
        id.isEmpty() ? tr("The new case is not saved yet.")
                     : tr("Case %1 has changes that are not saved yet.").arg(id),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmUnsaved"));
    box->setInformativeText(tr("Save keeps them on this device and sends them with the next sync."));
    box->setDefaultButton(QMessageBox::Save);
    // The app's own words (Qt's catalogs may be missing on the device; "Discard" must not read like
    // the form's "Revert").
    box->button(QMessageBox::Save)->setText(tr("&Save"));
    box->button(QMessageBox::Discard)->setText(tr("Do&n't save"));
    box->button(QMessageBox::Cancel)->setText(tr("Cancel"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, proceed] {
        const QMessageBox::StandardButton choice = box->standardButton(box->clickedButton());
        if (!m_caseView)
            return;
        if (choice == QMessageBox::Save) {
            if (m_caseView->save())
                proceed(); // invalid edits stay on screen with their messages
        } else if (choice == QMessageBox::Discard) {
            m_caseView->revert();
            proceed();
        }
    });
    box->open();
}

void MainWindow::clearSession()
{
    // Dialogs of the session (conflicts, sync issues, confirmations, settings) go first: they may
    // hold the session's data.
    for (QDialog *dlg : findChildren<QDialog *>())
        if (dlg->isVisible())
            dlg->close();
    setCaseHost(nullptr);
    setCaseDetailsHost(nullptr);
    setWorklistModel(nullptr);
    setOutboxModel(nullptr);
    setConflictsModel(nullptr);
    setSyncIssuesModel(nullptr);
    setEventLogModel(nullptr);
    for (Tab tab : { OutboxTab, ConflictsTab, SyncIssuesTab })
        setListDetails(tab, QString());
    setSignedInUser(QString());
    statusBar()->clearMessage();
    m_sync->setPendingCount(0);
    m_sync->setConflictCount(0);
    m_sync->setLastSync(QDateTime());
    m_sync->setErrorText(QString());
    m_sync->setState(SyncState::Offline);
    m_tabs->setCurrentIndex(CasesTab);
}

void MainWindow::setCaseDetailsHost(CaseDetailsHost *details)
{
    m_details = details;
    if (m_caseView)
        m_caseView->setDetailsHost(details);
}

static void bindList(QListView *view, QAbstractItemModel *model)
{
    view->setModel(model);
    auto *empty = qobject_cast<QLabel *>(view->parentWidget()->property("emptyLabel").value<QObject *>());
    const auto update = [view, empty, model] {
        const bool has = model && model->rowCount() > 0;
        view->setVisible(has);
        if (empty)
            empty->setVisible(!has);
    };
    update();
    if (model) {
        QObject::connect(model, &QAbstractItemModel::rowsInserted, view, update);
        QObject::connect(model, &QAbstractItemModel::rowsRemoved, view, update);
        QObject::connect(model, &QAbstractItemModel::modelReset, view, update);
    }
}

void MainWindow::setOutboxModel(QAbstractItemModel *model)
{
    bindList(m_outbox, model);
}
void MainWindow::setConflictsModel(QAbstractItemModel *model)
{
    bindList(m_conflicts, model);
}
void MainWindow::setSyncIssuesModel(QAbstractItemModel *model)
{
    bindList(m_issues, model);
}
void MainWindow::setEventLogModel(QAbstractItemModel *model)
{
    m_eventLog->setModel(model);
}

QListView *MainWindow::listView(Tab tab) const
{
    switch (tab) {
    case OutboxTab:
        return m_outbox;
    case ConflictsTab:
        return m_conflicts;
    case SyncIssuesTab:
        return m_issues;
    default:
        return nullptr;
    }
}

void MainWindow::addListAction(Tab tab, QAction *action)
{
    QListView *view = listView(tab);
    if (!view || !action)
        return;
    QWidget *page = view->parentWidget();
    auto *bar = page->findChild<QWidget *>(QStringLiteral("listButtons"), Qt::FindDirectChildrenOnly);
    if (!bar) {
        bar = new QWidget(page);
        bar->setObjectName(QStringLiteral("listButtons"));
        auto *row = new QHBoxLayout(bar);
        row->setContentsMargins(0, 0, 0, 0);
        row->addStretch(1);
        static_cast<QVBoxLayout *>(page->layout())->insertWidget(0, bar);
    }
    auto *button = new QToolButton(bar);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *row = static_cast<QHBoxLayout *>(bar->layout());
    row->insertWidget(row->count() - 1, button);
    view->addAction(action);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    // At once, not deleteLater(): the next session adds its own buttons before the event loop might
    // get to deferred deletions, and a dead row must never show.
    connect(
        action, &QObject::destroyed, bar, [button = QPointer<QToolButton>(button)] { delete button.data(); });
    // Actions apply to the current row (and do nothing without one).
}

void MainWindow::setListDetails(Tab tab, const QString &text)
{
    QListView *view = listView(tab);
    if (!view)
        return;
    auto *label = view->parentWidget()->findChild<QLabel *>(QStringLiteral("listDetails"));
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

QString MainWindow::listDetails(Tab tab) const
{
    QListView *view = listView(tab);
    auto *label = view ? view->parentWidget()->findChild<QLabel *>(QStringLiteral("listDetails")) : nullptr;
    return label && !label->isHidden() ? label->text() : QString();
}

void MainWindow::setKioskMode(bool kiosk)
{
    menuBar()->setVisible(!kiosk);
    m_quit->setVisible(!kiosk);
    m_exitKiosk->setVisible(kiosk);
    m_fileAccess.setKiosk(kiosk);
    m_worklist->setTouchMode(kiosk);
    m_cases->setAlwaysTablet(kiosk);
    const int icon = kiosk ? 32 : style()->pixelMetric(QStyle::PM_ToolBarIconSize);
    for (QToolBar *bar : findChildren<QToolBar *>())
        bar->setIconSize(QSize(icon, icon));
}

void MainWindow::setSignedInUser(const QString &displayName)
{
    m_user->setText(displayName.isEmpty() ? QString() : tr("Signed in as %1").arg(displayName));
    fitStatusBar();
}

void MainWindow::openCase(const QString &caseId)
{
    if (!m_caseView)
        return;
    if (m_caseView->hasUnsavedEdits() && m_caseView->caseId() != caseId && !m_caseView->save()) {
        m_cases->showCase(); // tablet: the case with its messages fills the window
        return; // invalid edits stay on screen with their messages; nothing is lost
    }
    m_caseView->openCase(caseId); // built while a tablet's case page is hidden: laid out once
    m_caseStack->setCurrentWidget(m_caseView);
    m_cases->showCase();
    m_tabs->setCurrentIndex(CasesTab);
}

void MainWindow::followOpenCase()
{
    QItemSelectionModel *sel = m_worklist->table()->selectionModel();
    if (!sel || !m_caseView || m_caseStack->currentWidget() != m_caseView)
        return;
    // A row that went (the case left, or a filter hides it now) hands the selection to its
    // neighbour; that neighbour is not what the pane shows.
    const QString open = m_caseView->isGone() ? QString() : m_caseView->caseId();
    const QString current = m_worklist->currentCaseId();
    if (!current.isEmpty() && current != open)
        sel->clear();
}

void MainWindow::onCasesChanged(const QStringList &caseIds)
{
    if (m_caseView)
        m_caseView->onCasesChanged(caseIds);
}

void MainWindow::setAdminGate(AdminGate gate)
{
    m_adminGate = gate;
    m_fileAccess.setAdminGate(std::move(gate));
}

void MainWindow::showSettings()
{
    if (m_adminGate)
        m_adminGate(AdminAction::OpenSettings, [this] { openSettingsDialog(); });
    else
        openSettingsDialog();
}

void MainWindow::openSettingsDialog()
{
    auto *dlg = new SettingsDialog(m_settings, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    dlg->setFileAccess(&m_fileAccess);
    connect(dlg, &SettingsDialog::settingsSaved, this, &MainWindow::settingsChanged);
    connect(dlg, &SettingsDialog::pinRejected, this, [this](int failures, int waitSeconds) {
        reportSecurityEvent(
            tr("Wrong current administrator PIN in the settings (%1 in a row; next try in %2 s).")
                .arg(failures)
                .arg(waitSeconds));
    });
    dlg->open();
}

} // namespace outpost::ui
