// SPDX-License-Identifier: MIT
#include "storedb.h"

#include "storeerrors.h"
#include "storejson.h"

#include <QCoreApplication>
#include <QSqlError>

Q_LOGGING_CATEGORY(lcStore, "outpost.client.store", QtInfoMsg)

namespace outpost::client {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::client::LocalStore)
};
} // namespace

QVariant bindable(const QVariant &v)
{
    // An empty QString() would bind as SQL NULL; only a null QVariant means NULL here.
    if (!v.isNull() && v.metaType().id() == QMetaType::QString && v.toString().isNull())
        return QVariant(QString::fromLatin1(""));
    return v;
}

Status forIdChunks(const QStringList &ids,
    const std::function<Status(const QString &marks, const QVariantList &binds)> &each)
{
    constexpr qsizetype chunk = 500;
    for (qsizetype from = 0; from < ids.size(); from += chunk) {
        const qsizetype n = std::min(chunk, ids.size() - from);
        QVariantList binds;
        binds.reserve(n);
        for (qsizetype i = from; i < from + n; ++i)
            binds.append(ids.at(i));
        QString marks = QStringLiteral("?, ").repeated(int(n));
        marks.chop(2);
        if (Status st = each(marks, binds); !st.ok())
            return st;
    }
    return Status::success();
}

SqlTransaction::~SqlTransaction()
{
    if (m_active) {
        QSqlQuery q(m_db);
        q.exec(QStringLiteral("ROLLBACK"));
    }
}

Status SqlTransaction::begin()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        if (isDiskFull(q.lastError()))
            return diskFullError(QStringLiteral("BEGIN: ") + q.lastError().text());
        return Error(QStringLiteral("store_io"),
            Tr::tr("The offline store is busy or unavailable: %1").arg(q.lastError().text()));
    }
    m_active = true;
    return Status::success();
}

Status SqlTransaction::commit()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("COMMIT"))) {
        if (isDiskFull(q.lastError()))
            return diskFullError(QStringLiteral("COMMIT: ") + q.lastError().text());
        return Error(QStringLiteral("store_io"),
            Tr::tr("Saving to the offline store failed: %1").arg(q.lastError().text()));
    }
    m_active = false;
    return Status::success();
}

Error StoreDb::sqlError(const QSqlQuery &q, const QString &what) const
{
    if (isDiskFull(q.lastError()))
        return diskFullError(
            what + QStringLiteral(": ") + q.lastError().text() + QStringLiteral(": ") + q.lastQuery());
    qCWarning(lcStore) << what << q.lastError().text() << q.lastQuery();
    return Error(QStringLiteral("store_io"),
        Tr::tr("The offline store failed (%1): %2").arg(what, q.lastError().text()));
}

Result<QSqlQuery> StoreDb::run(const QString &sql, const QVariantList &binds) const
{
    QSqlQuery q(db());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return sqlError(q, QStringLiteral("prepare"));
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, bindable(binds.at(i)));
    if (!q.exec())
        return sqlError(q, QStringLiteral("exec"));
    return q;
}

Result<QSqlQuery *> StoreDb::cached(const QString &sql, const QVariantList &binds) const
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery q(db());
        q.setForwardOnly(true);
        if (!q.prepare(sql))
            return sqlError(q, QStringLiteral("prepare"));
        it = m_statements.insert(sql, q);
    }
    QSqlQuery *q = &it.value();
    for (int i = 0; i < binds.size(); ++i)
        q->bindValue(i, bindable(binds.at(i)));
    if (!q->exec()) {
        const Error e = sqlError(*q, QStringLiteral("exec"));
        q->finish();
        return e;
    }
    return q;
}

Status StoreDb::forEach(
    const QString &sql, const QVariantList &binds, const std::function<void(const QSqlQuery &)> &row) const
{
    auto q = cached(sql, binds);
    if (!q)
        return q.error();
    while (q.value()->next())
        row(*q.value());
    q.value()->finish();
    return Status::success();
}

Status StoreDb::exec(const QString &sql, const QVariantList &binds)
{
    auto q = cached(sql, binds);
    if (!q)
        return q.error();
    q.value()->finish();
    return Status::success();
}

QVariant StoreDb::scalar(const QString &sql, const QVariantList &binds) const
{
    auto q = cached(sql, binds);
    if (!q)
        return {};
    QVariant v;
    if (q.value()->next())
        v = q.value()->value(0);
    q.value()->finish();
    return v;
}

QString StoreDb::stateValue(const QString &key) const
{
    return scalar(QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), { key }).toString();
}

Status StoreDb::setStateValue(const QString &key, const QString &value)
{
    return exec(QStringLiteral("INSERT INTO sync_state(key, value) VALUES (?, ?) "
                               "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
        { key, value });
}

void StoreDb::log(EventLevel level, const QString &category, const QString &message)
{
    qCDebug(lcStore).noquote() << category << message;
    auto st = exec(QStringLiteral("INSERT INTO event_log(at, level, category, message) VALUES (?, ?, ?, ?)"),
        { nowIso(), eventLevelName(level), category, message });
    if (st.ok())
        st = exec(QStringLiteral("DELETE FROM event_log WHERE id <= (SELECT max(id) FROM event_log) - 5000"));
    if (!st.ok())
        qCWarning(lcStore) << "event log write failed" << st.error().toString();
}

} // namespace outpost::client
