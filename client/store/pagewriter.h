// SPDX-License-Identifier: MIT
// Internal to outpost_store: the statements that write a page of the changes feed (ServerPages).
#pragma once

#include "result.h"

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

#include <optional>

#ifdef OUTPOST_RAW_SQLITE
#include "rawquery.h"
#endif

namespace outpost::client {

class StoreDb;
struct StoreParts;

/// One of PageWriter's statements: straight through SQLite (RawStatement) where the driver uses
/// the system's SQLite, through QSqlQuery where it has its own copy. QByteArray values bind as
/// UTF-8 text either way (compact JSON), QString as text, an empty QString as '' (not NULL).
class PageStatement
{
public:
    explicit PageStatement(StoreDb &db);
    bool prepare(const QString &sql);
    /// Binds, runs and resets; a failure is a store_io error (and a warning in the log).
    Status run(const QVariantList &binds);
    QString error() const;

private:
    StoreDb &m_db;
#ifdef OUTPOST_RAW_SQLITE
    std::optional<RawStatement> m_statement;
    QString m_error;
#else
    QSqlQuery m_query;
#endif
};

/// Statements prepared once per page: a full sync runs them hundreds of thousands of times.
struct PageWriter {
    explicit PageWriter(StoreParts &parts, qint64 generation);

    StoreParts &d;
    qint64 gen;
    PageStatement upsertCase;
    PageStatement removeCaseFiles; // its uploaded files' rows (with none left to upload)
    PageStatement removeCase;
    PageStatement markRemoved;
    PageStatement upsertRow;
    PageStatement removeRow;
    PageStatement upsertAssignment;
    PageStatement removeAssignment;
    PageStatement upsertHistory;
    PageStatement removeHistory;
    PageStatement removeCaseHistory;

    /// The first statement that could not be prepared and why, or an empty string.
    QString prepare();
    static Status run(PageStatement &q, const QVariantList &binds) { return q.run(binds); }
};

} // namespace outpost::client
