// SPDX-License-Identifier: MIT
#pragma once

#include "datapagecsv.h"
#include "tx.h"

#include <QJsonArray>

namespace outpost::server {

/// Reference data for administrators: the data pages with their row counts, and each page as CSV
/// out and in. An import replaces the page in one write transaction, all or nothing; only rows that
/// really changed are stamped in the feed (upserts), rows left out become tombstones (removes), so
/// devices receive the difference at their next sync.
class DataPageStore
{
public:
    struct PageInfo {
        QString name;
        qint64 rows = 0;
    };
    /// What an import found, or did.
    struct ImportReport {
        int rows = 0; // data rows in the file
        QList<csv::Problem> errors; // the first maxReportedErrors of them
        int errorCount = 0; // all of them
        QJsonArray preview; // the first previewRows rows as they would be stored
        bool imported = false;
        int added = 0, changed = 0, removed = 0, unchanged = 0;
    };
    static constexpr int previewRows = 20;
    static constexpr int maxReportedErrors = 200;

    explicit DataPageStore(Database &db, DataPageCsv::Limits limits = {})
        : m_db(db)
        , m_limits(limits)
    { }

    /// Pages with rows and pages that a case type's lookup field names, by name.
    Result<QList<PageInfo>> list();
    /// not_found for a page that has no rows and no case type names.
    Result<QByteArray> exportCsv(const QString &page);
    /// Checks the whole file; unless dryRun and when nothing is wrong, replaces the page with it.
    /// Errors only for the request itself (a bad page name: bad_request) or the database.
    Result<ImportReport> importCsv(const QString &page, const QByteArray &csv, bool dryRun);

    /// A page name: 1..100 of letters, digits, '_', '-', '.', starting with a letter or digit.
    static Status checkName(const QString &page);

private:
    Result<bool> isKnown(Tx &tx, const QString &page);
    Database &m_db;
    DataPageCsv::Limits m_limits;
};

} // namespace outpost::server
