// SPDX-License-Identifier: MIT
// Sign-in and poll latency while wrong passwords arrive, as JSON lines on stdout (progress on
// stderr). bench/signin_bench/run.sh starts outpostd (SQLite, --demo, the production PBKDF2 cost
// of 600,000 iterations) and runs this with its URL:
//   signin_bench --url http://127.0.0.1:PORT [--seconds 20] [--rate 200]
// Three scenarios, each for --seconds: no flood; --rate wrong passwords a second from 64 loopback
// addresses (127.0.0.2 …), each for a user name of its own; the same rate from one address.
// Meanwhile bob signs in with his right password and alice polls the changes feed (an empty
// delta), one request at a time each, 50 ms apart; reported: median, p99 and max per kind.
#include "signinflood.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>

#include <algorithm>
#include <cstdio>

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

void pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

QJsonObject stats(
    const QString &scenario, const QString &kind, const QList<double> &ms, const QMap<int, int> &statuses)
{
    QJsonObject s;
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        s.insert(QString::number(it.key()), it.value());
    return { { QStringLiteral("bench"), QStringLiteral("signin") }, { QStringLiteral("scenario"), scenario },
        { QStringLiteral("kind"), kind }, { QStringLiteral("n"), ms.size() },
        { QStringLiteral("p50_ms"), qRound(percentile(ms, 0.5) * 10) / 10.0 },
        { QStringLiteral("p99_ms"), qRound(percentile(ms, 0.99) * 10) / 10.0 },
        { QStringLiteral("max_ms"), qRound(percentile(ms, 1.0) * 10) / 10.0 },
        { QStringLiteral("statuses"), s } };
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser p;
    p.addOption({ QStringLiteral("url"), QStringLiteral("outpostd base URL"), QStringLiteral("URL") });
    p.addOption({ QStringLiteral("seconds"), QStringLiteral("per scenario (20)"), QStringLiteral("S"),
        QStringLiteral("20") });
    p.addOption({ QStringLiteral("rate"), QStringLiteral("wrong passwords a second (200)"),
        QStringLiteral("N"), QStringLiteral("200") });
    p.process(app);
    const quint16 port = quint16(QUrl(p.value(QStringLiteral("url"))).port());
    const int seconds = p.value(QStringLiteral("seconds")).toInt();
    const int rate = p.value(QStringLiteral("rate")).toInt();

    Prober poller(port);
    double ms = 0;
    QByteArray body;
    if (poller.measure(Prober::signIn("alice", "alice"), &ms, &body) != 200) {
        std::fprintf(stderr, "signin_bench: alice cannot sign in\n");
        return 1;
    }
    const QByteArray token
        = QJsonDocument::fromJson(body).object().value(QStringLiteral("token")).toString().toLatin1();
    poller.measure(Prober::get("/api/v1/sync/changes?since=0&limit=5000", token), &ms, &body);
    const QByteArray next
        = QJsonDocument::fromJson(body).object().value(QStringLiteral("next")).toString().toLatin1();
    const QByteArray poll = Prober::get("/api/v1/sync/changes?since=" + next + "&limit=500", token);

    struct Scenario {
        QString name;
        int addresses; // 0: no flood
    };
    for (const Scenario &sc :
        { Scenario { QStringLiteral("no-flood"), 0 }, Scenario { QStringLiteral("flood-64-addresses"), 64 },
            Scenario { QStringLiteral("flood-1-address"), 1 } }) {
        std::fprintf(stderr, "signin_bench: %s for %d s\n", qPrintable(sc.name), seconds);
        std::unique_ptr<SignInFlood> flood;
        if (sc.addresses > 0) {
            flood = std::make_unique<SignInFlood>(port, 64, sc.addresses, rate);
            flood->start();
        }
        Prober signer(port);
        QList<double> signIns, polls;
        QMap<int, int> signInStatus, pollStatus;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < qint64(seconds) * 1000) {
            ++signInStatus[signer.measure(Prober::signIn("bob", "bob"), &ms)];
            signIns.append(ms);
            pause(50);
            for (int i = 0; i < 4; ++i) {
                ++pollStatus[poller.measure(poll, &ms)];
                polls.append(ms);
                pause(50);
            }
        }
        if (flood)
            flood->stop();
        emitLine(stats(sc.name, QStringLiteral("signin"), signIns, signInStatus));
        emitLine(stats(sc.name, QStringLiteral("poll"), polls, pollStatus));
        if (flood) {
            QJsonObject s;
            for (auto it = flood->statuses().cbegin(); it != flood->statuses().cend(); ++it)
                s.insert(QString::number(it.key()), it.value());
            emitLine({ { QStringLiteral("bench"), QStringLiteral("signin") },
                { QStringLiteral("scenario"), sc.name }, { QStringLiteral("kind"), QStringLiteral("flood") },
                { QStringLiteral("sent_per_s"), qRound(flood->sent() / flood->seconds()) },
                { QStringLiteral("not_sent"), flood->missed() }, { QStringLiteral("statuses"), s } });
            flood.reset();
            pause(2000); // let the server finish what the flood left in its queue
        }
    }
    return 0;
}
