// SPDX-License-Identifier: MIT
#include "historyview.h"

#include "historymodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace outpost::ui {

HistoryView::HistoryView(QWidget *parent)
    : QWidget(parent)
    , m_model(new HistoryModel(this))
    , m_status(new QLabel(this))
    , m_list(new QListView(this))
    , m_refresh(new QPushButton(tr("Refresh"), this))
{
    setObjectName(QStringLiteral("historyView"));
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);
    m_status->setEnabled(false);
    m_status->hide();
    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setAccessibleName(tr("Case history"));
    m_list->setModel(m_model);
    m_list->setWordWrap(true);
    m_list->setAlternatingRowColors(true);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_refresh->setObjectName(QStringLiteral("historyRefresh"));
    m_refresh->setToolTip(tr("Read the history on this device again"));
    connect(m_refresh, &QPushButton::clicked, this, &HistoryView::refresh);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_refresh);
    auto *lay = new QVBoxLayout(this);
    lay->addWidget(m_status);
    lay->addWidget(m_list, 1);
    lay->addLayout(buttons);
}

void HistoryView::setHost(CaseDetailsHost *host)
{
    if (m_host)
        m_host->disconnect(this);
    m_host = host;
    if (!host)
        return;
    connect(host, &CaseDetailsHost::historyReady, this,
        [this](const QString &caseId, const QList<CaseHistoryEntry> &entries) {
            if (caseId != m_caseId)
                return;
            m_loading = false;
            m_waitingForServer = false;
            m_model->setEntries(entries, &m_type, m_lookup);
            if (entries.isEmpty())
                showStatus(tr("No history for this case on this device yet."));
            else
                m_status->hide();
            m_refresh->setEnabled(true);
            Q_EMIT loaded(entries, true);
            fetchAgainIfAsked();
        });
    connect(host, &CaseDetailsHost::historyUnavailable, this,
        [this](const QString &caseId, const QString &message, bool offline) {
            if (caseId != m_caseId)
                return;
            m_loading = false;
            m_waitingForServer = offline;
            showStatus(m_model->rowCount() > 0 ? tr("%1 Shown is the history as fetched before.").arg(message)
                                               : message);
            m_refresh->setEnabled(true);
            Q_EMIT loaded({}, false);
            fetchAgainIfAsked();
        });
    connect(host, &CaseDetailsHost::onlineChanged, this, [this](bool online) {
        if (online && m_waitingForServer)
            refresh();
    });
}

void HistoryView::setCase(
    const QString &caseId, const CaseType &type, const LookupSource *lookup, bool localOnly)
{
    if (caseId != m_caseId) {
        m_model->clear();
        m_loading = false; // an answer for the previous case is ignored
        m_again = false;
    }
    m_caseId = caseId;
    m_type = type;
    m_lookup = lookup;
    m_localOnly = localOnly;
    m_waitingForServer = false;
    refresh();
}

void HistoryView::refresh()
{
    if (!m_host || m_caseId.isEmpty()) {
        m_model->clear();
        showStatus(tr("No history for a case that is not saved yet."));
        m_refresh->setEnabled(false);
        return;
    }
    if (m_localOnly) {
        m_model->clear();
        showStatus(tr("This case was created on this device and is not on the server yet. Its history "
                      "starts once it is sent."));
        m_refresh->setEnabled(false);
        Q_EMIT loaded({}, false);
        return;
    }
    if (m_loading) {
        m_again = true; // the case changed while a fetch was running: fetch once more after it
        return;
    }
    m_loading = true;
    m_refresh->setEnabled(false);
    if (m_model->rowCount() == 0)
        showStatus(tr("Loading the history…"));
    m_host->fetchHistory(m_caseId);
}

void HistoryView::fetchAgainIfAsked()
{
    if (!m_again)
        return;
    m_again = false;
    refresh();
}

QString HistoryView::statusText() const
{
    return m_status->isHidden() ? QString() : m_status->text();
}

QList<QWidget *> HistoryView::focusWidgets() const
{
    return { m_list, m_refresh };
}

void HistoryView::showStatus(const QString &text)
{
    m_status->setText(text);
    m_status->show();
}

} // namespace outpost::ui
