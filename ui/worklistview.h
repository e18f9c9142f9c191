// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace outpost::ui {

class WorklistCardDelegate;
class WorklistFilterProxy;

/// The worklist: a search box, status/type/queue filters and a sortable table over any model with
/// the roles of worklistroles.h. Enter, double-click or tap on a row opens the case.
class WorklistView : public QWidget
{
    Q_OBJECT
public:
    explicit WorklistView(QWidget *parent = nullptr);

    /// The view does not take ownership. Filter choices are collected from the model's rows.
    void setModel(QAbstractItemModel *model);
    /// Opens rows on a single tap/click (kiosk) instead of a double-click.
    void setSingleTapOpens(bool on) { m_singleTap = on; }
    /// Touch screens: each row a large card (WorklistCardDelegate) in one column without header;
    /// a single tap opens. Off: the table with its columns as before.
    void setCardMode(bool cards);
    bool isCardMode() const { return m_cards; }
    /// The table's row height (kiosk: touch-sized); cards keep their own height until card mode ends.
    void setRowHeight(int pixels);

    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *statusFilter() const { return m_status; }
    QComboBox *typeFilter() const { return m_type; }
    QComboBox *queueFilter() const { return m_queue; }
    QTableView *table() const { return m_table; }
    WorklistFilterProxy *proxy() const { return m_proxy; }
    /// The case id of the current row, or empty.
    QString currentCaseId() const;

public Q_SLOTS:
    void refreshFilterChoices();

Q_SIGNALS:
    void caseActivated(const QString &caseId);

private:
    void activate(const QModelIndex &index);
    void updateCount();
    void applyCardMode();

    QAbstractItemModel *m_model = nullptr;
    WorklistFilterProxy *m_proxy;
    WorklistCardDelegate *m_cardDelegate;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_type;
    QComboBox *m_queue;
    QLabel *m_count;
    QTableView *m_table;
    bool m_singleTap = false;
    bool m_cards = false;
    int m_tableRowHeight = 0; // the table's row height while in card mode
    bool m_refreshPending = false;
};

} // namespace outpost::ui
