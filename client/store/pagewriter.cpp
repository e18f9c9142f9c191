// SPDX-License-Identifier: MIT
#include "pagewriter.h"

#include "storedb.h"
#include "storeerrors.h"
#include "storeparts.h"

#include <QCborValue>
#include <QCoreApplication>
#include <QSqlError>

namespace outpost::client {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::client::LocalStore)
};
} // namespace

#ifdef OUTPOST_RAW_SQLITE
PageStatement::PageStatement(StoreDb &db)
    : m_db(db)
{ }

bool PageStatement::prepare(const QString &sql)
{
    auto st = RawStatement::prepare(m_db.db(), sql);
    if (!st) {
        m_error = st.error().message;
        return false;
    }
    m_statement.emplace(std::move(st).value());
    return true;
}

Status PageStatement::run(const QVariantList &binds)
{
    Status st = m_statement->run(binds);
    if (st.ok() || isDiskFull(st.error()))
        return st; // a full disk is said in people's words (its detail is in the log)
    qCWarning(lcStore) << "download" << st.error().message;
    return Error(QStringLiteral("store_io"),
        Tr::tr("The offline store failed (%1): %2").arg(QStringLiteral("download"), st.error().message));
}

QString PageStatement::error() const
{
    return m_error;
}
#else
PageStatement::PageStatement(StoreDb &db)
    : m_db(db)
    , m_query(db.db())
{ }

bool PageStatement::prepare(const QString &sql)
{
    return m_query.prepare(sql);
}

Status PageStatement::run(const QVariantList &binds)
{
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant &v = binds.at(i);
        if (v.typeId() == QMetaType::QCborValue)
            m_query.bindValue(i, v.value<QCborValue>().toCbor());
        else
            m_query.bindValue(i,
                v.typeId() == QMetaType::QByteArray ? QVariant(QString::fromUtf8(v.toByteArray()))
                                                    : bindable(v));
    }
    if (!m_query.exec())
        return m_db.sqlError(m_query, QStringLiteral("download"));
    return Status::success();
}

QString PageStatement::error() const
{
    return m_query.lastError().text();
}
#endif

PageWriter::PageWriter(StoreParts &parts, qint64 generation)
    : d(parts)
    , gen(generation)
    , upsertCase(parts.db)
    , removeCaseFiles(parts.db)
    , removeCase(parts.db)
    , markRemoved(parts.db)
    , upsertRow(parts.db)
    , removeRow(parts.db)
    , upsertAssignment(parts.db)
    , removeAssignment(parts.db)
    , upsertHistory(parts.db)
    , removeHistory(parts.db)
    , removeCaseHistory(parts.db)
{ }

QString PageWriter::prepare()
{
    const std::pair<PageStatement *, const char *> all[] = {
        { &upsertCase,
            "INSERT INTO cases(id, case_type, case_type_version, status, title, assignee, queue, "
            "created_at, updated_at, server_etag, server_fields, attachments_json, seen_gen) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "case_type = excluded.case_type, case_type_version = excluded.case_type_version, "
            "status = excluded.status, title = excluded.title, assignee = excluded.assignee, "
            "queue = excluded.queue, created_at = excluded.created_at, updated_at = "
            "excluded.updated_at, server_etag = excluded.server_etag, server_fields = "
            "excluded.server_fields, attachments_json = excluded.attachments_json, fields = NULL, "
            "local_status = NULL, local_title = NULL, removed_on_server = 0, is_local_only = 0, "
            "seen_gen = excluded.seen_gen" },
        { &removeCaseFiles, "DELETE FROM attachments WHERE case_id = ?" },
        { &removeCase, "DELETE FROM cases WHERE id = ?" },
        { &markRemoved, "UPDATE cases SET removed_on_server = 1 WHERE id = ?" },
        { &upsertRow,
            "INSERT INTO data_page_rows(page, key, label, json, seen_gen) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(page, key) DO UPDATE SET label = excluded.label, json = excluded.json, "
            "seen_gen = excluded.seen_gen" },
        { &removeRow, "DELETE FROM data_page_rows WHERE page = ? AND key = ?" },
        { &upsertAssignment,
            "INSERT INTO assignments(id, case_id, assignee, queue, instructions, due_at, json, seen_gen) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET case_id = excluded.case_id, "
            "assignee = excluded.assignee, queue = excluded.queue, instructions = excluded.instructions, "
            "due_at = excluded.due_at, json = excluded.json, seen_gen = excluded.seen_gen" },
        { &removeAssignment, "DELETE FROM assignments WHERE id = ?" },
        { &upsertHistory,
            "INSERT INTO case_history(case_id, at, id, entry, seen_gen) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT(case_id, at, id) DO UPDATE SET entry = excluded.entry, seen_gen = "
            "excluded.seen_gen" },
        { &removeHistory, "DELETE FROM case_history WHERE id = ?" },
        { &removeCaseHistory, "DELETE FROM case_history WHERE case_id = ?" },
    };
    for (const auto &[statement, sql] : all)
        if (!statement->prepare(QString::fromLatin1(sql)))
            return statement->error().isEmpty() ? QStringLiteral("prepare") : statement->error();
    return {};
}

} // namespace outpost::client
