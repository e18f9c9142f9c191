// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>
#include <QUrl>

#include <memory>

class QThread;

namespace outpost::testing {

class FaultProxyWorker;

/// A TCP proxy in front of a server that breaks a share of what passes through it, the way bad
/// networks do. It reads HTTP/1.1 on each connection (keep-alive: one exchange after the other;
/// Content-Length and chunked bodies) and, after an upgrade (101), WebSocket frames, and picks a
/// fault for each exchange or server frame with probability `faultRate`:
///
/// - ResetBeforeRequest: a random part of the request (maybe none) reaches the server, then both
///   sides are reset (RST): the server never saw a complete request;
/// - ResetAfterAnswer: the whole request goes, the server's whole answer arrives, then the client's
///   side is reset without any of it: the server did the work, the client never learns;
/// - CutResponse: a random part of the answer (or frame) reaches the client, then its side closes
///   (FIN or RST, either);
/// - Stall: a random part of the answer goes, then nothing for between half and one and a half
///   times `stallMs`, then the rest (a client whose transfer timeout is shorter gives up).
///
/// Deterministic with a seed: connection n (in accept order) draws from its own generator seeded
/// with (seed, n), so the same seed breaks the same exchanges of the same connections. Runs on a
/// thread of its own, so it works whatever the test's thread is waiting on. Counts are readable
/// from any thread.
class FaultProxy
{
public:
    enum class Fault { ResetBeforeRequest, ResetAfterAnswer, CutResponse, Stall };
    static QList<Fault> allFaults()
    {
        return { Fault::ResetBeforeRequest, Fault::ResetAfterAnswer, Fault::CutResponse, Fault::Stall };
    }
    static QString name(Fault f);

    struct Options {
        QString targetHost = QStringLiteral("127.0.0.1");
        quint16 targetPort = 0;
        quint16 listenPort = 0; // 0: any free port on 127.0.0.1
        double faultRate = 0.3; // share of exchanges and server frames that break
        quint64 seed = 1;
        int stallMs = 1500;
        QList<Fault> faults = allFaults(); // the kinds to pick from, evenly
    };

    struct Counts {
        int connections = 0;
        int exchanges = 0; // HTTP request/answer pairs begun
        int frames = 0; // WebSocket frames from the server
        int resetBeforeRequest = 0;
        int resetAfterAnswer = 0;
        int cutResponse = 0;
        int stall = 0;
        int webSocketFaults = 0; // of the above, those on WebSocket frames
        int faults() const { return resetBeforeRequest + resetAfterAnswer + cutResponse + stall; }
        QString toString() const;
    };

    FaultProxy();
    ~FaultProxy();
    FaultProxy(const FaultProxy &) = delete;
    FaultProxy &operator=(const FaultProxy &) = delete;

    /// Listens on 127.0.0.1; false with the reason when it cannot.
    bool start(const Options &options, QString *why);
    quint16 port() const { return m_port; }
    QUrl url() const; // "http://127.0.0.1:PORT"
    /// From now on (any thread): e.g. 0 to let a run settle, or back to 0.3.
    void setFaultRate(double rate);
    Counts counts() const;

private:
    FaultProxyWorker *m_worker = nullptr;
    std::unique_ptr<QThread> m_thread;
    quint16 m_port = 0;
};

} // namespace outpost::testing
