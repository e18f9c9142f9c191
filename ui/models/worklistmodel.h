// SPDX-License-Identifier: MIT
#pragma once

#include "caserow.h"

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QTimer>

namespace outpost::client {
class LocalStore;
}

namespace outpost::ui {

/// The worklist over the local store: one row per case, the roles of worklistroles.h on column 0,
/// the columns of WorklistColumn. The whole list (tens of thousands of cases) is read off the GUI
/// thread (QtConcurrent, its own store connection, rows and their index built there) and handed
/// over by value in one reset; changed cases are refreshed one row at a time through the GUI
/// thread's store (one indexed read each), with exact row notifications (dataChanged /
/// rowsInserted / rowsRemoved). Bursts of large changes (the pages of a full sync) become at most
/// one background reload per ReloadIntervalMs, the last one after the burst.
class StoreWorklistModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    /// `store` is the GUI thread's store (single-row reads); it must outlive the model. `userId`: the
    /// signed-in technician, whose cases come first (IsMineRole).
    explicit StoreWorklistModel(
        client::LocalStore *store, const QString &userId = {}, QObject *parent = nullptr);
    ~StoreWorklistModel() override;

    /// Reads every case on a worker thread; `verify` runs the store's open-time checks there.
    /// Emits loaded() (or loadFailed()) when the rows are in.
    void reload(bool verify = false);
    /// Sets rows read elsewhere (e.g. by the session's first load) in one reset.
    void setRows(const QList<CaseRow> &rows);
    /// Taken by value: pass it moved, so that the model's rows share nothing (a shared list is
    /// copied whole by the first change of one row).
    void setRows(CaseRowsLoad load);
    /// Reads the rows' search texts in the background and adds them (dataChanged, SearchTextRole and
    /// SearchTextKeyRole):
    /// after setRows() with rows read without them (loadCaseRowsWithoutSearchText).
    void loadSearchTexts();
    /// A reload is running or due.
    bool isLoading() const { return m_loading || m_reloadTimer.isActive() || m_textsLoading; }
    /// Re-reads these cases (ids as the engine reports them). Larger sets reload in the background.
    void refreshCases(const QStringList &caseIds);
    void refreshCase(const QString &caseId) { refreshCases({ caseId }); }

    int rowOf(const QString &caseId) const { return m_index.value(caseId, -1); }
    CaseRow rowAt(int row) const { return m_rows.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    /// Sorts the rows (one layout change); reloads then come sorted from the worker, refreshed rows
    /// move to their place. Column -1: the plan order (see WorklistSort).
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    WorklistSort sortOrder() const { return m_sort; }

    /// More changed cases than this are re-read with a background reload.
    static constexpr int MaxRowRefresh = 200;
    /// Background reloads for large changes start at most this often.
    static constexpr int ReloadIntervalMs = 1000;

Q_SIGNALS:
    void loaded(int rows);
    void loadFailed(const QString &message);

private:
    void onLoaded();
    void scheduleReload();
    void addFilterChoices(const CaseRow &row);
    void reindex(int from = 0, int to = -1); // rows from..to (-1: the last; 0..-1: all)
    void removeRow(int row);
    void remapTempIds();
    int sortedPosition(const CaseRow &row, int skip = -1) const;
    void updateRow(int row, const CaseRow &fresh);

    client::LocalStore *m_store;
    QList<CaseRow> m_rows;
    QHash<QString, int> m_index;
    QString m_me;
    RowContext m_context; // for single-row refreshes
    QFutureWatcher<CaseRowsLoad> m_watcher;
    QFutureWatcher<QHash<QString, CaseSearchText>> m_texts;
    bool m_loading = false; // from reload() until its rows are in (the future may finish earlier)
    bool m_textsLoading = false; // from loadSearchTexts() until the texts are in (likewise)
    bool m_reloadAgain = false;
    QTimer m_reloadTimer; // a throttled reload is due
    QElapsedTimer m_sinceReload;
    WorklistChoices m_choices; // headerData(FilterChoicesRole)
    WorklistSort m_sort;
};

} // namespace outpost::ui
