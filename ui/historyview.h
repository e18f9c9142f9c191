// SPDX-License-Identifier: MIT
#pragma once

#include "casedetailshost.h"
#include "protocol/casetype.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace outpost::ui {

class HistoryModel;
class LookupSource;

/// The server's history of the open case as a readable list, fetched asynchronously when the case
/// opens, on "Refresh" and when the case changes on the server. Offline, or a case not on the
/// server yet: a plain message instead of the list (no error dialog); what was fetched stays.
class HistoryView : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryView(QWidget *parent = nullptr);

    void setHost(CaseDetailsHost *host);
    /// `localOnly`: created here and not sent yet (nothing to ask the server for).
    void setCase(const QString &caseId, const CaseType &type, const LookupSource *lookup, bool localOnly);

    HistoryModel *model() const { return m_model; }
    QListView *list() const { return m_list; }
    QPushButton *refreshButton() const { return m_refresh; }
    QString statusText() const;
    bool isLoading() const { return m_loading; }
    QList<QWidget *> focusWidgets() const;

public Q_SLOTS:
    /// Fetches the history again (when online and the case is on the server).
    void refresh();

Q_SIGNALS:
    /// Every fetch that ends: the entries (oldest first), or `ok` false when none could be had.
    void loaded(const QList<outpost::ui::CaseHistoryEntry> &entries, bool ok);

private:
    void showStatus(const QString &text);
    void fetchAgainIfAsked();

    QPointer<CaseDetailsHost> m_host;
    QString m_caseId;
    CaseType m_type;
    const LookupSource *m_lookup = nullptr;
    bool m_localOnly = false;
    bool m_loading = false;
    bool m_again = false;
    bool m_waitingForServer = false; // offline last time: fetch when it is back
    HistoryModel *m_model;
    QLabel *m_status;
    QListView *m_list;
    QPushButton *m_refresh;
};

} // namespace outpost::ui
