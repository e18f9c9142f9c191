// SPDX-License-Identifier: MIT
// A fleet of devices against one or more outpostd instances, in one process on one event loop.
//   fleet_bench setup --url URL --devices 500 [--own 20] [--queue-cases 80] [--team 10] [--password P]
//       as the administrator carol: technicians fleet-000… in teams of --team (queues team-00…), each
//       with --own cases assigned to them and --queue-cases unassigned cases in their team's queue.
//   fleet_bench run --url URL[,URL…] --pid PID[,PID…] --devices 500 [--seconds 60] [--password P]
//       [--signin-spread 30] [--poll-s 5] [--push-share 0.2] [--upload-s 20] [--upload-notes 2]
//       [--burst-share 0.05] [--burst 200] [--label L] [--db-pid POSTMASTER]
//       device i signs in as fleet-i on instance i % instances (sign-ins spread over --signin-spread
//       seconds), reads its whole scope (full sync, pages of 5,000 as the app asks), then polls every
//       --poll-s seconds, or, for a --push-share of the devices, keeps a WebSocket and pulls when
//       hinted (and polls every 60 s besides); every device uploads --upload-notes notes about every
//       --upload-s seconds, and a --burst-share of them sends an offline burst of --burst actions in
//       one request once, in the middle of the run. On 503/429 a device waits Retry-After (jittered),
//       as the app does. Prints JSON lines: per request kind, per instance (CPU from /proc, peak RSS),
//       and a summary.
// Talks only to 127.0.0.1; every loop is bounded in count and time.
#include "benchlines.h"
#include "processusage.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <unistd.h>
#include <vector>

namespace {

QNetworkRequest jsonRequest(const QUrl &base, const QString &pathAndQuery, const QString &token)
{
    QNetworkRequest r(QUrl(base.toString() + pathAndQuery));
    r.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    r.setRawHeader("X-Outpost-Features", "signature");
    r.setTransferTimeout(120000);
    return r;
}

using outpost::bench::percentile;
using outpost::bench::printLine;
using outpost::bench::processCpuSeconds;

int statusOf(QNetworkReply *r)
{
    return r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

QString userName(int i)
{
    return QStringLiteral("fleet-%1").arg(i, 3, 10, QLatin1Char('0'));
}

/// Runs the event loop until `reply` finished; returns its status and body.
std::pair<int, QByteArray> await(QNetworkReply *reply)
{
    std::unique_ptr<QNetworkReply> r(reply);
    if (!r->isFinished()) {
        QEventLoop loop;
        QObject::connect(r.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return { statusOf(r.get()), r->readAll() };
}

// ---- /proc readings of the server processes ----

double statusMb(qint64 pid, const QByteArray &key)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(QByteArray(key).append(':')))
            return double(line.mid(key.size() + 1).trimmed().split(' ').value(0).toLongLong()) / 1024.0;
    return 0;
}

/// CPU seconds of a PostgreSQL cluster: its postmaster and every process it started (backends of
/// both instances, WAL writer, checkpointer); backends that ended meanwhile are not counted.
double clusterCpuSeconds(qint64 postmaster)
{
    if (postmaster <= 0)
        return 0;
    double total = processCpuSeconds(postmaster);
    const QDir proc(QStringLiteral("/proc"));
    for (const QString &entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (!ok)
            continue;
        QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QByteArray stat = f.readAll();
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields.at(1).toLongLong() == postmaster)
            total += processCpuSeconds(pid);
    }
    return total;
}

/// Forgets the process's peak RSS so far (the demo seed's), so VmHWM holds the run's own peak.
bool resetPeakRss(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/clear_refs").arg(pid));
    return f.open(QIODevice::WriteOnly) && f.write("5") == 1;
}

// ---- setup ----

int setup(const QUrl &base, int devices, int own, int queueCases, int teamSize, const QString &password)
{
    QNetworkAccessManager nam;
    const QByteArray signInBody
        = QJsonDocument(QJsonObject { { QStringLiteral("username"), QStringLiteral("carol") },
                            { QStringLiteral("password"), QStringLiteral("carol") },
                            { QStringLiteral("deviceId"), QStringLiteral("fleet-setup") } })
              .toJson(QJsonDocument::Compact);
    const auto [st, body]
        = await(nam.post(jsonRequest(base, QStringLiteral("/api/v1/session"), {}), signInBody));
    const QString token = QJsonDocument::fromJson(body).object().value(QStringLiteral("token")).toString();
    if (st != 200 || token.isEmpty()) {
        std::fprintf(stderr, "fleet: cannot sign in as carol (%d)\n", st);
        return 1;
    }
    // Every open case, from the administrator's full feed.
    QStringList ids;
    QString since;
    for (int page = 0; page < 1000; ++page) {
        QString path = QStringLiteral("/api/v1/sync/changes?limit=5000");
        if (!since.isEmpty())
            path += QStringLiteral("&since=") + QString::fromLatin1(QUrl::toPercentEncoding(since));
        const auto [s, b] = await(nam.get(jsonRequest(base, path, token)));
        if (s != 200) {
            std::fprintf(stderr, "fleet: feed answered %d\n", s);
            return 1;
        }
        const QJsonObject o = QJsonDocument::fromJson(b).object();
        for (const QJsonValue &v : o.value(QStringLiteral("changes")).toArray()) {
            const QJsonObject c = v.toObject();
            if (c.value(QStringLiteral("kind")).toString() == QLatin1String("case")
                && !c.value(QStringLiteral("data"))
                        .toObject()
                        .value(QStringLiteral("status"))
                        .toString()
                        .startsWith(QLatin1String("Resolved")))
                ids.append(c.value(QStringLiteral("id")).toString());
        }
        since = o.value(QStringLiteral("next")).toString();
        if (!o.value(QStringLiteral("more")).toBool())
            break;
    }
    const int teams = (devices + teamSize - 1) / teamSize;
    const int needed = devices * own + teams * queueCases;
    if (ids.size() < needed) {
        std::fprintf(stderr, "fleet: %d open cases, the fleet needs %d (more --demo-cases)\n",
            int(ids.size()), needed);
        return 1;
    }
    QElapsedTimer t;
    t.start();
    int next = 0;
    const auto post = [&](const QString &path, const QJsonObject &o) {
        const auto [s, b] = await(
            nam.post(jsonRequest(base, path, token), QJsonDocument(o).toJson(QJsonDocument::Compact)));
        if (s != 200 && s != 201 && s != 409) {
            std::fprintf(stderr, "fleet: %s answered %d: %s\n", qPrintable(path), s, b.left(300).constData());
            return false;
        }
        return true;
    };
    const auto take = [&](int n) {
        QJsonArray out;
        for (int k = 0; k < n; ++k)
            out.append(ids.at(next++));
        return out;
    };
    for (int team = 0; team < teams; ++team) {
        const QString queue = QStringLiteral("team-%1").arg(team, 2, 10, QLatin1Char('0'));
        for (int i = team * teamSize; i < std::min(devices, (team + 1) * teamSize); ++i) {
            if (!post(QStringLiteral("/api/v1/admin/users"),
                    { { QStringLiteral("id"), userName(i) }, { QStringLiteral("password"), password },
                        { QStringLiteral("roles"), QJsonArray { QStringLiteral("technician") } },
                        { QStringLiteral("queues"), QJsonArray { queue } } }))
                return 1;
            if (own > 0
                && !post(QStringLiteral("/api/v1/admin/cases/assign"),
                    { { QStringLiteral("ids"), take(own) }, { QStringLiteral("assignee"), userName(i) },
                        { QStringLiteral("queue"), queue } }))
                return 1;
        }
        if (queueCases > 0
            && !post(QStringLiteral("/api/v1/admin/cases/assign"),
                { { QStringLiteral("ids"), take(queueCases) }, { QStringLiteral("assignee"), QString() },
                    { QStringLiteral("queue"), queue } }))
            return 1;
    }
    printLine({ { QStringLiteral("bench"), QStringLiteral("fleet_setup") },
        { QStringLiteral("devices"), devices }, { QStringLiteral("teams"), teams },
        { QStringLiteral("own_cases"), own }, { QStringLiteral("queue_cases"), queueCases },
        { QStringLiteral("seconds"), double(t.elapsed()) / 1000.0 } });
    return 0;
}

// ---- the run ----

struct Params {
    std::vector<QUrl> urls;
    int devices = 500;
    int seconds = 60;
    QString password;
    double signInSpread = 30;
    double pollSeconds = 5;
    double pushShare = 0.2;
    double uploadSeconds = 20;
    int uploadNotes = 2;
    double burstShare = 0.05;
    int burst = 200;
    QString label;
};

struct KindStats {
    std::vector<double> ms;
    qint64 errors = 0;
    qint64 busy = 0; // 503/429 answers, sent again after Retry-After
};

struct Fleet {
    explicit Fleet(const Params &p)
        : params(p)
    { }
    const Params &params;
    QElapsedTimer clock;
    qint64 deadlineMs = 0;
    std::map<QString, KindStats> kinds;
    std::vector<qint64> requestsPerInstance;
    qint64 actionsApplied = 0;
    qint64 hints = 0;
    int signedIn = 0, synced = 0, sockets = 0, inFlight = 0;
    QRandomGenerator random { 15 };
    bool over() const { return clock.elapsed() >= deadlineMs; }
};

/// One simulated device: its own connection (QNetworkAccessManager), one request at a time, as the
/// app's sync engine; what comes due while a request is out waits for it.
class Device : public QObject
{
public:
    Device(Fleet &fleet, int index, int instance, bool push, bool burst)
        : m_fleet(fleet)
        , m_index(index)
        , m_instance(instance)
        , m_base(fleet.params.urls.at(size_t(instance)))
        , m_push(push)
        , m_burst(burst)
    { }

    void start()
    {
        const Params &p = m_fleet.params;
        const int at = int(p.signInSpread * 1000.0 * m_index / std::max(1, p.devices));
        QTimer::singleShot(at, this, [this] { signIn(); });
    }

private:
    void send(const QString &kind, QNetworkReply *r, std::function<bool(int, const QByteArray &)> onOk,
        std::function<void()> again)
    {
        ++m_fleet.inFlight;
        ++m_fleet.requestsPerInstance[size_t(m_instance)];
        m_busy = true;
        QElapsedTimer t;
        t.start();
        connect(r, &QNetworkReply::finished, this, [this, r, t, kind, onOk, again] {
            --m_fleet.inFlight;
            m_busy = false;
            r->deleteLater();
            const double ms = double(t.nsecsElapsed()) / 1e6;
            KindStats &k = m_fleet.kinds[kind];
            const int status = statusOf(r);
            if ((status == 503 || status == 429) && r->hasRawHeader("Retry-After")) {
                ++k.busy;
                const double wait = r->rawHeader("Retry-After").toDouble() * 1000.0
                    * (0.5 + m_fleet.random.generateDouble());
                QTimer::singleShot(int(wait), this, [again] { again(); });
                return;
            }
            const QByteArray body = r->readAll();
            if (status < 200 || status > 299 || !onOk(status, body)) {
                ++k.errors;
                if (k.errors <= 3)
                    std::fprintf(stderr, "fleet: %s of %s answered %d: %s\n", qPrintable(kind),
                        qPrintable(userName(m_index)), status, body.left(200).constData());
                // The app backs off after a failed cycle; so does the device.
                QTimer::singleShot(5000, this, [again] { again(); });
                return;
            }
            k.ms.push_back(ms);
            next();
        });
    }

    void signIn()
    {
        if (m_fleet.over())
            return;
        const QByteArray body
            = QJsonDocument(QJsonObject { { QStringLiteral("username"), userName(m_index) },
                                { QStringLiteral("password"), m_fleet.params.password },
                                { QStringLiteral("deviceId"),
                                    QStringLiteral("%1-dev%2").arg(m_fleet.params.label).arg(m_index) } })
                  .toJson(QJsonDocument::Compact);
        send(
            QStringLiteral("signin"),
            m_nam.post(jsonRequest(m_base, QStringLiteral("/api/v1/session"), {}), body),
            [this](int, const QByteArray &b) {
                m_token = QJsonDocument::fromJson(b).object().value(QStringLiteral("token")).toString();
                if (m_token.isEmpty())
                    return false;
                ++m_fleet.signedIn;
                m_fullSync = true;
                return true;
            },
            [this] { signIn(); });
    }

    void page()
    {
        QString path = QStringLiteral("/api/v1/sync/changes?limit=5000&include=history");
        if (!m_since.isEmpty())
            path += QStringLiteral("&since=") + QString::fromLatin1(QUrl::toPercentEncoding(m_since));
        const bool full = m_fullSync;
        const QString kind = full ? QStringLiteral("full_sync_page")
            : m_hinted            ? QStringLiteral("push_delta")
                                  : QStringLiteral("poll");
        m_hinted = false;
        send(
            kind, m_nam.get(jsonRequest(m_base, path, m_token)),
            [this, full](int, const QByteArray &b) {
                const QJsonObject o = QJsonDocument::fromJson(b).object();
                if (!o.contains(QStringLiteral("next")))
                    return false;
                if (full)
                    for (const QJsonValue &v : o.value(QStringLiteral("changes")).toArray()) {
                        const QJsonObject c = v.toObject();
                        if (c.value(QStringLiteral("kind")).toString() == QLatin1String("case"))
                            m_cases.append(c.value(QStringLiteral("id")).toString());
                    }
                m_since = o.value(QStringLiteral("next")).toString();
                m_more = o.value(QStringLiteral("more")).toBool();
                if (full && !m_more) {
                    m_fullSync = false;
                    ++m_fleet.synced;
                    startSteadyState();
                }
                return true;
            },
            [this] {
                m_more = true;
                next();
            });
    }

    void upload(int count, const QString &kind)
    {
        QByteArray b = QByteArrayLiteral("{\"deviceId\":\"") + m_fleet.params.label.toLatin1() + "-dev"
            + QByteArray::number(m_index) + "\",\"actions\":[";
        for (int k = 0; k < count; ++k) {
            if (k > 0)
                b.append(',');
            b.append("{\"id\":\"" + QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()
                + "\",\"type\":\"note\",\"caseId\":\""
                + m_cases.at(int(m_fleet.random.bounded(quint32(m_cases.size())))).toLatin1()
                + "\",\"text\":\"fleet note\",\"clientTime\":\"2026-12-07T09:00:00Z\"}");
        }
        b.append("]}");
        m_pendingBody = b;
        m_pendingKind = kind;
        sendUpload();
    }

    void sendUpload()
    {
        // Sent again as it is after a 503, as the app does (the action ids make it idempotent).
        const QString kind = m_pendingKind;
        send(
            kind,
            m_nam.post(jsonRequest(m_base, QStringLiteral("/api/v1/sync/actions"), m_token), m_pendingBody),
            [this](int, const QByteArray &b) {
                m_fleet.actionsApplied += b.count("\"status\":\"applied\"");
                m_pendingBody.clear();
                return true;
            },
            [this] {
                m_retryUpload = true;
                next();
            });
    }

    void startSteadyState()
    {
        const Params &p = m_fleet.params;
        auto *poll = new QTimer(this);
        poll->setInterval(int((m_push ? 60.0 : p.pollSeconds) * 1000.0));
        connect(poll, &QTimer::timeout, this, [this] {
            m_wantPoll = true;
            next();
        });
        // Each device's timers start at a random phase, as devices do that came online at other times.
        QTimer::singleShot(
            int(m_fleet.random.bounded(quint32(poll->interval()))), poll, [poll] { poll->start(); });
        auto *up = new QTimer(this);
        up->setInterval(int(p.uploadSeconds * 1000.0));
        connect(up, &QTimer::timeout, this, [this] {
            m_wantUpload = true;
            next();
        });
        QTimer::singleShot(int(m_fleet.random.bounded(quint32(up->interval()))), up, [up] { up->start(); });
        if (m_burst) {
            const qint64 left = m_fleet.deadlineMs - m_fleet.clock.elapsed();
            const int at = int(std::max<qint64>(
                0, left / 4 + qint64(m_fleet.random.bounded(quint32(std::max<qint64>(1, left / 2))))));
            QTimer::singleShot(at, this, [this] {
                m_wantBurst = true;
                next();
            });
        }
        if (m_push)
            openSocket();
    }

    void openSocket()
    {
        m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        connect(m_socket, &QWebSocket::connected, this, [this] { ++m_fleet.sockets; });
        connect(m_socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            ++m_fleet.hints;
            if (text.contains(QLatin1String("fullSyncRequired"))) {
                m_since.clear();
                m_fullSync = true;
            }
            m_wantHinted = true;
            next();
        });
        QUrl ws = m_base;
        ws.setScheme(QStringLiteral("ws"));
        ws.setPath(QStringLiteral("/api/v1/notify"));
        QNetworkRequest r(ws);
        r.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        m_socket->open(r);
    }

    /// The next thing due, when no request is out: the rest of a sync, an upload, a poll.
    void next()
    {
        if (m_busy || m_token.isEmpty() || m_fleet.over())
            return;
        if (m_fullSync || m_more) {
            page();
        } else if (!m_pendingBody.isEmpty() && m_retryUpload) {
            m_retryUpload = false;
            sendUpload();
        } else if (m_wantBurst && m_pendingBody.isEmpty() && !m_cases.isEmpty()) {
            m_wantBurst = false;
            upload(m_fleet.params.burst, QStringLiteral("burst_upload"));
        } else if (m_wantUpload && m_pendingBody.isEmpty() && !m_cases.isEmpty()) {
            m_wantUpload = false;
            upload(m_fleet.params.uploadNotes, QStringLiteral("upload"));
        } else if (m_wantHinted) {
            m_wantHinted = false;
            m_hinted = true;
            page();
        } else if (m_wantPoll) {
            m_wantPoll = false;
            page();
        }
    }

    Fleet &m_fleet;
    int m_index;
    int m_instance;
    QUrl m_base;
    bool m_push;
    bool m_burst;
    QNetworkAccessManager m_nam;
    QWebSocket *m_socket = nullptr;
    QString m_token, m_since;
    QStringList m_cases;
    QByteArray m_pendingBody;
    QString m_pendingKind;
    bool m_busy = false, m_fullSync = false, m_more = false, m_hinted = false;
    bool m_wantPoll = false, m_wantUpload = false, m_wantBurst = false, m_wantHinted = false;
    bool m_retryUpload = false;
};

double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : 0;
}

int run(const Params &p, const std::vector<qint64> &pids, qint64 dbPid)
{
    Fleet fleet(p);
    fleet.requestsPerInstance.assign(p.urls.size(), 0);
    std::vector<double> cpu0;
    for (qint64 pid : pids) {
        cpu0.push_back(processCpuSeconds(pid));
        resetPeakRss(pid);
    }
    std::vector<double> rssMax(pids.size(), 0);
    const double load0 = loadAverage();
    const double dbCpu0 = clusterCpuSeconds(dbPid);
    const double benchCpu0 = outpost::bench::cpuSeconds();
    fleet.deadlineMs = qint64(p.seconds) * 1000;
    fleet.clock.start();
    std::vector<std::unique_ptr<Device>> devices;
    const int pushEvery = p.pushShare > 0 ? std::max(1, int(1.0 / p.pushShare + 0.5)) : 0;
    const int burstEvery = p.burstShare > 0 ? std::max(1, int(1.0 / p.burstShare + 0.5)) : 0;
    int pushDevices = 0, burstDevices = 0;
    for (int i = 0; i < p.devices; ++i) {
        const bool push = pushEvery > 0 && i % pushEvery == pushEvery - 1;
        const bool burst = burstEvery > 0 && i % burstEvery == burstEvery / 2;
        pushDevices += push;
        burstDevices += burst;
        devices.push_back(std::make_unique<Device>(fleet, i, i % int(p.urls.size()), push, burst));
        devices.back()->start();
    }
    QEventLoop loop;
    QTimer check;
    double loadMax = load0;
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        for (size_t k = 0; k < pids.size(); ++k)
            rssMax[k] = std::max(rssMax[k], statusMb(pids[k], "VmRSS"));
        loadMax = std::max(loadMax, loadAverage());
        // After the deadline no device starts a request; the ones out are waited for (bounded).
        if (fleet.over() && (fleet.inFlight == 0 || fleet.clock.elapsed() > fleet.deadlineMs + 60000))
            loop.quit();
    });
    check.start(250);
    loop.exec();
    const double elapsed = double(fleet.clock.elapsed()) / 1000.0;
    const int instances = int(p.urls.size());
    qint64 total = 0;
    for (const auto &[kind, k] : fleet.kinds) {
        total += qint64(k.ms.size());
        const double target = kind == QLatin1String("poll") ? 100 : kind == QLatin1String("upload") ? 500 : 0;
        QJsonObject o { { QStringLiteral("bench"), QStringLiteral("fleet_requests") },
            { QStringLiteral("instances"), instances }, { QStringLiteral("devices"), p.devices },
            { QStringLiteral("kind"), kind }, { QStringLiteral("count"), qint64(k.ms.size()) },
            { QStringLiteral("per_s"), double(k.ms.size()) / elapsed },
            { QStringLiteral("errors"), k.errors }, { QStringLiteral("busy"), k.busy },
            { QStringLiteral("p50_ms"), percentile(k.ms, 0.5) },
            { QStringLiteral("p99_ms"), percentile(k.ms, 0.99) },
            { QStringLiteral("max_ms"), percentile(k.ms, 1.0) } };
        if (target > 0)
            o.insert(QStringLiteral("target_p99_ms"), target);
        printLine(o);
    }
    for (size_t k = 0; k < pids.size(); ++k) {
        const double cpu = processCpuSeconds(pids[k]) - cpu0[k];
        const qint64 requests = k < fleet.requestsPerInstance.size() ? fleet.requestsPerInstance[k] : 0;
        printLine({ { QStringLiteral("bench"), QStringLiteral("fleet_instance") },
            { QStringLiteral("instances"), instances }, { QStringLiteral("instance"), int(k) },
            { QStringLiteral("url"), p.urls.at(k).toString() }, { QStringLiteral("requests"), requests },
            { QStringLiteral("cpu_seconds"), cpu },
            { QStringLiteral("cpu_ms_per_request"), requests > 0 ? cpu * 1000.0 / double(requests) : 0.0 },
            { QStringLiteral("peak_rss_mb"), std::max(statusMb(pids[k], "VmHWM"), rssMax[k]) },
            { QStringLiteral("target_rss_mb"), 150 } });
    }
    printLine({ { QStringLiteral("bench"), QStringLiteral("fleet_summary") },
        { QStringLiteral("instances"), instances }, { QStringLiteral("devices"), p.devices },
        { QStringLiteral("seconds"), elapsed }, { QStringLiteral("signed_in"), fleet.signedIn },
        { QStringLiteral("synced"), fleet.synced }, { QStringLiteral("push_devices"), pushDevices },
        { QStringLiteral("websockets"), fleet.sockets }, { QStringLiteral("hints"), fleet.hints },
        { QStringLiteral("burst_devices"), burstDevices }, { QStringLiteral("requests"), total },
        { QStringLiteral("requests_per_s"), double(total) / elapsed },
        { QStringLiteral("actions_applied"), fleet.actionsApplied },
        { QStringLiteral("database_cpu_seconds"), clusterCpuSeconds(dbPid) - dbCpu0 },
        { QStringLiteral("bench_cpu_seconds"), outpost::bench::cpuSeconds() - benchCpu0 },
        { QStringLiteral("bench_peak_rss_mb"), outpost::bench::peakRssMb() },
        { QStringLiteral("load_average_start"), load0 }, { QStringLiteral("load_average_max"), loadMax } });
    return fleet.signedIn == p.devices && fleet.synced == p.devices ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser cl;
    cl.setApplicationDescription(
        QStringLiteral("A fleet of devices against outpostd (JSON lines on stdout)."));
    cl.addHelpOption();
    cl.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("setup or run"));
    const auto opt = [&](const char *name, const char *help, const char *def) {
        QCommandLineOption o(QString::fromLatin1(name), QString::fromLatin1(help), QStringLiteral("V"),
            QString::fromLatin1(def));
        cl.addOption(o);
        return o;
    };
    const auto url = opt("url", "Server base URLs, comma-separated.", "");
    const auto pid = opt("pid", "The servers' process ids, comma-separated, in the same order.", "");
    const auto devices = opt("devices", "Devices (one technician each).", "500");
    const auto seconds = opt("seconds", "Duration of the run.", "60");
    const auto password = opt("password", "The technicians' password.", "fleet-password-1");
    const auto own = opt("own", "Cases assigned to each technician (setup).", "20");
    const auto queueCases = opt("queue-cases", "Unassigned cases in each team's queue (setup).", "80");
    const auto team = opt("team", "Technicians per team queue (setup).", "10");
    const auto spread = opt("signin-spread", "Seconds over which the devices sign in.", "30");
    const auto poll = opt("poll-s", "Seconds between a polling device's polls.", "5");
    const auto push = opt("push-share", "Share of devices on a WebSocket instead of polling.", "0.2");
    const auto uploadS = opt("upload-s", "Seconds between a device's uploads.", "20");
    const auto notes = opt("upload-notes", "Notes per upload.", "2");
    const auto burstShare = opt("burst-share", "Share of devices sending an offline burst.", "0.05");
    const auto burst = opt("burst", "Actions in an offline burst.", "200");
    const auto label = opt("label", "Device id prefix.", "fleet");
    const auto dbPid
        = opt("db-pid", "The PostgreSQL postmaster's process id, for the cluster's CPU seconds.", "0");
    cl.process(app);
    Params p;
    std::vector<qint64> pids;
    for (const QString &u : cl.value(url).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QUrl q(u);
        if (!q.isValid() || q.host() != QLatin1String("127.0.0.1")) {
            std::fprintf(stderr, "fleet: --url must be http://127.0.0.1:PORT[,…]\n");
            return 2;
        }
        p.urls.push_back(q);
    }
    for (const QString &s : cl.value(pid).split(QLatin1Char(','), Qt::SkipEmptyParts))
        pids.push_back(s.toLongLong());
    if (p.urls.empty()) {
        std::fprintf(stderr, "fleet: --url is required\n");
        return 2;
    }
    p.devices = qBound(1, cl.value(devices).toInt(), 5000);
    p.seconds = qBound(1, cl.value(seconds).toInt(), 3600);
    p.password = cl.value(password);
    p.signInSpread = qBound(0.0, cl.value(spread).toDouble(), 3600.0);
    p.pollSeconds = qBound(0.1, cl.value(poll).toDouble(), 3600.0);
    p.pushShare = qBound(0.0, cl.value(push).toDouble(), 1.0);
    p.uploadSeconds = qBound(0.1, cl.value(uploadS).toDouble(), 3600.0);
    p.uploadNotes = qBound(1, cl.value(notes).toInt(), 500);
    p.burstShare = qBound(0.0, cl.value(burstShare).toDouble(), 1.0);
    p.burst = qBound(1, cl.value(burst).toInt(), 500);
    p.label = cl.value(label);
    const QString mode = cl.positionalArguments().value(0);
    if (mode == QLatin1String("setup"))
        return setup(p.urls.front(), p.devices, qBound(0, cl.value(own).toInt(), 1000),
            qBound(0, cl.value(queueCases).toInt(), 10000), qBound(1, cl.value(team).toInt(), 1000),
            p.password);
    if (mode == QLatin1String("run"))
        return run(p, pids, cl.value(dbPid).toLongLong());
    std::fprintf(stderr, "fleet: mode must be setup or run\n");
    return 2;
}
