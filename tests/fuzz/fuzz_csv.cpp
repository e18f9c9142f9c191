// SPDX-License-Identifier: MIT
// A data page's CSV file as outpostd imports it (console upload, `outpostd data-page import`):
// the strict RFC 4180 reader (csv::parse) and the page's shape (DataPageCsv::read) with columns of
// every type. Properties: a file read without problems, written back (DataPageCsv::write) and read
// again, gives the same rows; a record's fields written and parsed again are the same fields.
#include "csv.h"
#include "datapagecsv.h"
#include "fuzzsupport.h"

using namespace outpost;
using namespace outpost::server;

OUTPOST_FUZZ_INIT()

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const DataPageCsv::Types types = {
        { QStringLiteral("price"), DataPageCsv::Type::Number },
        { QStringLiteral("active"), DataPageCsv::Type::Bool },
        { QStringLiteral("meta"), DataPageCsv::Type::Json },
        { QStringLiteral("city"), DataPageCsv::Type::Text },
    };
    csv::Limits csvLimits;
    csvLimits.maxRecords = 2000;
    DataPageCsv::Limits limits;
    limits.csv = csvLimits;

    const csv::Table table = csv::parse(fuzz::bytes(data, size), csvLimits);
    for (const csv::Record &r : table.records) {
        QByteArray out;
        csv::appendRecord(out, r.fields);
        const csv::Table again = csv::parse(out, csvLimits);
        // One empty field is written as an empty line, which reads as no record at all.
        const bool blank = r.fields.size() == 1 && r.fields.first().isEmpty();
        if (!again.problems.isEmpty()
            || (!blank && (again.records.size() != 1 || again.records.first().fields != r.fields)))
            fuzz::fail("a record changes when written and read again");
    }

    const DataPageCsv::Parsed parsed = DataPageCsv::read(QStringLiteral("sites"), table, types, limits);
    if (!parsed.errors.isEmpty() || table.fatal)
        return 0;
    for (const DataPageRow &row : parsed.rows)
        (void)DataPageCsv::previewOf(row);
    const QByteArray written = DataPageCsv::write(parsed.rows);
    QList<QJsonObject> docs;
    for (const DataPageRow &row : parsed.rows)
        docs.append(row.data);
    const DataPageCsv::Parsed reread = DataPageCsv::read(
        QStringLiteral("sites"), csv::parse(written, csvLimits), DataPageCsv::typesOf(docs), limits);
    if (!reread.errors.isEmpty())
        fuzz::fail("a page's own CSV is refused when imported again");
    if (reread.rows.size() != parsed.rows.size())
        fuzz::fail("a page's own CSV gives a different number of rows");
    QHash<QString, QJsonObject> before;
    for (const DataPageRow &row : parsed.rows)
        before.insert(row.key, row.toJson());
    for (const DataPageRow &row : reread.rows)
        if (before.value(row.key) != row.toJson())
            fuzz::fail("a row changes when its page's CSV is imported again");
    return 0;
}
