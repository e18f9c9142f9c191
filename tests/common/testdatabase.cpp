// SPDX-License-Identifier: MIT
#include "testdatabase.h"

#include <QMetaType>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUuid>

namespace outpost::testing {

struct TestDatabase::Private {
    QTemporaryDir dir;
};

TestDatabase::TestDatabase(Kind kind)
    : m_kind(kind)
    , d(new Private)
{ }

TestDatabase::~TestDatabase()
{
    if (!m_pgName.isEmpty()) {
        QString why;
        if (!pgExec(
                m_adminUrl, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgName), &why))
            qWarning("TestDatabase: could not drop %s: %s", qPrintable(m_pgName), qPrintable(why));
    }
    delete d;
}

QString TestDatabase::directory() const
{
    return d->dir.path();
}

QString TestDatabase::name(Kind kind)
{
    return kind == Kind::SQLite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

void TestDatabase::addColumns()
{
    QTest::addColumn<TestDatabase::Kind>("db");
    QTest::newRow("sqlite") << Kind::SQLite;
    QTest::newRow("postgresql") << Kind::PostgreSQL;
}

bool TestDatabase::pgExec(const QString &url, const QString &sql, QString *why)
{
    return TestDatabase::sql(url, sql, why).has_value();
}

std::optional<QList<QVariantList>> TestDatabase::sql(
    const QString &url, const QString &statement, QString *why)
{
    const bool lite = url.startsWith(QLatin1String("sqlite:"));
    const QString connection
        = QStringLiteral("outpost-testdb-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::optional<QList<QVariantList>> rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(
            lite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), connection);
        const QUrl u(url);
        if (lite) {
            db.setDatabaseName(url.mid(7));
        } else {
            db.setHostName(u.host());
            db.setPort(u.port(5432));
            db.setUserName(u.userName());
            db.setPassword(u.password());
            db.setDatabaseName(u.path().mid(1));
        }
        if (!db.open()) {
            *why = QStringLiteral("cannot connect to %1: %2")
                       .arg(u.toString(QUrl::RemovePassword), db.lastError().text());
        } else {
            QSqlQuery q(db);
            if (q.exec(statement)) {
                rows.emplace();
                while (q.next()) {
                    QVariantList row;
                    for (int i = 0; i < q.record().count(); ++i)
                        row.append(q.value(i));
                    rows->append(row);
                }
            } else {
                *why = q.lastError().text();
            }
            q.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return rows;
}

QVariant TestDatabase::scalar(const QString &url, const QString &statement)
{
    QString why;
    const auto rows = sql(url, statement, &why);
    if (!rows) {
        qWarning("TestDatabase: %s failed: %s", qPrintable(statement), qPrintable(why));
        return {};
    }
    if (rows->isEmpty() || rows->first().isEmpty()) {
        qWarning("TestDatabase: %s returned nothing", qPrintable(statement));
        return {};
    }
    return rows->first().first();
}

bool TestDatabase::create(QString *why)
{
    m_skipOnly = false;
    if (!d->dir.isValid()) {
        *why = QStringLiteral("cannot create a temp dir");
        return false;
    }
    if (m_kind == Kind::SQLite) {
        m_url = QStringLiteral("sqlite:") + d->dir.filePath(QStringLiteral("outpostd.sqlite"));
        return true;
    }
    m_adminUrl = qEnvironmentVariable("OUTPOST_TEST_PG_URL");
    if (m_adminUrl.isEmpty()) {
        m_skipOnly = true;
        *why = QStringLiteral("OUTPOST_TEST_PG_URL is not set; PostgreSQL variant skipped "
                              "(scripts/test.sh starts a throwaway cluster and sets it)");
        return false;
    }
    const QString name = QStringLiteral("outpost_it_%1")
                             .arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    if (!pgExec(m_adminUrl, QStringLiteral("CREATE DATABASE %1").arg(name), why))
        return false;
    m_pgName = name;
    QUrl u(m_adminUrl);
    u.setPath(QLatin1Char('/') + name);
    m_url = u.toString();
    return true;
}

} // namespace outpost::testing
