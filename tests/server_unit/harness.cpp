// SPDX-License-Identifier: MIT
#include "harness.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUuid>

namespace outpost::server::testing {

namespace {
bool pgAdmin(const QString &url, const QString &sql, QString *why)
{
    const QUrl u(url);
    const QString name
        = QStringLiteral("outpost-unit-admin-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        db.setHostName(u.host());
        db.setPort(u.port(5432));
        db.setUserName(u.userName());
        db.setPassword(u.password());
        db.setDatabaseName(u.path().mid(1));
        if (!db.open()) {
            *why = db.lastError().text();
        } else {
            QSqlQuery q(db);
            ok = q.exec(sql);
            if (!ok)
                *why = q.lastError().text();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}
} // namespace

Harness::~Harness()
{
    m_service.reset();
    if (!m_pgDbName.isEmpty()) {
        QString why;
        pgAdmin(
            m_pgAdminUrl, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_pgDbName), &why);
    }
}

bool Harness::prepare(QString *why)
{
    if (m_backend == Backend::SQLite) {
        if (!m_dir.isValid()) {
            *why = QStringLiteral("no temp dir");
            return false;
        }
        m_url = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("outpostd.sqlite"));
        return true;
    }
    m_pgAdminUrl = qEnvironmentVariable("OUTPOST_TEST_PG_URL");
    if (m_pgAdminUrl.isEmpty()) {
        *why = QStringLiteral("OUTPOST_TEST_PG_URL is not set; PostgreSQL variant skipped");
        return false;
    }
    m_pgDbName = QStringLiteral("outpost_unit_%1")
                     .arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    if (!pgAdmin(m_pgAdminUrl, QStringLiteral("CREATE DATABASE %1").arg(m_pgDbName), why)) {
        m_pgDbName.clear();
        return false;
    }
    QUrl u(m_pgAdminUrl);
    u.setPath(QLatin1Char('/') + m_pgDbName);
    m_url = u.toString();
    return true;
}

ServiceOptions Harness::options() const
{
    ServiceOptions o;
    o.dbUrl = m_url;
    o.attachmentsDir = m_dir.filePath(QStringLiteral("attachments"));
    o.pbkdf2Iterations = 1000; // fast tests; production default is 100,000
    return o;
}

Result<std::unique_ptr<Service>> Harness::open(const ServiceOptions &options)
{
    return Service::open(options);
}

http::Response Harness::call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
    const QString &token, const QByteArray &contentType)
{
    http::Request r;
    r.method = method;
    const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
    // As the transport does: the path as sent, and percent-decoded.
    r.rawPath = (q < 0 ? pathAndQuery : pathAndQuery.left(q)).toUtf8();
    r.path = QString::fromUtf8(QByteArray::fromPercentEncoding(r.rawPath));
    if (q >= 0)
        r.query = QUrlQuery(pathAndQuery.mid(q + 1));
    r.body = body;
    if (!token.isEmpty())
        r.headers.insert("authorization", "Bearer " + token.toLatin1());
    if (!body.isEmpty())
        r.headers.insert("content-type", contentType);
    r.requestId = QStringLiteral("test");
    r.peer = QStringLiteral("127.0.0.1:1");
    return m_service->handler().handle(r);
}

http::Response Harness::callJson(
    const QByteArray &method, const QString &pathAndQuery, const QJsonObject &body, const QString &token)
{
    return call(method, pathAndQuery, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

QString Harness::signIn(const QString &user)
{
    const auto r = callJson("POST", QStringLiteral("/api/v1/session"),
        { { QStringLiteral("username"), user }, { QStringLiteral("password"), user },
            { QStringLiteral("deviceId"), QString(QStringLiteral("dev-") + user) } },
        {});
    return json(r).value(QStringLiteral("token")).toString();
}

} // namespace outpost::server::testing
