// SPDX-License-Identifier: MIT
#include "datapagestore.h"

#include "casestore.h"
#include "feed.h"
#include "storelogging.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

#include <map>

namespace outpost::server {

namespace {

/// The data pages that case types' lookup fields name.
Result<QSet<QString>> pagesNamedByCaseTypes(Tx &tx)
{
    auto q = tx.run(QStringLiteral("SELECT doc FROM case_types"));
    if (!q)
        return q.error();
    QSet<QString> out;
    while (q.value().next()) {
        const QJsonObject type = QJsonDocument::fromJson(q.value().value(0).toString().toUtf8()).object();
        const QJsonArray fields = type.value(QLatin1String("fields")).toArray();
        for (const QJsonValue &f : fields) {
            const QString page = f.toObject().value(QLatin1String("dataPage")).toString();
            if (!page.isEmpty())
                out.insert(page);
        }
    }
    return out;
}

QString placeholders(qsizetype n)
{
    QString p;
    p.reserve(n * 2);
    for (qsizetype i = 0; i < n; ++i)
        p += i ? QLatin1String(",?") : QLatin1String("?");
    return p;
}

/// DELETE … WHERE <column> IN (…) for every id, a chunk of ids per statement; `args` go first.
Status deleteIn(Tx &tx, const QString &head, const QVariantList &args, const QStringList &ids)
{
    constexpr qsizetype chunk = 500;
    for (qsizetype i = 0; i < ids.size(); i += chunk) {
        const QStringList part = ids.mid(i, chunk);
        QVariantList all = args;
        for (const QString &id : part)
            all.append(id);
        auto q = tx.run(head + QLatin1String(" IN (") + placeholders(part.size()) + QLatin1Char(')'), all);
        if (!q)
            return q.error();
    }
    return Status::success();
}

struct Stored {
    QHash<QString, QByteArray> docs; // key → the stored document
    DataPageCsv::Types types;
};

Result<Stored> readStored(Tx &tx, const QString &page)
{
    auto q = tx.run(QStringLiteral("SELECT row_key, doc FROM data_pages WHERE page = ?"), { page });
    if (!q)
        return q.error();
    Stored s;
    QList<QJsonObject> parsed;
    while (q.value().next()) {
        const QByteArray doc = q.value().value(1).toString().toUtf8();
        parsed.append(QJsonDocument::fromJson(doc).object());
        s.docs.insert(q.value().value(0).toString(), doc);
    }
    s.types = DataPageCsv::typesOf(parsed);
    return s;
}

} // namespace

Status DataPageStore::checkName(const QString &page)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$"));
    if (!valid.match(page).hasMatch())
        return Error(QStringLiteral("bad_request"),
            QStringLiteral(
                "A data page's name has 1 to 100 letters, digits, '_', '-' or '.', and starts with a "
                "letter or digit."));
    return Status::success();
}

Result<QList<DataPageStore::PageInfo>> DataPageStore::list()
{
    auto txr = Tx::begin(m_db, Tx::Mode::Read);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    auto q = tx.run(QStringLiteral("SELECT page, COUNT(*) FROM data_pages GROUP BY page"));
    if (!q)
        return q.error();
    std::map<QString, qint64> pages;
    while (q.value().next())
        pages[q.value().value(0).toString()] = q.value().value(1).toLongLong();
    auto named = pagesNamedByCaseTypes(tx);
    if (!named)
        return named.error();
    for (const QString &p : std::as_const(named.value()))
        pages.try_emplace(p, 0);
    QList<PageInfo> out;
    for (const auto &[name, rows] : pages)
        out.append({ name, rows });
    return out;
}

Result<bool> DataPageStore::isKnown(Tx &tx, const QString &page)
{
    auto named = pagesNamedByCaseTypes(tx);
    if (!named)
        return named.error();
    return named.value().contains(page);
}

Result<QByteArray> DataPageStore::exportCsv(const QString &page)
{
    if (Status s = checkName(page); !s)
        return s.error();
    auto txr = Tx::begin(m_db, Tx::Mode::Read);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    auto q = tx.run(QStringLiteral("SELECT row_key, label, doc FROM data_pages WHERE page = ?"), { page });
    if (!q)
        return q.error();
    QList<DataPageRow> rows;
    while (q.value().next()) {
        DataPageRow r;
        r.page = page;
        r.key = q.value().value(0).toString();
        r.label = q.value().value(1).toString();
        r.data = QJsonDocument::fromJson(q.value().value(2).toString().toUtf8()).object();
        rows.append(std::move(r));
    }
    if (rows.isEmpty()) {
        auto known = isKnown(tx, page);
        if (!known)
            return known.error();
        if (!known.value())
            return Error(
                QStringLiteral("not_found"), QStringLiteral("There is no data page '%1'.").arg(page));
    }
    return DataPageCsv::write(std::move(rows));
}

Result<DataPageStore::ImportReport> DataPageStore::importCsv(
    const QString &page, const QByteArray &csvBytes, bool dryRun)
{
    if (Status s = checkName(page); !s)
        return s.error();
    QElapsedTimer timer;
    timer.start();
    const csv::Table table = csv::parse(csvBytes, m_limits.csv); // before the transaction: no lock held

    auto txr = Tx::begin(m_db, dryRun ? Tx::Mode::Read : Tx::Mode::Write);
    if (!txr)
        return txr.error();
    Tx &tx = txr.value();
    auto stored = readStored(tx, page);
    if (!stored)
        return stored.error();
    DataPageCsv::Parsed parsed = DataPageCsv::read(page, table, stored.value().types, m_limits);

    ImportReport report;
    report.rows = std::max(0, int(table.records.size()) - 1);
    report.errorCount = int(parsed.errors.size());
    report.errors = parsed.errors.mid(0, maxReportedErrors);
    for (qsizetype i = 0; i < parsed.rows.size() && i < previewRows; ++i)
        report.preview.append(DataPageCsv::previewOf(parsed.rows.at(i)));

    // The difference to the stored page.
    QList<const DataPageRow *> upserts;
    QList<QByteArray> upsertDocs;
    QSet<QString> keys;
    keys.reserve(parsed.rows.size());
    for (const DataPageRow &row : std::as_const(parsed.rows)) {
        keys.insert(row.key);
        QByteArray doc = QJsonDocument(row.data).toJson(QJsonDocument::Compact);
        const auto old = stored.value().docs.constFind(row.key);
        if (old == stored.value().docs.constEnd()) {
            ++report.added;
        } else if (old.value() == doc) {
            ++report.unchanged;
            continue;
        } else {
            ++report.changed;
        }
        upserts.append(&row);
        upsertDocs.append(std::move(doc));
    }
    QStringList removedKeys;
    for (auto it = stored.value().docs.constBegin(); it != stored.value().docs.constEnd(); ++it)
        if (!keys.contains(it.key()))
            removedKeys.append(it.key());
    std::sort(removedKeys.begin(), removedKeys.end());
    report.removed = int(removedKeys.size());
    if (dryRun || report.errorCount > 0)
        return report; // the transaction rolls back: nothing changed

    QStringList replacedKeys = removedKeys; // rows of data_pages to delete first
    for (const DataPageRow *row : std::as_const(upserts))
        if (stored.value().docs.contains(row->key))
            replacedKeys.append(row->key);
    if (Status s = deleteIn(
            tx, QStringLiteral("DELETE FROM data_pages WHERE page = ? AND row_key"), { page }, replacedKeys);
        !s)
        return s.error();

    // Rows per statement: Qt's SQLite driver looks each bound value's name up by a linear search
    // of the statement's parameters, so a statement of many parameters costs their square.
    const int batchRows = tx.kind() == DbKind::SQLite ? 16 : 200;
    BatchInsert rows(tx, QStringLiteral("INSERT INTO data_pages (page, row_key, label, doc) VALUES "),
        QStringLiteral("(?, ?, ?, ?)"), batchRows);
    BatchInsert feed(tx,
        QStringLiteral("INSERT INTO sync_entities (kind, entity_id, seq, etag, doc, removed, scope_user,"
                       " scope_queue, resolved, public) VALUES "),
        QStringLiteral("(?, ?, ?, ?, ?, ?, NULL, NULL, 0, 1)"), batchRows);
    // A feed row may be there already (a changed row, or a tombstone of an earlier import).
    feed.setTail(QStringLiteral(
        " ON CONFLICT (kind, entity_id) DO UPDATE SET seq = excluded.seq, etag = excluded.etag,"
        " doc = excluded.doc, removed = excluded.removed, scope_user = NULL,"
        " scope_queue = NULL, resolved = 0, public = 1"));
    const int stamps = int(upserts.size() + removedKeys.size());
    qint64 seq = 0;
    if (stamps > 0) {
        auto first = tx.takeSeq(stamps);
        if (!first)
            return first.error();
        seq = first.value();
    }
    for (qsizetype i = 0; i < upserts.size(); ++i, ++seq) {
        const DataPageRow &row = *upserts.at(i);
        const QByteArray &doc = upsertDocs.at(i);
        if (Status s = rows.add({ page, row.key, row.label, QString::fromUtf8(doc) }); !s)
            return s.error();
        if (Status s
            = feed.add({ kinds::dataPage, row.id(), seq, etagFor(seq), tx.database().docValue(doc), 0 });
            !s)
            return s.error();
    }
    const QByteArray tombstone = "{}";
    for (const QString &k : std::as_const(removedKeys)) {
        if (Status s = feed.add({ kinds::dataPage, QString(page + QLatin1Char('/') + k), seq, etagFor(seq),
                tx.database().docValue(tombstone), 1 });
            !s)
            return s.error();
        ++seq;
    }
    if (Status s = rows.flush(); !s)
        return s.error();
    if (Status s = feed.flush(); !s)
        return s.error();
    if (Status s = tx.commit(); !s)
        return s.error();
    report.imported = true;
    qCInfo(lcStore).noquote() << "data page" << page << "imported:" << report.rows << "rows," << report.added
                              << "added," << report.changed << "changed," << report.removed << "removed in"
                              << timer.elapsed() << "ms";
    return report;
}

} // namespace outpost::server
