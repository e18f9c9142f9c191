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
    qint64 dueAtMs = 0; // the assignment's due date, ms since the epoch (0: none)
    QString instructions;
    QString priority; // choice value
    QString priorityLabel; // in people's words
    QString site; // the lookup's label (the key without one)
    QString statusLabel; // the status in people's words
    bool mine = false; // assigned to the signed-in technician
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

/// What turns the store's list rows into worklist rows: who is signed in, the case types' titles,
/// the statuses in people's words, the sites' labels. Read once per load (on the loader's thread)
/// and handed to the model with the rows, which uses it for single-row refreshes.
struct RowContext {
    QString me; // the signed-in user id
    QHash<QString, QString> typeTitles; // name → title (the name when the type has none)
    QHash<QString, QString> statusLabels; // "<type>\n<status>" → words, every status of every type
    QHash<QString, QString> priorityLabels; // "<type>\n<value>" → words, every priority choice
    QHash<QString, QHash<QString, QString>> siteLabels; // case type → site key → label

    static RowContext read(const client::StoreReads &store, const QString &me);
    QString statusLabel(const QString &caseType, const QString &status) const;
    QString priorityLabel(const QString &caseType, const QString &priority) const;
};

CaseRow caseRowFrom(const client::CaseSummary &c, const RowContext &context);

/// SearchKeyRole: the id and the title case-folded, one line each (a search never spans both).
QString searchKeyOf(const QString &id, const QString &title);
/// SearchTextKeyRole: the search text case-folded, as UTF-8.
QByteArray searchTextKeyOf(const QString &searchText);

/// What the worklist shows: every open case of the store (the store holds only the user's scope).
client::CaseFilter worklistFilter();

/// The values the worklist's filters offer (value → label), as FilterChoicesRole reports them.
struct WorklistChoices {
    QMap<QString, QString> statuses;
    QMap<QString, QString> types; // name → title
    QMap<QString, QString> queues;
    void add(const CaseRow &row);
    /// Adds the choices of rows collected apart (a value is the same for its key in both).
    void merge(const WorklistChoices &other);
    QVariantMap toVariant() const;
};

/// The worklist's order: a column of WorklistColumn, or -1 for the plan order (the technician's
/// own cases first, by due date, then the pools by due date; no due date last; then the most
/// recently updated first). Texts compare case-insensitively, "Due" and "Updated" by time,
/// "Priority" by rank; ties keep the plan order.
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
    RowContext context; // what the rows were made with
    WorklistSort sort; // the rows' order
    Error error;
    qint64 readMs = 0; // open + read + index on the worker thread
    bool ok() const { return error.isNull(); }
};

/// Opens its own connection to `storePath` (call on a worker thread) and reads the worklist.
/// `verify`: run the store's integrity check and queue audit first (when nothing in this process
/// verified the store yet; the sign-in does).
/// `sort`: the order the rows come in (sorted and indexed there too). `me`: the signed-in user.
CaseRowsLoad loadCaseRows(const QString &storePath, bool verify, WorklistSort sort, const QString &me);
/// The same without the search texts (shown sooner); loadSearchTexts() reads them afterwards.
CaseRowsLoad loadCaseRowsWithoutSearchText(const QString &storePath, const QString &me);
/// A case's search text with its case-folded key (CaseRow::searchText, CaseRow::searchTextKey).
struct CaseSearchText {
    QString text;
    QByteArray key;
};
/// Case id → search text, on its own connection (call on a worker thread; the keys are folded there).
QHash<QString, CaseSearchText> loadSearchTexts(const QString &storePath);

} // namespace outpost::ui
