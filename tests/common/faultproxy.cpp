// SPDX-License-Identifier: MIT
#include "faultproxy.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <optional>
#include <random>

#include <sys/socket.h>

namespace outpost::testing {

namespace {

using Fault = FaultProxy::Fault;

/// Where the head of an HTTP message ends (after its blank line), or -1.
qsizetype headEnd(const QByteArray &buf)
{
    const qsizetype at = buf.indexOf("\r\n\r\n");
    return at < 0 ? -1 : at + 4;
}

/// The value of header `name` (lower case) in `head`, or empty.
QByteArray header(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

/// The length of a chunked body starting at `from`, or -1 while incomplete.
qsizetype chunkedLength(const QByteArray &buf, qsizetype from)
{
    qsizetype pos = from;
    for (;;) {
        const qsizetype eol = buf.indexOf("\r\n", pos);
        if (eol < 0)
            return -1;
        QByteArray sizeText = buf.mid(pos, eol - pos);
        if (const qsizetype semi = sizeText.indexOf(';'); semi >= 0)
            sizeText.truncate(semi);
        bool ok = false;
        const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
        if (!ok)
            return buf.size() - from; // not chunked after all: pass it on as it is
        pos = eol + 2;
        if (size == 0) {
            // Trailers, up to an empty line.
            for (;;) {
                const qsizetype end = buf.indexOf("\r\n", pos);
                if (end < 0)
                    return -1;
                const bool empty = end == pos;
                pos = end + 2;
                if (empty)
                    break;
            }
            return pos - from;
        }
        pos += size + 2;
        if (pos > buf.size())
            return -1;
    }
}

struct MessageLength {
    qsizetype length = -1; // -1: incomplete
    bool untilClose = false; // an answer without a length: it ends when the server closes
};

/// The length of the first complete HTTP message in `buf`.
MessageLength messageLength(const QByteArray &buf, bool response, bool headRequest)
{
    const qsizetype head = headEnd(buf);
    if (head < 0)
        return {};
    const QByteArray headText = buf.left(head);
    if (response) {
        const QList<QByteArray> status = headText.left(headText.indexOf("\r\n")).split(' ');
        const int code = status.size() > 1 ? status.at(1).toInt() : 0;
        if ((code >= 100 && code < 200) || code == 204 || code == 304 || headRequest)
            return { head, false };
    }
    if (header(headText, "transfer-encoding").toLower().contains("chunked")) {
        const qsizetype body = chunkedLength(buf, head);
        return { body < 0 ? -1 : head + body, false };
    }
    const QByteArray length = header(headText, "content-length");
    if (!length.isEmpty()) {
        const qsizetype total = head + length.toLongLong();
        return { buf.size() >= total ? total : -1, false };
    }
    if (response)
        return { -1, true };
    return { head, false };
}

/// The length of the first complete WebSocket frame in `buf`, or -1.
qsizetype frameLength(const QByteArray &buf)
{
    if (buf.size() < 2)
        return -1;
    const auto b1 = quint8(buf.at(1));
    qint64 len = b1 & 0x7f;
    qsizetype off = 2;
    if (len == 126) {
        if (buf.size() < 4)
            return -1;
        len = (quint8(buf.at(2)) << 8) | quint8(buf.at(3));
        off = 4;
    } else if (len == 127) {
        if (buf.size() < 10)
            return -1;
        len = 0;
        for (int i = 2; i < 10; ++i)
            len = (len << 8) | quint8(buf.at(i));
        off = 10;
    }
    if (b1 & 0x80)
        off += 4;
    const qint64 total = off + len;
    return buf.size() >= total ? qsizetype(total) : -1;
}

/// Closes with RST rather than FIN (SO_LINGER 0), as a peer that crashed or a middlebox does.
void reset(QTcpSocket *s)
{
    if (!s)
        return;
    if (const qintptr fd = s->socketDescriptor(); fd != -1) {
        linger l { 1, 0 };
        ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &l, sizeof l);
    }
    s->abort();
}

} // namespace

/// Shared by the connections: options, the current rate, the counts.
struct ProxyShared {
    FaultProxy::Options options;
    std::atomic<double> rate { 0.3 };
    std::atomic<int> connections { 0 }, exchanges { 0 }, frames { 0 }, resetBefore { 0 }, resetAfter { 0 },
        cut { 0 }, stall { 0 }, webSocket { 0 };

    void count(Fault f, bool onFrame)
    {
        switch (f) {
        case Fault::ResetBeforeRequest:
            ++resetBefore;
            break;
        case Fault::ResetAfterAnswer:
            ++resetAfter;
            break;
        case Fault::CutResponse:
            ++cut;
            break;
        case Fault::Stall:
            ++stall;
            break;
        }
        if (onFrame)
            ++webSocket;
    }
};

/// One client connection and its connection to the server.
class ProxyConnection : public QObject
{
public:
    ProxyConnection(QTcpSocket *client, ProxyShared &shared, quint64 ordinal, QObject *parent)
        : QObject(parent)
        , m_shared(shared)
        , m_client(client)
        , m_upstream(new QTcpSocket(this))
    {
        std::seed_seq seeds { quint32(shared.options.seed), quint32(shared.options.seed >> 32),
            quint32(ordinal), quint32(ordinal >> 32) };
        m_rng.seed(seeds);
        client->setParent(this);
        client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(client, &QTcpSocket::readyRead, this, [this]() { clientData(); });
        connect(client, &QTcpSocket::disconnected, this, [this]() { clientClosed(); });
        connect(m_upstream, &QTcpSocket::connected, this, [this]() {
            m_upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            m_upstream->write(std::exchange(m_upPending, QByteArray()));
        });
        connect(m_upstream, &QTcpSocket::readyRead, this, [this]() { upstreamData(); });
        connect(m_upstream, &QTcpSocket::disconnected, this, [this]() { upstreamClosed(); });
        connect(m_upstream, &QTcpSocket::errorOccurred, this, [this](QAbstractSocket::SocketError e) {
            if (e == QAbstractSocket::RemoteHostClosedError)
                return; // disconnected() follows
            if (m_upstream->state() != QAbstractSocket::ConnectedState)
                die(true); // the server is not there: the client sees a reset
        });
        m_upstream->connectToHost(shared.options.targetHost, shared.options.targetPort);
    }

private:
    std::optional<Fault> draw()
    {
        const QList<Fault> &kinds = m_shared.options.faults;
        const double rate = m_shared.rate.load();
        const double roll = std::uniform_real_distribution<double>(0.0, 1.0)(m_rng);
        const auto pick
            = std::uniform_int_distribution<qsizetype>(0, std::max<qsizetype>(0, kinds.size() - 1))(m_rng);
        if (kinds.isEmpty() || roll >= rate)
            return std::nullopt;
        return kinds.at(pick);
    }
    /// A random cut point in [0, size).
    qsizetype cutPoint(qsizetype size)
    {
        return size <= 1 ? 0 : std::uniform_int_distribution<qsizetype>(0, size - 1)(m_rng);
    }

    void toUpstream(const QByteArray &bytes)
    {
        if (m_upstream->state() == QAbstractSocket::ConnectedState)
            m_upstream->write(bytes);
        else
            m_upPending += bytes;
    }
    void toClient(const QByteArray &bytes)
    {
        if (m_holding)
            m_held += bytes;
        else if (!bytes.isEmpty())
            m_client->write(bytes);
    }

    void clientData()
    {
        if (m_dead)
            return;
        m_request += m_client->readAll();
        if (m_webSocket)
            toUpstream(std::exchange(m_request, QByteArray()));
        else
            nextRequest();
    }

    /// Takes the next complete request, if any, and decides its fate.
    void nextRequest()
    {
        if (m_dead || m_inExchange || m_webSocket)
            return;
        const MessageLength len = messageLength(m_request, false, false);
        if (len.length < 0)
            return;
        const QByteArray request = m_request.left(len.length);
        m_request.remove(0, len.length);
        m_headRequest = request.startsWith("HEAD ");
        ++m_shared.exchanges;
        m_fault = draw();
        if (m_fault == Fault::ResetBeforeRequest) {
            m_shared.count(*m_fault, false);
            // Part of it (maybe none) gets through before the line breaks.
            const QByteArray part = request.left(cutPoint(request.size()));
            if (!part.isEmpty() && m_upstream->state() == QAbstractSocket::ConnectedState) {
                m_upstream->write(part);
                m_upstream->flush();
            }
            die(true);
            return;
        }
        m_inExchange = true;
        toUpstream(request);
    }

    void upstreamData()
    {
        if (m_dead)
            return;
        m_answer += m_upstream->readAll();
        if (m_webSocket)
            nextFrames();
        else
            answered(false);
    }

    /// The server's answer to the request in hand, once complete, meets the exchange's fault.
    void answered(bool serverClosed)
    {
        if (m_dead)
            return;
        if (!m_inExchange) { // nothing asked: pass it on (e.g. a 408 before closing)
            toClient(std::exchange(m_answer, QByteArray()));
            return;
        }
        MessageLength len = messageLength(m_answer, true, m_headRequest);
        if (len.length < 0) {
            if (!serverClosed)
                return;
            len.length = m_answer.size();
        }
        const QByteArray answer = m_answer.left(len.length);
        m_answer.remove(0, len.length);
        m_inExchange = false;
        if (answer.startsWith("HTTP/1.1 101") || answer.startsWith("HTTP/1.0 101"))
            m_webSocket = true;
        if (!deliver(answer, false))
            return;
        if (m_webSocket)
            nextFrames();
        else
            nextRequest();
    }

    void nextFrames()
    {
        while (!m_dead) {
            const qsizetype len = frameLength(m_answer);
            if (len < 0)
                return;
            const QByteArray frame = m_answer.left(len);
            m_answer.remove(0, len);
            ++m_shared.frames;
            m_fault = draw();
            if (!deliver(frame, true))
                return;
        }
    }

    /// Hands `bytes` (an answer or a frame) to the client under m_fault; false when the
    /// connection died of it.
    bool deliver(const QByteArray &bytes, bool frame)
    {
        if (!m_fault) {
            toClient(bytes);
            return true;
        }
        m_shared.count(*m_fault, frame);
        switch (*m_fault) {
        case Fault::ResetBeforeRequest: // on a frame: the line breaks before it
        case Fault::ResetAfterAnswer:
            die(true);
            return false;
        case Fault::CutResponse: {
            toClient(bytes.left(cutPoint(bytes.size())));
            const bool rst = std::uniform_int_distribution<int>(0, 1)(m_rng) == 1;
            if (m_holding) {
                m_closeAfterHeld = true;
                return false;
            }
            if (rst) {
                die(true);
            } else {
                m_dead = true;
                m_client->disconnectFromHost(); // FIN once what was cut is written
                m_upstream->abort();
            }
            return false;
        }
        case Fault::Stall: {
            const qsizetype at = cutPoint(bytes.size());
            toClient(bytes.left(at));
            if (!m_holding) {
                m_holding = true;
                const int half = std::max(1, m_shared.options.stallMs / 2);
                const int ms = half + std::uniform_int_distribution<int>(0, 2 * half)(m_rng);
                QTimer::singleShot(ms, this, [this]() { endStall(); });
            }
            toClient(bytes.mid(at));
            return true;
        }
        }
        return true;
    }

    void endStall()
    {
        m_holding = false;
        if (m_client->state() == QAbstractSocket::ConnectedState)
            m_client->write(std::exchange(m_held, QByteArray()));
        if (m_closeAfterHeld) {
            m_dead = true;
            m_client->disconnectFromHost();
            m_upstream->abort();
        }
    }

    void clientClosed()
    {
        // The client hung up (a timeout, done with an idle connection): so does the server's side.
        m_dead = true;
        m_upstream->abort();
        deleteLater();
    }

    void upstreamClosed()
    {
        if (m_dead)
            return;
        m_answer += m_upstream->readAll();
        if (m_webSocket)
            nextFrames();
        else if (m_inExchange || !m_answer.isEmpty())
            answered(true);
        if (m_dead)
            return;
        m_dead = true;
        if (m_holding)
            m_closeAfterHeld = true;
        else
            m_client->disconnectFromHost();
    }

    void die(bool rst)
    {
        if (m_dead && !rst)
            return;
        m_dead = true;
        if (rst) {
            reset(m_client);
            reset(m_upstream);
        }
        deleteLater();
    }

    ProxyShared &m_shared;
    QTcpSocket *m_client;
    QTcpSocket *m_upstream;
    std::mt19937_64 m_rng;
    QByteArray m_request; // from the client, not yet passed on
    QByteArray m_upPending; // for the server, before its connection is up
    QByteArray m_answer; // from the server, not yet judged
    QByteArray m_held; // for the client, behind a stall
    std::optional<Fault> m_fault;
    bool m_inExchange = false;
    bool m_headRequest = false;
    bool m_webSocket = false;
    bool m_holding = false;
    bool m_closeAfterHeld = false;
    bool m_dead = false;
};

class FaultProxyWorker : public QObject
{
public:
    ProxyShared shared;
    QTcpServer *server = nullptr;
    quint64 ordinal = 0;

    bool listen(QString *why)
    {
        server = new QTcpServer(this);
        if (!server->listen(QHostAddress::LocalHost, shared.options.listenPort)) {
            *why = server->errorString();
            return false;
        }
        connect(server, &QTcpServer::newConnection, this, [this]() {
            while (QTcpSocket *client = server->nextPendingConnection()) {
                ++shared.connections;
                new ProxyConnection(client, shared, ordinal++, this);
            }
        });
        return true;
    }
};

QString FaultProxy::name(Fault f)
{
    switch (f) {
    case Fault::ResetBeforeRequest:
        return QStringLiteral("resetBeforeRequest");
    case Fault::ResetAfterAnswer:
        return QStringLiteral("resetAfterAnswer");
    case Fault::CutResponse:
        return QStringLiteral("cutResponse");
    case Fault::Stall:
        return QStringLiteral("stall");
    }
    return QString();
}

QString FaultProxy::Counts::toString() const
{
    return QStringLiteral("connections %1, exchanges %2, frames %3; faults %4: resetBeforeRequest %5, "
                          "resetAfterAnswer %6, cutResponse %7, stall %8 (on WebSocket frames %9)")
        .arg(connections)
        .arg(exchanges)
        .arg(frames)
        .arg(faults())
        .arg(resetBeforeRequest)
        .arg(resetAfterAnswer)
        .arg(cutResponse)
        .arg(stall)
        .arg(webSocketFaults);
}

FaultProxy::FaultProxy() = default;

FaultProxy::~FaultProxy()
{
    if (!m_thread)
        return;
    // The worker and every connection go on their own thread, sockets closed there.
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker]() { delete w; }, Qt::BlockingQueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

bool FaultProxy::start(const Options &options, QString *why)
{
    if (m_thread) {
        *why = QStringLiteral("already started");
        return false;
    }
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("faultproxy"));
    m_worker = new FaultProxyWorker;
    m_worker->shared.options = options;
    m_worker->shared.rate = options.faultRate;
    m_worker->moveToThread(m_thread.get());
    m_thread->start();
    bool ok = false;
    QString reason;
    QMetaObject::invokeMethod(
        m_worker,
        [&]() {
            ok = m_worker->listen(&reason);
            if (ok)
                m_port = m_worker->server->serverPort();
        },
        Qt::BlockingQueuedConnection);
    if (!ok)
        *why = QStringLiteral("fault proxy: cannot listen: %1").arg(reason);
    return ok;
}

QUrl FaultProxy::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port));
}

void FaultProxy::setFaultRate(double rate)
{
    if (m_worker)
        m_worker->shared.rate = rate;
}

FaultProxy::Counts FaultProxy::counts() const
{
    Counts c;
    if (!m_worker)
        return c;
    const ProxyShared &s = m_worker->shared;
    c.connections = s.connections;
    c.exchanges = s.exchanges;
    c.frames = s.frames;
    c.resetBeforeRequest = s.resetBefore;
    c.resetAfterAnswer = s.resetAfter;
    c.cutResponse = s.cut;
    c.stall = s.stall;
    c.webSocketFaults = s.webSocket;
    return c;
}

} // namespace outpost::testing
