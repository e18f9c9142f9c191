// SPDX-License-Identifier: MIT
#include "harness.h"

#include <QUrlQuery>

namespace outpost::server::testing {

Harness::Harness(Backend backend)
    : m_db(backend == Backend::SQLite ? outpost::testing::TestDatabase::Kind::SQLite
                                      : outpost::testing::TestDatabase::Kind::PostgreSQL)
{ }

Harness::~Harness()
{
    m_service.reset(); // before the database is dropped
}

bool Harness::prepare(QString *why)
{
    return m_db.create(why);
}

ServiceOptions Harness::options() const
{
    ServiceOptions o;
    o.dbUrl = m_db.url();
    o.attachmentsDir = m_db.directory() + QStringLiteral("/attachments");
    o.pbkdf2Iterations = 1000; // fast tests; production default is 600,000
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
    r.headers.insert("x-outpost-features", "signature"); // as the app sends it
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
