// SPDX-License-Identifier: MIT
#include "service.h"

namespace outpost::server {

class ServiceImpl : public http::Handler
{
public:
    qint64 maxBodySize(const http::Request &) const override { return 1 << 20; }
    http::Response handle(const http::Request &) override
    {
        return http::Response::error(503, QStringLiteral("unavailable"), QStringLiteral("Not implemented yet."));
    }
    std::variant<http::Subscriber, http::Response> acceptWebSocket(const http::Request &) override
    {
        return http::Response::error(503, QStringLiteral("unavailable"), QStringLiteral("Not implemented yet."));
    }
};

Service::Service(std::unique_ptr<ServiceImpl> impl) : m_impl(std::move(impl)) {}
Service::~Service() = default;

Result<std::unique_ptr<Service>> Service::open(const ServiceOptions &)
{
    return std::unique_ptr<Service>(new Service(std::make_unique<ServiceImpl>()));
}

http::Handler &Service::handler() { return *m_impl; }
void Service::setNotifyHub(http::NotifyHub *) {}
Status Service::seedDemo(int) { return Error(QStringLiteral("unavailable"), QStringLiteral("Not implemented yet.")); }
Status Service::addUser(const UserInfo &, const QString &)
{
    return Error(QStringLiteral("unavailable"), QStringLiteral("Not implemented yet."));
}
Status Service::setPassword(const QString &, const QString &)
{
    return Error(QStringLiteral("unavailable"), QStringLiteral("Not implemented yet."));
}
Result<QList<UserInfo>> Service::listUsers()
{
    return Error(QStringLiteral("unavailable"), QStringLiteral("Not implemented yet."));
}

} // namespace outpost::server
