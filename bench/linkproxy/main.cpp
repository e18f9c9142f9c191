// SPDX-License-Identifier: MIT
// outpost_linkproxy: a weak link in user space (this kernel has no netem). A TCP proxy that forwards
// every connection to --target through a link of --rate-kbit each way (the bytes of one direction
// share it, as on a real line) and --rtt-ms round trip (half of it each way):
//   outpost_linkproxy --target 127.0.0.1:8470 [--listen 0] [--rate-kbit 1000] [--rtt-ms 300]
//                     [--stats FILE]
// Prints "linkproxy listening on PORT" once it listens. With --stats it keeps FILE up to date with
// the bytes carried so far as one JSON object {"up":N,"down":M,"connections":K} (up: towards the
// target), rewritten at most every 50 ms while bytes flow; benches read it around a measurement.
// The link model: a chunk read from one side leaves the link once the link has sent everything
// before it at the given rate, and arrives one-way delay later. The proxy reads eagerly, so TCP's
// own windows never limit the rate below the link's.
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHostAddress>
#include <QPointer>
#include <QSaveFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <csignal>
#include <cstdio>
#include <deque>

namespace {

QElapsedTimer g_clock;

struct Totals {
    qint64 up = 0;
    qint64 down = 0;
    int connections = 0;
};

/// The bytes carried so far, written to a file for benches (throttled).
class StatsFile : public QObject
{
public:
    explicit StatsFile(QString path)
        : m_path(std::move(path))
    {
        m_timer.setSingleShot(true);
        m_timer.setInterval(50);
        connect(&m_timer, &QTimer::timeout, this, [this]() { write(); });
        write();
    }
    Totals totals;
    void changed()
    {
        if (!m_path.isEmpty() && !m_timer.isActive())
            m_timer.start();
    }
    void write()
    {
        if (m_path.isEmpty())
            return;
        QSaveFile f(m_path);
        if (!f.open(QIODevice::WriteOnly))
            return;
        f.write(QStringLiteral("{\"up\":%1,\"down\":%2,\"connections\":%3}\n")
                    .arg(totals.up)
                    .arg(totals.down)
                    .arg(totals.connections)
                    .toUtf8());
        f.commit();
    }

private:
    QString m_path;
    QTimer m_timer;
};

/// One direction of one connection: what `from` sends reaches `to` at the link's pace.
class Pipe : public QObject
{
public:
    Pipe(QTcpSocket *from, QTcpSocket *to, double bytesPerNs, qint64 delayNs, qint64 *counter,
        StatsFile *stats)
        : m_from(from)
        , m_to(to)
        , m_bytesPerNs(bytesPerNs)
        , m_delayNs(delayNs)
        , m_counter(counter)
        , m_stats(stats)
    {
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this]() { deliver(); });
        connect(from, &QTcpSocket::readyRead, this, [this]() { take(); });
        connect(from, &QTcpSocket::disconnected, this, [this]() {
            take();
            m_fromClosed = true;
            deliver();
        });
    }
    /// Reads what arrived (also before the other side is connected: it waits in the queue).
    void take()
    {
        const qint64 now = g_clock.nsecsElapsed();
        while (m_from->bytesAvailable() > 0) {
            const QByteArray data = m_from->read(1448); // about one TCP segment
            if (data.isEmpty())
                break;
            m_linkFreeNs = std::max(m_linkFreeNs, now) + qint64(double(data.size()) / m_bytesPerNs);
            m_queue.push_back({ m_linkFreeNs + m_delayNs, data });
        }
        schedule();
    }
    /// Writes what is due; closes the far side once the near side closed and all was delivered.
    void deliver()
    {
        if (m_to->state() != QAbstractSocket::ConnectedState) {
            if (m_to->state() == QAbstractSocket::UnconnectedState && m_toWasConnected)
                m_queue.clear();
            return;
        }
        m_toWasConnected = true;
        const qint64 now = g_clock.nsecsElapsed();
        while (!m_queue.empty() && m_queue.front().dueNs <= now) {
            m_to->write(m_queue.front().data);
            *m_counter += m_queue.front().data.size();
            m_queue.pop_front();
            m_stats->changed();
        }
        if (m_queue.empty() && m_fromClosed) {
            m_to->disconnectFromHost();
            return;
        }
        schedule();
    }

private:
    struct Chunk {
        qint64 dueNs;
        QByteArray data;
    };
    void schedule()
    {
        if (m_queue.empty())
            return;
        const qint64 wait = std::max<qint64>(0, m_queue.front().dueNs - g_clock.nsecsElapsed());
        const int ms = int((wait + 999'999) / 1'000'000);
        if (!m_timer.isActive() || m_timer.remainingTime() > ms)
            m_timer.start(ms);
    }

    QTcpSocket *m_from;
    QTcpSocket *m_to;
    const double m_bytesPerNs;
    const qint64 m_delayNs;
    qint64 *m_counter;
    StatsFile *m_stats;
    std::deque<Chunk> m_queue;
    qint64 m_linkFreeNs = 0;
    bool m_fromClosed = false;
    bool m_toWasConnected = false;
    QTimer m_timer;
};

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "linkproxy: %s\n", qPrintable(what));
    std::exit(2);
}

void quitOnSignal(int)
{
    QCoreApplication::quit();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addHelpOption();
    p.addOption({ "target", "where connections go", "HOST:PORT" });
    p.addOption({ "listen", "the port to listen on, on 127.0.0.1 (0: any free one)", "PORT", "0" });
    p.addOption({ "rate-kbit", "the link's rate each way, kbit/s", "N", "1000" });
    p.addOption({ "rtt-ms", "the link's round trip time, ms", "N", "300" });
    p.addOption({ "stats", "keep this file up to date with the bytes carried", "FILE" });
    p.process(app);
    const QString target = p.value("target");
    const qsizetype colon = target.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        fail(QStringLiteral("--target HOST:PORT is required"));
    const QString host = target.left(colon);
    const quint16 port = quint16(target.mid(colon + 1).toUInt());
    const double rateKbit = p.value("rate-kbit").toDouble();
    const qint64 delayNs = p.value("rtt-ms").toLongLong() * 1'000'000 / 2;
    if (rateKbit <= 0 || port == 0)
        fail(QStringLiteral("bad --rate-kbit or --target"));
    const double bytesPerNs = rateKbit * 1000.0 / 8.0 / 1e9;
    g_clock.start();
    std::signal(SIGTERM, quitOnSignal);
    std::signal(SIGINT, quitOnSignal);

    StatsFile stats(p.value("stats"));
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, quint16(p.value("listen").toUInt())))
        fail(server.errorString());
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&]() {
        while (QTcpSocket *client = server.nextPendingConnection()) {
            auto *upstream = new QTcpSocket(client);
            client->setSocketOption(QAbstractSocket::LowDelayOption, 1);
            ++stats.totals.connections;
            auto *up = new Pipe(client, upstream, bytesPerNs, delayNs, &stats.totals.up, &stats);
            auto *down = new Pipe(upstream, client, bytesPerNs, delayNs, &stats.totals.down, &stats);
            up->setParent(client);
            down->setParent(client);
            QObject::connect(upstream, &QTcpSocket::connected, up, [up, upstream]() {
                upstream->setSocketOption(QAbstractSocket::LowDelayOption, 1);
                up->deliver();
            });
            QObject::connect(upstream, &QTcpSocket::errorOccurred, client, [client](auto) {
                if (client->state() == QAbstractSocket::ConnectedState)
                    client->disconnectFromHost();
            });
            QObject::connect(client, &QTcpSocket::disconnected, client, [client, upstream, &stats]() {
                stats.changed();
                // Both directions drained (or the far side is gone): the pair can go.
                if (upstream->state() == QAbstractSocket::UnconnectedState)
                    client->deleteLater();
            });
            QObject::connect(upstream, &QTcpSocket::disconnected, client, [client]() {
                if (client->state() == QAbstractSocket::UnconnectedState)
                    client->deleteLater();
            });
            upstream->connectToHost(host, port);
            up->take();
        }
    });
    std::printf("linkproxy listening on %d\n", server.serverPort());
    std::fflush(stdout);
    const int rc = app.exec();
    stats.write();
    return rc;
}
