// SPDX-License-Identifier: MIT
#pragma once

// Wrong passwords at a steady rate from many loopback source addresses (127.0.0.2 …: all of 127/8
// is loopback on Linux), so that both per-address throttling and the hashing pool are exercised;
// and a prober that times single requests on its own connection meanwhile. Header-only, used by
// tests/security and bench/signin_bench. Everything runs on the caller's event loop.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QHostAddress>
#include <QMap>
#include <QObject>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <memory>
#include <vector>

namespace outpost::testing {

/// One response read off a socket buffer: status and the bytes it took; 0 while incomplete.
inline int takeResponse(QByteArray &buffer, QByteArray *body = nullptr)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return 0;
    const QByteArray head = buffer.left(end).toLower();
    qsizetype length = 0;
    if (const qsizetype at = head.indexOf("\ncontent-length:"); at >= 0)
        length = head.mid(at + 16, head.indexOf('\r', at + 16) - at - 16).trimmed().toLongLong();
    if (buffer.size() < end + 4 + length)
        return 0;
    const int status = head.mid(9, 3).toInt();
    if (body)
        *body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    return status;
}

class SignInFlood : public QObject
{
public:
    /// `connections` sockets, bound to 127.0.0.2 … 127.0.0.(1 + addresses), sending `perSecond`
    /// sign-ins with wrong passwords in total, each for a user name of its own ("intruder-N-K")
    /// unless `user` names one.
    SignInFlood(quint16 port, int connections, int addresses, int perSecond, QString user = {})
        : m_port(port)
        , m_perSecond(perSecond)
        , m_user(std::move(user))
    {
        for (int i = 0; i < connections; ++i) {
            auto c = std::make_unique<Conn>();
            c->address = QHostAddress(QStringLiteral("127.0.0.%1").arg(2 + i % std::max(1, addresses)));
            m_conns.push_back(std::move(c));
        }
        m_tick.setInterval(5);
        QObject::connect(&m_tick, &QTimer::timeout, this, [this] { tick(); });
    }

    void start()
    {
        m_clock.start();
        m_tick.start();
    }
    void stop() { m_tick.stop(); }

    int sent() const { return m_sent; }
    int missed() const { return m_missed; } // due but every connection was waiting for an answer
    const QMap<int, int> &statuses() const { return m_statuses; } // HTTP status → count
    double seconds() const { return m_clock.elapsed() / 1000.0; }

private:
    struct Conn {
        QHostAddress address;
        std::unique_ptr<QTcpSocket> socket;
        QByteArray buffer;
        bool waiting = false;
    };

    void tick()
    {
        const qint64 due = m_clock.elapsed() * m_perSecond / 1000;
        while (m_sent + m_missed < due) {
            Conn *idle = nullptr;
            for (std::size_t i = 0; i < m_conns.size() && !idle; ++i) {
                Conn *c = m_conns[(m_next + i) % m_conns.size()].get();
                if (!c->waiting)
                    idle = c;
            }
            m_next = (m_next + 1) % m_conns.size();
            if (!idle) {
                ++m_missed;
                continue;
            }
            send(*idle);
        }
    }

    void send(Conn &c)
    {
        if (!c.socket || c.socket->state() == QAbstractSocket::UnconnectedState) {
            c.socket = std::make_unique<QTcpSocket>();
            c.buffer.clear();
            c.socket->bind(c.address, 0);
            QObject::connect(c.socket.get(), &QTcpSocket::readyRead, this, [this, &c] { onRead(c); });
            QObject::connect(c.socket.get(), &QTcpSocket::disconnected, this, [&c] {
                if (c.waiting) {
                    c.waiting = false; // answered by a close (e.g. refused): try again later
                }
            });
            c.socket->connectToHost(QHostAddress::LocalHost, m_port);
        }
        const QByteArray user = m_user.isEmpty()
            ? QStringLiteral("intruder-%1-%2").arg(c.address.toString()).arg(m_sent).toLatin1()
            : m_user.toLatin1();
        const QByteArray body
            = "{\"username\":\"" + user + "\",\"password\":\"wrong-" + QByteArray::number(m_sent) + "\"}";
        c.socket->write(
            "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "Content-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        c.waiting = true;
        ++m_sent;
    }

    void onRead(Conn &c)
    {
        c.buffer += c.socket->readAll();
        while (const int status = takeResponse(c.buffer)) {
            ++m_statuses[status];
            c.waiting = false;
        }
    }

    quint16 m_port;
    int m_perSecond;
    QString m_user;
    std::vector<std::unique_ptr<Conn>> m_conns;
    std::size_t m_next = 0;
    QTimer m_tick;
    QElapsedTimer m_clock;
    int m_sent = 0;
    int m_missed = 0;
    QMap<int, int> m_statuses;
};

/// Times one request at a time on a keep-alive connection of its own (from 127.0.0.1), while the
/// event loop (and so a flood) keeps running.
class Prober
{
public:
    explicit Prober(quint16 port)
        : m_port(port)
    { }

    /// Sends `request` (a whole HTTP/1.1 request) and waits for the answer: its status (0 on
    /// timeout) and, in *ms, the time from sending to the last byte.
    int measure(const QByteArray &request, double *ms, QByteArray *body = nullptr, int timeoutMs = 30000)
    {
        if (m_socket.state() != QAbstractSocket::ConnectedState) {
            m_socket.abort();
            m_buffer.clear();
            m_socket.connectToHost(QHostAddress::LocalHost, m_port);
            if (!QTest::qWaitFor([&] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000))
                return 0;
        }
        // An event loop of its own rather than QTest::qWaitFor, which polls every 10 ms.
        QEventLoop loop;
        int status = 0;
        const auto check = [&] {
            m_buffer += m_socket.readAll();
            status = takeResponse(m_buffer, body);
            if (status != 0 || m_socket.state() != QAbstractSocket::ConnectedState)
                loop.quit();
        };
        const QMetaObject::Connection read
            = QObject::connect(&m_socket, &QTcpSocket::readyRead, &loop, check);
        const QMetaObject::Connection gone
            = QObject::connect(&m_socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        QElapsedTimer t;
        t.start();
        m_socket.write(request);
        loop.exec();
        *ms = double(t.nsecsElapsed()) / 1e6;
        QObject::disconnect(read);
        QObject::disconnect(gone);
        return status;
    }

    static QByteArray get(const QByteArray &pathAndQuery, const QByteArray &token)
    {
        return "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
            + "\r\nX-Outpost-Features: signature\r\n\r\n";
    }
    static QByteArray signIn(const QByteArray &user, const QByteArray &password)
    {
        const QByteArray body = "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}";
        return "POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
               "application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    }

private:
    quint16 m_port;
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

} // namespace outpost::testing
