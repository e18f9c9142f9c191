// SPDX-License-Identifier: MIT
#pragma once

// A deliberately dumb HTTP/1.1 client over QTcpSocket, for tests that must control every byte
// (malformed heads, Expect: 100-continue, declared-but-unsent bodies, keep-alive on one socket).

#include <QByteArray>
#include <QHash>
#include <QTcpSocket>
#include <QTest>

struct RawResponse {
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
    QByteArray header(const QByteArray &name) const { return headers.value(name); }
};

class RawHttpClient
{
public:
    explicit RawHttpClient(quint16 port)
        : m_port(port)
    { }

    bool connectToServer()
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }

    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }

    /// Waits for one complete response (skipping a 100 Continue unless `interim`); status 0 on
    /// timeout or when the connection closed first.
    RawResponse read(int timeoutMs = 5000, bool interim = false)
    {
        RawResponse response;
        const bool done = QTest::qWaitFor(
            [&] {
                m_buffer += m_socket.readAll();
                return parse(response, interim) || m_socket.state() != QAbstractSocket::ConnectedState;
            },
            timeoutMs);
        Q_UNUSED(done);
        m_buffer += m_socket.readAll();
        if (response.status == 0)
            parse(response, interim);
        return response;
    }

    bool waitForDisconnect(int timeoutMs = 5000)
    {
        return QTest::qWaitFor(
            [this] {
                m_buffer += m_socket.readAll();
                return m_socket.state() == QAbstractSocket::UnconnectedState;
            },
            timeoutMs);
    }

    QTcpSocket &socket() { return m_socket; }

private:
    bool parse(RawResponse &response, bool interim)
    {
        for (;;) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return false;
            const QList<QByteArray> lines = m_buffer.left(end).split('\n');
            RawResponse r;
            const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
            r.status = statusLine.value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    r.headers.insert(
                        lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            if (r.status / 100 == 1 && !interim) {
                m_buffer.remove(0, end + 4);
                continue;
            }
            const qsizetype length = r.status / 100 == 1 ? 0 : r.header("content-length").toLongLong();
            if (m_buffer.size() < end + 4 + length)
                return false;
            r.body = m_buffer.mid(end + 4, length);
            m_buffer.remove(0, end + 4 + length);
            response = r;
            return true;
        }
    }

    quint16 m_port;
    QTcpSocket m_socket;
    QByteArray m_buffer;
};
