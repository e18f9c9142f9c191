// SPDX-License-Identifier: MIT
#pragma once

// The application side for the transport tests: a few routes with known behaviour.
//   /echo  → the request as JSON        /size → {"size": body bytes} (body limit 1 MiB)
//   /slow  → blocks until release()     /status/<n> → an empty answer with status n
//   POST /lane → as /slow, on the upload lane (writeLane) when the server has one
//     /api/v1/notify upgrade → subscriber "user:<id>" token

#include "httptypes.h"

#include <QJsonObject>

#include <condition_variable>
#include <mutex>

using namespace outpost::http;

class TestHandler : public Handler
{
public:
    static constexpr qint64 kBodyLimit = 1024 * 1024;

    qint64 maxBodySize(const Request &) const override { return kBodyLimit; }

    Response handle(const Request &r) override
    {
        if (r.path == QLatin1String("/slow") || r.path == QLatin1String("/lane")) {
            std::unique_lock lock(m_mutex);
            ++m_slowEntered;
            m_changed.notify_all();
            m_changed.wait(lock, [this] { return m_released; });
            --m_slowEntered;
            return Response::json(200, { { QStringLiteral("slow"), true } });
        }
        if (r.path.startsWith(QLatin1String("/status/"))) {
            Response response;
            response.status = r.path.mid(8).toInt();
            response.headers.append(qMakePair(QByteArray("X-Evil"), QByteArray("a\r\nSet-Cookie: x=y")));
            response.headers.append(qMakePair(QByteArray("X-Fine"), QByteArray("yes")));
            return response;
        }
        if (r.path == QLatin1String("/size"))
            return Response::json(200, { { QStringLiteral("size"), qint64(r.body.size()) } });
        if (r.path.startsWith(QLatin1String("/echo"))) {
            return Response::json(200,
                { { QStringLiteral("method"), QString::fromLatin1(r.method) },
                    { QStringLiteral("path"), r.path },
                    { QStringLiteral("x"), r.query.queryItemValue(QStringLiteral("x"), QUrl::FullyDecoded) },
                    { QStringLiteral("body"), QString::fromUtf8(r.body) },
                    { QStringLiteral("test"), QString::fromUtf8(r.header("x-test")) },
                    { QStringLiteral("requestId"), r.requestId }, { QStringLiteral("peer"), r.peer } });
        }
        return Response::error(404, QStringLiteral("not_found"), QStringLiteral("No such route"));
    }

    bool writeLane(const Request &r) const override
    {
        return r.method == "POST" && r.path == QLatin1String("/lane");
    }

    std::variant<Subscriber, Response> acceptWebSocket(const Request &r) override
    {
        QString token = QString::fromUtf8(r.header("x-token"));
        if (token.isEmpty())
            token = r.query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
        if (token.startsWith(QLatin1String("user:")))
            return Subscriber { token.mid(5), {} };
        return Response::error(
            401, QStringLiteral("unauthenticated"), QStringLiteral("Missing or bad token"));
    }

    int slowEntered()
    {
        std::lock_guard lock(m_mutex);
        return m_slowEntered;
    }

    void release()
    {
        std::lock_guard lock(m_mutex);
        m_released = true;
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_slowEntered = 0;
    bool m_released = false;
};
