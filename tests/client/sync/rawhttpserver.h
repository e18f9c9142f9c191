// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

/// A peer for parsing tests: a real loopback TCP server that reads one HTTP request per connection
/// and answers with exactly the bytes it is given (valid HTTP, broken HTTP, or nothing at all).
class RawHttpServer : public QTcpServer
{
public:
    /// Bytes to send after a request arrived; empty with `silent` → never answer.
    QByteArray response;
    bool silent = false;
    QList<QByteArray> requests; // every request head + body received

    bool start() { return listen(QHostAddress::LocalHost, 0); }
    QString baseUrl() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }

    static QByteArray http(int status, const QByteArray &body, const QByteArray &type = "application/json")
    {
        return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: " + type
            + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n"
            + body;
    }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *s = new QTcpSocket(this);
        s->setSocketDescriptor(handle);
        auto buffer = std::make_shared<QByteArray>();
        connect(s, &QTcpSocket::readyRead, s, [this, s, buffer]() {
            buffer->append(s->readAll());
            const qsizetype headEnd = buffer->indexOf("\r\n\r\n");
            if (headEnd < 0)
                return;
            qint64 length = 0;
            for (const QByteArray &line : buffer->left(headEnd).split('\n')) {
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            }
            if (buffer->size() < headEnd + 4 + length)
                return;
            requests.append(*buffer);
            buffer->clear();
            if (silent)
                return;
            s->write(response);
            s->disconnectFromHost();
        });
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
    }
};
