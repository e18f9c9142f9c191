// SPDX-License-Identifier: MIT
#include "casedetailspane.h"

#include "attachmentspanel.h"
#include "casedetailshost.h"
#include "historyview.h"
#include "notespanel.h"

#include <QTabBar>

namespace outpost::ui {

CaseDetailsPane::CaseDetailsPane(QWidget *parent)
    : QTabWidget(parent)
    , m_notes(new NotesPanel(this))
    , m_attachments(new AttachmentsPanel(this))
    , m_history(new HistoryView(this))
{
    setObjectName(QStringLiteral("caseDetails"));
    setAccessibleName(tr("Case details"));
    setDocumentMode(true);
    addTab(m_notes, QString());
    addTab(m_attachments, QString());
    addTab(m_history, QString());
    updateTitles();

    connect(m_notes, &NotesPanel::countChanged, this, [this](int n) {
        m_noteCount = n;
        updateTitles();
    });
    connect(m_attachments, &AttachmentsPanel::countChanged, this, [this](int n) {
        m_attachmentCount = n;
        updateTitles();
    });
    connect(m_history, &HistoryView::loaded, this, [this](const QList<CaseHistoryEntry> &entries, bool ok) {
        QList<CaseNote> notes;
        int n = 0;
        for (const CaseHistoryEntry &e : entries) {
            ++n;
            if (e.action != QLatin1String("note"))
                continue;
            notes.append({ e.at.toString(Qt::ISODateWithMs) + QLatin1Char('|') + e.by + QLatin1Char('|')
                    + QString::number(n),
                e.at, e.by, e.text, false, {} });
        }
        m_notes->setServerNotes(notes, ok || m_localOnly); // a case not sent yet has no server notes
        if (ok)
            m_attachments->refresh(); // the server's list may have moved on too
    });
}

void CaseDetailsPane::setHost(CaseDetailsHost *host)
{
    if (m_host)
        m_host->disconnect(this);
    m_host = host;
    m_notes->setHost(host);
    m_attachments->setHost(host);
    m_history->setHost(host);
    if (host)
        connect(host, &CaseDetailsHost::detailsChanged, this, [this](const QString &caseId) {
            if (caseId != m_caseId)
                return;
            m_notes->refresh();
            m_attachments->refresh();
        });
}

void CaseDetailsPane::setCase(
    const QString &caseId, const CaseType &type, const LookupSource *lookup, bool localOnly)
{
    m_caseId = caseId;
    m_localOnly = localOnly;
    m_notes->setCase(caseId);
    m_attachments->setCase(caseId);
    m_history->setCase(caseId, type, lookup, localOnly);
}

void CaseDetailsPane::onCasesChanged(const QStringList &caseIds)
{
    if (m_caseId.isEmpty() || !caseIds.contains(m_caseId))
        return;
    m_notes->refresh();
    m_attachments->refresh();
    m_history->refresh();
}

QList<QWidget *> CaseDetailsPane::focusWidgets() const
{
    QList<QWidget *> out { tabBar() };
    out << m_notes->focusWidgets() << m_attachments->focusWidgets() << m_history->focusWidgets();
    return out;
}

void CaseDetailsPane::updateTitles()
{
    setTabText(NotesTab, m_noteCount > 0 ? tr("No&tes (%1)").arg(m_noteCount) : tr("No&tes"));
    setTabText(AttachmentsTab,
        m_attachmentCount > 0 ? tr("Attach&ments (%1)").arg(m_attachmentCount) : tr("Attach&ments"));
    setTabText(HistoryTab, tr("Histor&y"));
}

} // namespace outpost::ui
