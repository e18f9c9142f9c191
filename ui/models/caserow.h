// SPDX-License-Identifier: MIT
#pragma once

#include "localstore.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QVariantMap>

namespace outpost::ui {

/// One worklist row as a plain value (built on the loader thread, handed to the GUI by value).
struct CaseRow {
    QString id;
    QString caseType;
    QString typeTitle;
    QString status;
    QString queue;
    QString assignee;
    QString title;
    QDateTime updatedAt;
    int pending = 0;
    bool conflict = false;
    bool issue = false;
    bool resolved = false;
    QString searchText;
    // What the search box matches, case-folded off the GUI thread (searchKeyOf, searchTextKeyOf), so
    // that a keystroke compares plain code units: the id and the title, and the search text.
    QString searchKey;
    QByteArray searchTextKey; // UTF-8: half the bytes to scan, and memmem

    bool operator==(const CaseRow &) const = default;
};

CaseRow caseRowFrom(const client::CaseSummary &c, const QHash<QString, QString> &typeTitles);

/// SearchKeyRole: the id and the title case-folded, one line each (a search never spans both).
QString searchKeyOf(const QString &id, const QString &title);
/// SearchTextKeyRole: the search text case-folded, as UTF-8.
QByteArray searchTextKeyOf(const QString &searchText);

/// Title per case type name (the title, or the name when the type has none).
QHash<QString, QString> caseTypeTitles(const client::StoreReads &store);

/// What the worklist shows: every open case of the store (the store holds only the user's scope).
client::CaseFilter worklistFilter();

/// The values the worklist's filters offer (value → label), as FilterChoicesRole reports them.
struct WorklistChoices {
    QMap<QString, QString> statuses;
    QMap<QString, QString> types; // name → title
    QMap<QString, QString> queues;
    void add(const CaseRow &row);
    QVariantMap toVariant() const;
};

/// The worklist's order: a column of WorklistColumn, or -1 for the store's (most recently updated
/// first). Texts compare case-insensitively, "Updated" by time, as QSortFilterProxyModel would; ties
/// keep the store's order.
struct WorklistSort {
    int column = -1;
    Qt::SortOrder order = Qt::AscendingOrder;
    bool operator==(const WorklistSort &) const = default;
};
/// `a` comes before `b` in this order (strictly).
bool sortsBefore(const CaseRow &a, const CaseRow &b, WorklistSort sort);
/// Sorts stably (call on a worker thread for a whole list).
void sortRows(QList<CaseRow> &rows, WorklistSort sort);

/// What a background load hands to the GUI thread (by value): the rows with their index (row of each
/// case id, built on the worker too), or why there are none.
struct CaseRowsLoad {
    QList<CaseRow> rows;
    QHash<QString, int> index;
    WorklistChoices choices;
    WorklistSort sort; // the rows' order
    Error error;
    qint64 readMs = 0; // open + read + index on the worker thread
    bool ok() const { return error.isNull(); }
};

/// Opens its own connection to `storePath` (call on a worker thread) and reads the worklist.
/// `verify`: run the store's integrity check and queue audit first (when nothing in this process
/// verified the store yet; the sign-in does).
/// `sort`: the order the rows come in (sorted and indexed there too).
CaseRowsLoad loadCaseRows(const QString &storePath, bool verify, WorklistSort sort = {});
/// The same without the search texts (shown sooner); loadSearchTexts() reads them afterwards.
CaseRowsLoad loadCaseRowsWithoutSearchText(const QString &storePath);
/// A case's search text with its case-folded key (CaseRow::searchText, CaseRow::searchTextKey).
struct CaseSearchText {
    QString text;
    QByteArray key;
};
/// Case id → search text, on its own connection (call on a worker thread; the keys are folded there).
QHash<QString, CaseSearchText> loadSearchTexts(const QString &storePath);

} // namespace outpost::ui
