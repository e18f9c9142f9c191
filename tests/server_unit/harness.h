// SPDX-License-Identifier: MIT
#pragma once

#include "service.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace outpost::server::testing {

/// A Service on a fresh database (tests/common TestDatabase: a SQLite file in a temp dir, or a new
/// PostgreSQL database created through OUTPOST_TEST_PG_URL, dropped again at the end). Drives
/// handler().handle() directly.
class Harness
{
public:
    enum class Backend { SQLite, PostgreSQL };
    explicit Harness(Backend backend);
    ~Harness();

    /// Creates the empty database; false (with a reason) when it cannot. skipOnly(): only because
    /// PostgreSQL is not configured (callers QSKIP then, and QFAIL otherwise).
    bool prepare(QString *why);
    bool skipOnly() const { return m_db.skipOnly(); }
    QString dbUrl() const { return m_db.url(); }
    /// One statement straight on the database, beside the service (TestDatabase::sql).
    std::optional<QList<QVariantList>> sql(const QString &statement, QString *why) const
    {
        return outpost::testing::TestDatabase::sql(dbUrl(), statement, why);
    }
    QVariant scalar(const QString &statement) const
    {
        return outpost::testing::TestDatabase::scalar(dbUrl(), statement);
    }
    ServiceOptions options() const;
    Result<std::unique_ptr<Service>> open(const ServiceOptions &options);

    Service *service() const { return m_service.get(); }
    void setService(std::unique_ptr<Service> s) { m_service = std::move(s); }

    /// pathAndQuery as a client sends it (percent-encoded).
    http::Response call(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
        const QString &token = {}, const QByteArray &contentType = "application/json");
    http::Response callJson(
        const QByteArray &method, const QString &pathAndQuery, const QJsonObject &body, const QString &token);
    QString signIn(const QString &user);

    static QJsonObject json(const http::Response &r) { return QJsonDocument::fromJson(r.body).object(); }

private:
    outpost::testing::TestDatabase m_db;
    std::unique_ptr<Service> m_service;
};

} // namespace outpost::server::testing
