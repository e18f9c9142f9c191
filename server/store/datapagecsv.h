// SPDX-License-Identifier: MIT
#pragma once

#include "csv.h"
#include "protocol/caserecord.h"

#include <QHash>

namespace outpost::server {

/// A data page as CSV and back. Columns: `key`, `label`, then the rows' other members in name
/// order (the union over all rows). Values: text as it is; numbers as JSON writes them (42, 12.5);
/// true/false; objects and arrays as compact JSON; an absent member is an empty cell. On import the
/// columns may come in any order; an empty cell leaves the member out, an empty label is the key.
/// A column's type comes from the page as stored: numbers where every stored value is a number,
/// true/false where every one is, JSON where every one is an object or array; text otherwise
/// (and for columns the page does not have yet).
class DataPageCsv
{
public:
    enum class Type { Text, Number, Bool, Json };
    using Types = QHash<QString, Type>;

    struct Limits {
        csv::Limits csv;
        int maxColumns = 50;
        int maxKeyChars = 200;
        int maxColumnNameChars = 100;
    };

    struct Parsed {
        QList<DataPageRow> rows; // complete only when `errors` is empty
        QList<csv::Problem> errors; // by line, then column
    };

    /// The column types of a page from its stored rows' documents.
    static Types typesOf(const QList<QJsonObject> &docs);
    /// The page's rows as CSV (UTF-8, no byte order mark, CRLF), rows in key order.
    static QByteArray write(QList<DataPageRow> rows);
    /// Every problem of the file at once (a file that cannot be read to its end: up to that point).
    static Parsed read(
        const QString &page, const csv::Table &table, const Types &types, const Limits &limits);
    /// A row as the preview shows it: its document without `page`.
    static QJsonObject previewOf(const DataPageRow &row);
};

} // namespace outpost::server
