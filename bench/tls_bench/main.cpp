// SPDX-License-Identifier: MIT
// outpostd over its own TLS against plain HTTP, as JSON lines on stdout (progress on stderr).
// bench/tls_bench/run.sh starts two outpostd (the same data; one with --tls-cert/--tls-key) and
// runs this against each:
//   tls_bench --url http(s)://127.0.0.1:PORT [--ca FILE] [--seconds 10] [--connections 10]
//             [--handshakes 300]
// poll: --connections keep-alive connections, each polling alice's changes feed (an empty delta)
// one request at a time, as fast as answers come; reported: requests a second, p50, p99.
// connect: --handshakes new connections one after another, each connecting (TLS: the full
// handshake, no session resumption) and asking for /api/v1/health once; reported: p50/p99 of the
// connection set-up and of the whole exchange.
// The client runs on the same machine as the server: both share its cores.
#include "signinflood.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCipher>
#include <QSslSocket>
#include <QUrl>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace outpost::testing;

namespace {

void emitLine(const QJsonObject &o)
{
    std::printf("%s\n", QJsonDocument(o).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype i = std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5));
    return v.at(i);
}

double round2(double v)
{
    return qRound(v * 100) / 100.0;
}

struct Target {
    QString host;
    quint16 port = 0;
    bool tls = false;
    QSslConfiguration ssl;

    std::unique_ptr<QSslSocket> connect(int timeoutMs = 10000) const
    {
        auto socket = std::make_unique<QSslSocket>();
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        if (tls) {
            socket->setSslConfiguration(ssl);
            socket->connectToHostEncrypted(host, port);
            if (!socket->waitForEncrypted(timeoutMs))
                return nullptr;
        } else {
            socket->connectToHost(host, port);
            if (!socket->waitForConnected(timeoutMs))
                return nullptr;
        }
        return socket;
    }
};

/// One request and its answer on `socket`, blocking: the status (0: none).
int exchange(QSslSocket &socket, const QByteArray &request, QByteArray *body = nullptr)
{
    socket.write(request);
    QByteArray buffer;
    for (;;) {
        if (const int status = takeResponse(buffer, body))
            return status;
        if (!socket.waitForReadyRead(10000))
            return 0;
        buffer += socket.readAll();
    }
}

/// --connections keep-alive connections polling, each one request at a time.
class Poller : public QObject
{
public:
    Poller(const Target &target, const QByteArray &request, int connections)
        : m_request(request)
    {
        for (int i = 0; i < connections; ++i) {
            auto c = std::make_unique<Conn>();
            c->socket = target.connect();
            if (!c->socket)
                continue;
            Conn *raw = c.get();
            QObject::connect(
                c->socket.get(), &QIODevice::readyRead, this, [this, raw] { onReadyRead(*raw); });
            m_conns.push_back(std::move(c));
        }
    }

    int connected() const { return int(m_conns.size()); }

    void run(int seconds)
    {
        m_clock.start();
        m_until = qint64(seconds) * 1000;
        for (auto &c : m_conns)
            send(*c);
        QEventLoop loop;
        m_loop = &loop;
        loop.exec();
    }

    QList<double> latencies;
    QMap<int, int> statuses;
    qint64 elapsedMs = 0;

private:
    struct Conn {
        std::unique_ptr<QSslSocket> socket;
        QByteArray buffer;
        qint64 sentNs = 0;
        bool busy = false;
    };

    void send(Conn &c)
    {
        c.busy = true;
        c.sentNs = m_clock.nsecsElapsed();
        c.socket->write(m_request);
    }

    void onReadyRead(Conn &c)
    {
        c.buffer += c.socket->readAll();
        while (const int status = takeResponse(c.buffer)) {
            latencies.append(double(m_clock.nsecsElapsed() - c.sentNs) / 1e6);
            ++statuses[status];
            c.busy = false;
            if (m_clock.elapsed() < m_until) {
                send(c);
            } else if (std::none_of(m_conns.begin(), m_conns.end(), [](const auto &x) { return x->busy; })) {
                elapsedMs = m_clock.elapsed();
                m_loop->quit();
            }
        }
    }

    QByteArray m_request;
    std::vector<std::unique_ptr<Conn>> m_conns;
    QElapsedTimer m_clock;
    qint64 m_until = 0;
    QEventLoop *m_loop = nullptr;
};

QJsonObject statusesJson(const QMap<int, int> &statuses)
{
    QJsonObject s;
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        s.insert(QString::number(it.key()), it.value());
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({ QStringLiteral("url"), QStringLiteral("outpostd base URL"), QStringLiteral("URL") });
    p.addOption(
        { QStringLiteral("ca"), QStringLiteral("CA certificate (PEM) for https"), QStringLiteral("FILE") });
    p.addOption({ QStringLiteral("seconds"), QStringLiteral("poll duration (10)"), QStringLiteral("S"),
        QStringLiteral("10") });
    p.addOption({ QStringLiteral("connections"), QStringLiteral("keep-alive pollers (10)"),
        QStringLiteral("N"), QStringLiteral("10") });
    p.addOption({ QStringLiteral("handshakes"), QStringLiteral("new connections (300)"), QStringLiteral("N"),
        QStringLiteral("300") });
    p.process(app);
    const QUrl url(p.value(QStringLiteral("url")));
    Target target;
    target.host = url.host();
    target.port = quint16(url.port());
    target.tls = url.scheme() == QLatin1String("https");
    target.ssl = QSslConfiguration::defaultConfiguration();
    if (p.isSet(QStringLiteral("ca")))
        target.ssl.addCaCertificates(p.value(QStringLiteral("ca")));
    const QString scheme = url.scheme();

    auto setup = target.connect();
    if (!setup) {
        std::fprintf(stderr, "tls_bench: cannot connect to %s\n", qPrintable(url.toString()));
        return 1;
    }
    QByteArray body;
    if (exchange(*setup, Prober::signIn("alice", "alice"), &body) != 200) {
        std::fprintf(stderr, "tls_bench: alice cannot sign in\n");
        return 1;
    }
    const QByteArray token
        = QJsonDocument::fromJson(body).object().value(QStringLiteral("token")).toString().toLatin1();
    exchange(*setup, Prober::get("/api/v1/sync/changes?since=0&limit=5000", token), &body);
    const QByteArray next
        = QJsonDocument::fromJson(body).object().value(QStringLiteral("next")).toString().toLatin1();
    const QByteArray poll = Prober::get("/api/v1/sync/changes?since=" + next + "&limit=500", token);
    QString protocol = QStringLiteral("-");
    if (target.tls) {
        const QSslCipher cipher = setup->sessionCipher();
        protocol = cipher.protocolString() + QLatin1Char(' ') + cipher.name();
    }
    setup.reset();

    const int connections = p.value(QStringLiteral("connections")).toInt();
    std::fprintf(stderr, "tls_bench: %s poll, %d connections, %s s\n", qPrintable(scheme), connections,
        qPrintable(p.value(QStringLiteral("seconds"))));
    Poller poller(target, poll, connections);
    poller.run(p.value(QStringLiteral("seconds")).toInt());
    emitLine({ { QStringLiteral("bench"), QStringLiteral("tls") }, { QStringLiteral("scheme"), scheme },
        { QStringLiteral("tls"), protocol }, { QStringLiteral("scenario"), QStringLiteral("poll-keepalive") },
        { QStringLiteral("connections"), poller.connected() },
        { QStringLiteral("n"), poller.latencies.size() },
        { QStringLiteral("rps"),
            qRound(
                double(poller.latencies.size()) * 1000.0 / double(std::max<qint64>(1, poller.elapsedMs))) },
        { QStringLiteral("p50_ms"), round2(percentile(poller.latencies, 0.5)) },
        { QStringLiteral("p99_ms"), round2(percentile(poller.latencies, 0.99)) },
        { QStringLiteral("statuses"), statusesJson(poller.statuses) } });

    const int handshakes = p.value(QStringLiteral("handshakes")).toInt();
    std::fprintf(stderr, "tls_bench: %s %d new connections\n", qPrintable(scheme), handshakes);
    QList<double> connectMs, totalMs;
    QMap<int, int> statuses;
    const QByteArray health = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    QElapsedTimer clock;
    for (int i = 0; i < handshakes; ++i) {
        clock.start();
        auto socket = target.connect();
        if (!socket) {
            ++statuses[0];
            continue;
        }
        connectMs.append(double(clock.nsecsElapsed()) / 1e6);
        ++statuses[exchange(*socket, health)];
        totalMs.append(double(clock.nsecsElapsed()) / 1e6);
        socket->abort();
    }
    emitLine({ { QStringLiteral("bench"), QStringLiteral("tls") }, { QStringLiteral("scheme"), scheme },
        { QStringLiteral("tls"), protocol }, { QStringLiteral("scenario"), QStringLiteral("new-connection") },
        { QStringLiteral("n"), connectMs.size() },
        { QStringLiteral("connect_p50_ms"), round2(percentile(connectMs, 0.5)) },
        { QStringLiteral("connect_p99_ms"), round2(percentile(connectMs, 0.99)) },
        { QStringLiteral("request_p50_ms"), round2(percentile(totalMs, 0.5)) },
        { QStringLiteral("request_p99_ms"), round2(percentile(totalMs, 0.99)) },
        { QStringLiteral("statuses"), statusesJson(statuses) } });
    return 0;
}
