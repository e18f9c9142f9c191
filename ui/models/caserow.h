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

    bool operator==(const CaseRow &) const = default;
};

CaseRow caseRowFrom(const client::CaseSummary &c, const QHash<QString, QString> &typeTitles);

/// Title per case type name (the title, or the name when the type has none).
QHash<QString, QString> caseTypeTitles(const client::LocalStore &store);

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

/// What a background load hands to the GUI thread (by value): the rows with their index (row of each
/// case id, built on the worker too), or why there are none.
struct CaseRowsLoad {
    QList<CaseRow> rows;
    QHash<QString, int> index;
    WorklistChoices choices;
    Error error;
    qint64 readMs = 0; // open + read + index on the worker thread
    bool ok() const { return error.isNull(); }
};

/// Opens its own connection to `storePath` (call on a worker thread) and reads the worklist.
/// `verify`: run the store's integrity check and queue audit first (when nothing in this process
/// verified the store yet; the sign-in does).
CaseRowsLoad loadCaseRows(const QString &storePath, bool verify);
/// The same without the search texts (shown sooner); loadSearchTexts() reads them afterwards.
CaseRowsLoad loadCaseRowsWithoutSearchText(const QString &storePath);
/// Case id → search text (CaseRow::searchText), on its own connection (call on a worker thread).
QHash<QString, QString> loadSearchTexts(const QString &storePath);

} // namespace outpost::ui
