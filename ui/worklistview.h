// SPDX-License-Identifier: MIT
#pragma once

#include <QTimer>
#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QLineEdit;
class QModelIndex;
class QSettings;
class QTableView;
class QToolButton;
class QHBoxLayout;
class QVBoxLayout;

namespace outpost::ui {

class WorklistCardDelegate;
class WorklistFilterProxy;

/// The worklist: a search box, status/type/queue filters, the quick filters (Mine, Due today,
/// Overdue, Has pending changes) and a sortable table over any model with the roles of
/// worklistroles.h, in the model's plan order until the technician sorts by a column. A click or
/// tap on a row opens the case, and so does Enter; moving through the rows with the keyboard opens
/// the row it stops on while the focus stays in the list. Column widths fit the content until the
/// technician resizes one; then they are kept in QSettings (worklist/columnWidths).
class WorklistView : public QWidget
{
    Q_OBJECT
public:
    explicit WorklistView(QWidget *parent = nullptr);

    /// The view does not take ownership. Filter choices are collected from the model's rows.
    void setModel(QAbstractItemModel *model);
    /// Where column widths are kept (not owned; default: a QSettings of the application).
    void setSettings(QSettings *settings);
    /// Opens rows on a single tap/click (the default) instead of a double-click.
    void setSingleTapOpens(bool on) { m_singleTap = on; }
    /// Touch screens: each row a large card (WorklistCardDelegate) in one column without header;
    /// a single tap opens. Off: the table with its columns as before.
    void setCardMode(bool cards);
    bool isCardMode() const { return m_cards; }
    /// The table's row height (kiosk: touch-sized); cards keep their own height until card mode ends.
    void setRowHeight(int pixels);
    /// Touch: taller rows and filter buttons.
    void setTouchMode(bool on);

    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *statusFilter() const { return m_status; }
    QComboBox *typeFilter() const { return m_type; }
    QComboBox *queueFilter() const { return m_queue; }
    QToolButton *mineFilter() const { return m_mine; }
    QToolButton *dueTodayFilter() const { return m_dueToday; }
    QToolButton *overdueFilter() const { return m_overdue; }
    QToolButton *pendingFilter() const { return m_pending; }
    QTableView *table() const { return m_table; }
    WorklistFilterProxy *proxy() const { return m_proxy; }
    /// The case id of the current row, or empty.
    QString currentCaseId() const;

    /// After the keyboard moved to a row, it opens once the keys rest this long.
    static constexpr int KeyboardOpenDelayMs = 250;

public Q_SLOTS:
    void refreshFilterChoices();

Q_SIGNALS:
    void caseActivated(const QString &caseId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void activate(const QModelIndex &index);
    void updateCount();
    void applyCardMode();
    void arrangeFilters();
    void updateQuickFilters();
    void updateRowHeight();
    void fitColumns();
    void saveColumnWidths();
    bool restoreColumnWidths();
    QSettings *settings();

    QAbstractItemModel *m_model = nullptr;
    WorklistFilterProxy *m_proxy;
    WorklistCardDelegate *m_cardDelegate;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_type;
    QComboBox *m_queue;
    QToolButton *m_mine;
    QToolButton *m_dueToday;
    QToolButton *m_overdue;
    QToolButton *m_pending;
    QWidget *m_quickBar; // the four quick filters: beside the lists when they fit, else below them
    QHBoxLayout *m_filterRow = nullptr;
    QVBoxLayout *m_layout = nullptr;
    QLabel *m_count;
    QTableView *m_table;
    bool m_cards = false;
    int m_tableRowHeight = 0; // the table's row height while in card mode
    QSettings *m_settings = nullptr;
    QSettings *m_ownSettings = nullptr;
    QTimer m_keyboardOpen; // opens the current row once arrowing rests
    QTimer m_tick; // due marks follow the clock
    bool m_singleTap = true;
    bool m_touch = false;
    bool m_doubleClicked = false; // activated() follows from a double-click
    bool m_keyboardMove = false; // the current row moves by a key press
    bool m_refreshPending = false;
    bool m_widthsSet = false; // restored, fitted to content, or set by the technician
    bool m_fitting = false; // widths being set by the view, not the technician
};

} // namespace outpost::ui
