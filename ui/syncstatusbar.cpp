// SPDX-License-Identifier: MIT
#include "syncstatusbar.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

namespace outpost::ui {

namespace {
QToolButton *countButton(const QString &icon, QWidget *parent)
{
    auto *b = new QToolButton(parent);
    b->setIcon(QIcon(icon));
    b->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    b->setAutoRaise(true);
    return b;
}
} // namespace

SyncStatusBar::SyncStatusBar(QWidget *parent)
    : QWidget(parent)
    , m_stateIcon(new QLabel(this))
    , m_stateLabel(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_lastLabel(new QLabel(this))
    , m_pendingButton(countButton(QStringLiteral(":/icons/pending.svg"), this))
    , m_conflictButton(countButton(QStringLiteral(":/icons/conflict.svg"), this))
    , m_syncNow(new QToolButton(this))
    , m_readyButton(countButton(QStringLiteral(":/icons/online.svg"), this))
    , m_signIn(new QToolButton(this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("syncStatusBar"));
    m_stateLabel->setObjectName(QStringLiteral("syncState"));
    m_progress->setObjectName(QStringLiteral("syncProgress"));
    m_progress->setMaximumWidth(160);
    m_progress->setTextVisible(false);
    m_progress->setAccessibleName(tr("Sync progress"));
    m_lastLabel->setObjectName(QStringLiteral("lastSync"));
    m_pendingButton->setObjectName(QStringLiteral("pendingCount"));
    m_conflictButton->setObjectName(QStringLiteral("conflictCount"));
    m_syncNow->setObjectName(QStringLiteral("syncNow"));
    m_syncNow->setText(tr("Sync now"));
    m_syncNow->setIcon(QIcon(QStringLiteral(":/icons/syncing.svg")));
    m_syncNow->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_syncNow->setShortcut(QKeySequence(Qt::Key_F5));
    m_syncNow->setToolTip(tr("Send queued changes and fetch news now (F5)"));

    m_signIn->setObjectName(QStringLiteral("signInAgain"));
    m_signIn->setText(tr("Sign in…"));
    m_signIn->setToolTip(tr("Enter your password so that syncing can go on"));
    m_signIn->hide();
    m_readyButton->setObjectName(QStringLiteral("readyIndicator"));
    m_readyButton->hide();

    auto *lay = new QHBoxLayout(this);
    lay->setContentsMargins(4, 0, 4, 0);
    lay->setSpacing(10);
    lay->addStretch(1);
    lay->addWidget(m_stateIcon);
    lay->addWidget(m_stateLabel);
    lay->addSpacing(8);
    lay->addWidget(m_progress);
    lay->addWidget(m_lastLabel);
    lay->addWidget(m_pendingButton);
    lay->addWidget(m_conflictButton);
    lay->addWidget(m_readyButton);
    lay->addWidget(m_signIn);
    lay->addWidget(m_syncNow);

    connect(m_syncNow, &QToolButton::clicked, this, &SyncStatusBar::syncNowRequested);
    connect(m_signIn, &QToolButton::clicked, this, &SyncStatusBar::signInRequested);
    connect(m_pendingButton, &QToolButton::clicked, this, &SyncStatusBar::pendingClicked);
    connect(m_conflictButton, &QToolButton::clicked, this, &SyncStatusBar::conflictsClicked);
    connect(m_readyButton, &QToolButton::clicked, this, &SyncStatusBar::readyClicked);
    m_tick->setInterval(30 * 1000);
    connect(m_tick, &QTimer::timeout, this, &SyncStatusBar::refresh);
    m_tick->start();
    refresh();
}

void SyncStatusBar::setCompact(bool compact)
{
    if (compact == m_compact)
        return;
    m_compact = compact;
    m_syncNow->setToolButtonStyle(compact ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon);
    refresh();
}

QString SyncStatusBar::stateText() const
{
    return m_stateLabel->text();
}

QString SyncStatusBar::lastSyncText() const
{
    return m_lastLabel->text();
}

QString SyncStatusBar::relativeTime(const QDateTime &then, const QDateTime &now)
{
    if (!then.isValid())
        return tr("never");
    const qint64 secs = then.secsTo(now);
    if (secs < 60)
        return tr("just now");
    if (secs < 3600)
        return tr("%n min ago", nullptr, int(secs / 60));
    if (secs < 24 * 3600)
        return tr("%n h ago", nullptr, int(secs / 3600));
    return QLocale().toString(then.toLocalTime(), QLocale::ShortFormat);
}

void SyncStatusBar::setState(SyncState state)
{
    m_state = state;
    if (state != SyncState::Syncing)
        m_phase.clear();
    refresh();
}

void SyncStatusBar::setStateName(const QString &name)
{
    const QString n = name.toLower();
    if (n == QLatin1String("online") || n == QLatin1String("idle"))
        setState(SyncState::Online);
    else if (n == QLatin1String("syncing"))
        setState(SyncState::Syncing);
    else if (n == QLatin1String("error"))
        setState(SyncState::Error);
    else if (n == QLatin1String("signinrequired"))
        setState(SyncState::SignInRequired);
    else
        setState(SyncState::Offline);
}

void SyncStatusBar::setProgress(const QString &phase, int done, int total)
{
    const bool counting = phase == QLatin1String("fullSync") && total > 0;
    if (!counting)
        m_fullSyncClock.invalidate();
    else if (!m_fullSyncClock.isValid() || done < m_done || total != m_total) {
        m_fullSyncClock.start();
        m_doneAtStart = done;
    }
    m_phase = phase;
    m_done = done;
    m_total = total;
    m_progress->setRange(0, total > 0 ? total : 0); // 0..0: busy indicator
    m_progress->setValue(total > 0 ? qBound(0, done, total) : 0);
    refresh();
}

QString SyncStatusBar::fullSyncText(int done, int total, qint64 elapsedMs, int doneAtStart)
{
    const QLocale locale;
    const QString counts = tr("%1 of %2 cases").arg(locale.toString(done), locale.toString(total));
    // The rate from the first count on: a guess only after a second and some cases.
    const qint64 since = qint64(done) - doneAtStart;
    if (elapsedMs < 1000 || since <= 0 || done >= total)
        return counts;
    const qint64 leftSeconds = qMax<qint64>(1, (elapsedMs * (total - done) / since + 999) / 1000);
    const QString left = leftSeconds < 60 ? tr("%n s", nullptr, int(leftSeconds))
                                          : tr("%n min", nullptr, int((leftSeconds + 59) / 60));
    return tr("%1, about %2 left").arg(counts, left);
}

void SyncStatusBar::setPendingCount(int count)
{
    m_pending = count;
    refresh();
}

void SyncStatusBar::setConflictCount(int count)
{
    m_conflicts = count;
    refresh();
}

void SyncStatusBar::setLastSync(const QDateTime &when)
{
    m_lastSync = when;
    refresh();
}

void SyncStatusBar::setErrorText(const QString &text)
{
    m_error = text;
    refresh();
}

void SyncStatusBar::setReadiness(bool known, bool ready, int reasons)
{
    m_readyKnown = known;
    m_ready = ready;
    m_readyReasons = reasons;
    refresh();
}

void SyncStatusBar::refresh()
{
    QString icon;
    QString text;
    switch (m_state) {
    case SyncState::Offline:
        icon = QStringLiteral(":/icons/offline.svg");
        text = tr("Offline: your work is kept on this device");
        break;
    case SyncState::Online:
        icon = QStringLiteral(":/icons/online.svg");
        text = tr("Online");
        break;
    case SyncState::Syncing:
        icon = QStringLiteral(":/icons/syncing.svg");
        text = m_phase == QLatin1String("upload")  ? tr("Sending changes…")
            : m_phase == QLatin1String("download") ? tr("Receiving updates…")
            : m_phase == QLatin1String("prefetch") && m_total > 0
            ? tr("Attachments: %1 of %2").arg(QLocale().toString(m_done), QLocale().toString(m_total))
            : m_phase == QLatin1String("fullSync") && m_total > 0 ? fullSyncText(
                  m_done, m_total, m_fullSyncClock.isValid() ? m_fullSyncClock.elapsed() : 0, m_doneAtStart)
                                                                  : tr("Syncing…");
        break;
    case SyncState::Error:
        icon = QStringLiteral(":/icons/warning.svg");
        text = tr("Sync problem");
        break;
    case SyncState::SignInRequired:
        icon = QStringLiteral(":/icons/warning.svg");
        // Singular and plural as their own messages: English has no catalog to pick "%n change(s)".
        text = m_pending == 1 ? tr("Sign in again to send 1 change")
            : m_pending > 1   ? tr("Sign in again to send %1 changes").arg(m_pending)
                              : tr("Sign in again to sync");
        break;
    }
    const int px = fontMetrics().height();
    m_stateIcon->setPixmap(QIcon(icon).pixmap(px, px));
    m_stateLabel->setText(text);
    QString tip = text;
    if (m_state == SyncState::Error && !m_error.isEmpty())
        tip = m_error;
    else if (m_state == SyncState::Offline)
        tip = tr("The server cannot be reached. Everything you do is saved here and sent once the "
                 "connection is back.");
    else if (m_state == SyncState::SignInRequired)
        tip = tr("This device has no valid session with the server (signed in offline, signed out or "
                 "expired). Your changes are kept here until you sign in again.");
    QFont f = font();
    f.setBold(m_state != SyncState::Online && m_state != SyncState::Syncing);
    m_stateLabel->setFont(f);
    m_stateLabel->setToolTip(tip);
    m_stateIcon->setToolTip(tip);
    m_stateLabel->setAccessibleName(tr("Connection: %1").arg(text));
    m_progress->setVisible(m_state == SyncState::Syncing);

    m_lastLabel->setText(tr("Last sync: %1").arg(relativeTime(m_lastSync, QDateTime::currentDateTimeUtc())));
    m_lastLabel->setVisible(!m_compact);
    if (m_compact)
        m_stateLabel->setToolTip(tip + QLatin1Char('\n') + m_lastLabel->text());
    if (m_lastSync.isValid())
        m_lastLabel->setToolTip(QLocale().toString(m_lastSync.toLocalTime(), QLocale::LongFormat));

    m_pendingButton->setText(tr("Pending: %1").arg(m_pending));
    m_pendingButton->setToolTip(tr("Changes waiting to be sent"));
    m_pendingButton->setAccessibleName(m_pendingButton->text());
    m_conflictButton->setText(tr("Conflicts: %1").arg(m_conflicts));
    m_conflictButton->setVisible(m_conflicts > 0);
    m_conflictButton->setToolTip(tr("Cases where your changes and the server's need a decision"));
    m_conflictButton->setAccessibleName(m_conflictButton->text());
    m_readyButton->setVisible(m_readyKnown);
    m_readyButton->setIcon(
        QIcon(m_ready ? QStringLiteral(":/icons/online.svg") : QStringLiteral(":/icons/warning.svg")));
    m_readyButton->setText(
        m_ready ? tr("Ready to go offline") : tr("Not ready to go offline (%1)").arg(m_readyReasons));
    m_readyButton->setToolButtonStyle(m_compact ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon);
    m_readyButton->setToolTip(
        tr("%1: what is on this device for a day without the server").arg(m_readyButton->text()));
    m_readyButton->setAccessibleName(m_readyButton->text());
    m_syncNow->setEnabled(m_state != SyncState::Syncing);
    m_syncNow->setVisible(m_state != SyncState::SignInRequired);
    m_signIn->setVisible(m_state == SyncState::SignInRequired);
}

} // namespace outpost::ui
