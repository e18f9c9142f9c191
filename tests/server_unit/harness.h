// SPDX-License-Identifier: MIT
#pragma once

#include "service.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

namespace outpost::server::testing {

/// A Service on a fresh database: a SQLite file in a temp dir, or a new PostgreSQL database created
/// through OUTPOST_TEST_PG_URL (dropped again at the end). Drives handler().handle() directly.
class Harness
{
public:
    enum class Backend { SQLite, PostgreSQL };
    explicit Harness(Backend backend)
        : m_backend(backend)
    { }
    ~Harness();

    /// Creates the empty database; false (with a reason) when the backend is not available.
    bool prepare(QString *why);
    QString dbUrl() const { return m_url; }
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
    Backend m_backend;
    QTemporaryDir m_dir;
    QString m_url;
    QString m_pgAdminUrl;
    QString m_pgDbName;
    std::unique_ptr<Service> m_service;
};

} // namespace outpost::server::testing
