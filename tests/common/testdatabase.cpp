// SPDX-License-Identifier: MIT
#include "testdatabase.h"

#include <QMetaType>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
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
    const QUrl u(url);
    const QString connection
        = QStringLiteral("outpost-testdb-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
        db.setHostName(u.host());
        db.setPort(u.port(5432));
        db.setUserName(u.userName());
        db.setPassword(u.password());
        db.setDatabaseName(u.path().mid(1));
        if (!db.open()) {
            *why = QStringLiteral("cannot connect to %1: %2")
                       .arg(u.toString(QUrl::RemovePassword), db.lastError().text());
        } else {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                *why = q.lastError().text();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
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
