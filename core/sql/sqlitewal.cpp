// SPDX-License-Identifier: MIT
#include "sql/sqlitewal.h"

#include <QDeadlineTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>

namespace outpost::sql {

namespace {
bool isBusy(const QSqlError &e)
{
    // SQLITE_BUSY (5) and SQLITE_LOCKED (6), also as extended codes (low byte).
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok) & 0xff;
    return (ok && (code == 5 || code == 6))
        || e.text().contains(QLatin1String("locked"), Qt::CaseInsensitive);
}
} // namespace

Result<QString> enableWal(const QSqlDatabase &db, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    for (int attempt = 0;; ++attempt) {
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("PRAGMA journal_mode = WAL")))
            return q.next() ? q.value(0).toString() : QString();
        const QSqlError e = q.lastError();
        if (!isBusy(e) || deadline.hasExpired())
            return Error(QStringLiteral("store_io"), e.text());
        // Only while a database is being opened, and only as long as the other connection needs.
        QThread::msleep(std::min(2 + attempt, 20));
    }
}

} // namespace outpost::sql
