// SPDX-License-Identifier: MIT
// End-to-end: HTTP content coding between the client and a real outpostd (docs/protocol.md,
// *Compression*). The change feed is compressed when the request accepts gzip or deflate, and only
// then: an old-style client without Accept-Encoding gets plain JSON. The product's client asks for
// deflate and inflates answers itself (HttpTransport, so that Qt keeps checking their length) and deflates
// its uploads once the server said it accepts that; the server inflates them within the JSON limit, so a
// small body that inflates to hundreds of MB is refused with 413 without the server's memory growing.
#include "e2ehelpers.h"
#include "httpclient.h"
#include "httptransport.h"
#include "outpostdprocess.h"

#include <QFile>
#include <QJsonDocument>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <zlib.h>

using namespace outpost;
using namespace outpost::sync;
using namespace e2e;
using outpost::testing::HttpClient;
using outpost::testing::HttpReply;
using outpost::testing::OutpostdProcess;

namespace {

/// gzip (RFC 1952) or zlib (windowBits 15) data inflated, empty on error.
QByteArray inflateAll(const QByteArray &data, int windowBits)
{
    z_stream z {};
    if (inflateInit2(&z, windowBits) != Z_OK)
        return {};
    QByteArray out;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        char buffer[65536];
        z.next_out = reinterpret_cast<Bytef *>(buffer);
        z.avail_out = sizeof buffer;
        rc = inflate(&z, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - z.avail_out));
    }
    inflateEnd(&z);
    return rc == Z_STREAM_END ? out : QByteArray();
}

/// Twenty notes on `caseId`: an upload body of a few KiB, worth deflating.
QList<Action> twentyNotes(const QString &caseId)
{
    QList<Action> notes;
    for (int i = 0; i < 20; ++i) {
        Action a;
        a.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        a.type = ActionType::Note;
        a.caseId = caseId;
        a.text = QStringLiteral("Checked the meter, all readings as expected (%1).").arg(i);
        a.clientTime = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
        notes.append(a);
    }
    return notes;
}

/// `megabytes` MiB of spaces, gzipped chunk by chunk (never whole in memory): about 1 KB per MiB.
QByteArray gzipBomb(int megabytes)
{
    z_stream z {};
    deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
    const QByteArray chunk(1 << 20, ' ');
    QByteArray out;
    char buffer[65536];
    for (int i = 0; i < megabytes; ++i) {
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(chunk.constData()));
        z.avail_in = uInt(chunk.size());
        const int flush = i + 1 == megabytes ? Z_FINISH : Z_NO_FLUSH;
        do {
            z.next_out = reinterpret_cast<Bytef *>(buffer);
            z.avail_out = sizeof buffer;
            deflate(&z, flush);
            out.append(buffer, qsizetype(sizeof buffer - z.avail_out));
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    return out;
}

/// Peak resident memory of a process in KiB (VmHWM), 0 when unknown.
qint64 peakRssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

/// The server's access log lines for `path`.
QList<QByteArray> accessLines(const OutpostdProcess &server, const QByteArray &path)
{
    QList<QByteArray> lines;
    for (const QByteArray &line : server.log().split('\n'))
        if (line.contains(QByteArray("path=" + path + " ")))
            lines.append(line);
    return lines;
}

} // namespace

class TestCompressionE2e : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    OutpostdProcess m_server;
    QString m_token; // alice's
    QString m_carolToken; // an administrator: her full sync is every case in one page

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString why;
        QVERIFY2(startDemoServer(m_server, m_dir.filePath(QStringLiteral("server.sqlite")), &why),
            qPrintable(why));
        HttpClient c(m_server.baseUrl());
        m_token = c.signIn(QStringLiteral("alice"), QStringLiteral("alice"));
        QVERIFY(!m_token.isEmpty());
        m_carolToken = c.signIn(QStringLiteral("carol"), QStringLiteral("carol"));
        QVERIFY(!m_carolToken.isEmpty());
    }

    void cleanupTestCase()
    {
        if (QTest::currentTestFailed())
            qWarning("%s", m_server.log().right(4000).constData());
    }

    void feedIsCompressedWhenAsked_data()
    {
        QTest::addColumn<QByteArray>("accept");
        QTest::addColumn<QByteArray>("coding");
        QTest::addColumn<int>("windowBits");
        QTest::newRow("gzip") << QByteArray("gzip") << QByteArray("gzip") << 15 + 16;
        QTest::newRow("deflate") << QByteArray("deflate") << QByteArray("deflate") << 15;
        QTest::newRow("both, gzip preferred")
            << QByteArray("deflate;q=0.5, gzip, br") << QByteArray("gzip") << 15 + 16;
        QTest::newRow("gzip refused") << QByteArray("gzip;q=0, deflate") << QByteArray("deflate") << 15;
    }

    void feedIsCompressedWhenAsked()
    {
        QFETCH(QByteArray, accept);
        QFETCH(QByteArray, coding);
        QFETCH(int, windowBits);
        HttpClient c(m_server.baseUrl());
        c.setToken(m_carolToken);
        // Qt decompresses only what it asked for itself: with our own Accept-Encoding the bytes
        // arrive as the server sent them.
        const HttpReply r = c.send("GET", QStringLiteral("/api/v1/sync/changes?limit=5000"), {}, {},
            { { "Accept-Encoding", accept } });
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("content-encoding"), coding);
        QVERIFY(r.header("vary").contains("Accept-Encoding"));
        QVERIFY2(r.header("accept-encoding").contains("deflate"), r.header("accept-encoding").constData());
        const QByteArray json = inflateAll(r.body, windowBits);
        QVERIFY2(!json.isEmpty(), "the body does not inflate");
        QVERIFY(json.size() > 4 * r.body.size()); // JSON compresses well: worth it on a weak link
        const QJsonObject page = QJsonDocument::fromJson(json).object();
        QVERIFY(page.value(QStringLiteral("changes")).toArray().size() > 30);
        QCOMPARE(page.value(QStringLiteral("more")).toBool(), false);
    }

    void oldClientGetsPlainJson()
    {
        // Exactly what a client of protocol v1 without compression sends: no Accept-Encoding.
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), m_server.port());
        QVERIFY(s.waitForConnected(5000));
        s.write("GET /api/v1/sync/changes?limit=5000 HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
            + m_carolToken.toUtf8() + "\r\nX-Outpost-Features: signature\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT(
            (answer += s.readAll(), s.state() == QAbstractSocket::UnconnectedState), 10000);
        answer += s.readAll();
        const qsizetype split = answer.indexOf("\r\n\r\n");
        QVERIFY(split > 0);
        const QByteArray head = answer.left(split).toLower();
        const QByteArray body = answer.mid(split + 4);
        QVERIFY2(head.startsWith("http/1.1 200"), head.constData());
        QVERIFY2(!head.contains("content-encoding"), head.constData());
        QVERIFY(head.contains(QByteArray("content-length: " + QByteArray::number(body.size()))));
        const QJsonObject page = QJsonDocument::fromJson(body).object();
        QVERIFY(page.value(QStringLiteral("changes")).toArray().size() > 30);
    }

    void smallAnswersStayPlain()
    {
        HttpClient c(m_server.baseUrl());
        const HttpReply r
            = c.send("GET", QStringLiteral("/api/v1/health"), {}, {}, { { "Accept-Encoding", "gzip" } });
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-encoding").isEmpty());
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    }

    void zipBombIsRefused()
    {
        const QByteArray bomb = gzipBomb(400); // 400 MiB of spaces in a few hundred KB
        QVERIFY(bomb.size() < 1024 * 1024); // within the 1 MiB limit on what is sent
        const qint64 before = peakRssKb(m_server.pid());
        QVERIFY(before > 0);
        HttpClient c(m_server.baseUrl());
        c.setToken(m_token);
        const HttpReply r = c.send("POST", QStringLiteral("/api/v1/sync/actions"), bomb, "application/json",
            { { "Content-Encoding", "gzip" } });
        QCOMPARE(r.status, 413);
        QCOMPARE(r.errorCode(), QStringLiteral("payload_too_large"));
        // Inflating stopped at the limit (1 MiB of JSON): the server's memory did not follow the bomb.
        const qint64 after = peakRssKb(m_server.pid());
        QVERIFY2(after - before < 64 * 1024,
            qPrintable(QStringLiteral("peak RSS %1 → %2 KiB").arg(before).arg(after)));
        QCOMPARE(c.get(QStringLiteral("/api/v1/health")).status, 200);
    }

    void badCodingsAreRefused()
    {
        HttpClient c(m_server.baseUrl());
        c.setToken(m_token);
        const QByteArray json = R"({"deviceId":"d","actions":[]})";
        HttpReply r = c.send("POST", QStringLiteral("/api/v1/sync/actions"), json, "application/json",
            { { "Content-Encoding", "br" } });
        QCOMPARE(r.status, 415);
        QCOMPARE(r.errorCode(), QStringLiteral("unsupported_media_type"));
        r = c.send("POST", QStringLiteral("/api/v1/sync/actions"), json, "application/json",
            { { "Content-Encoding", "gzip" } });
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorCode(), QStringLiteral("bad_request"));
        // Deflated properly, the same body is an ordinary upload.
        r = c.send("POST", QStringLiteral("/api/v1/sync/actions"), qCompress(json).mid(4), "application/json",
            { { "Content-Encoding", "deflate" } });
        QVERIFY2(r.status == 200, qPrintable(r.describe()));
        QCOMPARE(r.json().value(QStringLiteral("results")).toArray().size(), 0);
    }

    void productClientNegotiatesBothWays()
    {
        TransportPolicy always;
        always.adaptiveCompression = false; // this machine is a fast link: see onAFastLinkNothingIsCompressed
        auto transport = std::make_shared<HttpTransport>(always);
        ApiClient api(transport);
        auto session = login(api, m_server.baseUrl(), QStringLiteral("alice"));
        QVERIFY2(session.ok(), qPrintable(session.error().toString()));

        // Download: the transport asks for deflate and inflates the answer itself.
        const int feedLinesBefore = int(accessLines(m_server, "/api/v1/sync/changes").size());
        auto page = await<Result<ChangesPage>>([&](auto cb) { api.changes(QString(), 5000, cb); });
        QVERIFY2(page.ok(), qPrintable(page.error().toString()));
        QVERIFY(page->changes.size() > 10);
        QString caseId;
        for (const Change &ch : page->changes)
            if (ch.kind == ChangeKind::Case && caseId.isEmpty())
                caseId = ch.id;
        QTRY_VERIFY(accessLines(m_server, "/api/v1/sync/changes").size() > feedLinesBefore);
        QVERIFY2(accessLines(m_server, "/api/v1/sync/changes").constLast().contains(" out=deflate"),
            accessLines(m_server, "/api/v1/sync/changes").constLast().constData());

        // Upload: deflated, since the server's answers said it accepts that.
        const QList<Action> notes = twentyNotes(caseId);
        const HttpTransport::BodyBytes before = transport->bodyBytes();
        auto results = await<Result<QList<ActionResult>>>(
            [&](auto cb) { api.uploadActions(QStringLiteral("test-alice"), notes, cb); });
        QVERIFY2(results.ok(), qPrintable(results.error().toString()));
        QCOMPARE(results->size(), 20);
        for (const ActionResult &r : results.value())
            QCOMPARE(r.status, ResultStatus::Applied);
        const HttpTransport::BodyBytes after = transport->bodyBytes();
        const qint64 built = after.built - before.built;
        const qint64 sent = after.sent - before.sent;
        QVERIFY2(sent * 3 < built, qPrintable(QStringLiteral("sent %1 of %2 bytes").arg(sent).arg(built)));
        QTRY_VERIFY(!accessLines(m_server, "/api/v1/sync/actions").isEmpty()
            && accessLines(m_server, "/api/v1/sync/actions").constLast().contains(" in=deflate"));
        QCOMPARE(historyOf(api, caseId).size() >= 20, true);
    }

    void onAFastLinkNothingIsCompressed()
    {
        // Loopback is as fast as links get: once a large answer showed it, compressing costs the
        // server and the client CPU and saves nothing (LinkRate). The first answer is compressed
        // (the link is unknown), the ones after it and the uploads are not.
        // Pages large enough to tell (LinkRate::MinSampleBytes on the wire): the administrator's
        // full sync of 2,000 demo cases, one page of about 2 MB, 200 KB deflated.
        OutpostdProcess big;
        OutpostdProcess::Options o;
        o.dbUrl = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("big.sqlite"));
        o.demo = true;
        o.demoCases = 2000;
        QString why;
        QVERIFY2(big.start(o, &why), qPrintable(why));
        auto transport = std::make_shared<HttpTransport>();
        ApiClient api(transport);
        auto session = login(api, big.baseUrl(), QStringLiteral("carol"));
        QVERIFY2(session.ok(), qPrintable(session.error().toString()));
        qsizetype lines = accessLines(big, "/api/v1/sync/changes").size();
        auto page = await<Result<ChangesPage>>([&](auto cb) { api.changes(QString(), 5000, cb); });
        QVERIFY2(page.ok(), qPrintable(page.error().toString()));
        QTRY_VERIFY(accessLines(big, "/api/v1/sync/changes").size() > lines);
        QByteArray line = accessLines(big, "/api/v1/sync/changes").constLast();
        QVERIFY2(line.contains(" out="), line.constData());
        lines = accessLines(big, "/api/v1/sync/changes").size();
        auto again = await<Result<ChangesPage>>([&](auto cb) { api.changes(QString(), 5000, cb); });
        QVERIFY2(again.ok(), qPrintable(again.error().toString()));
        QCOMPARE(again->changes.size(), page->changes.size());
        QTRY_VERIFY(accessLines(big, "/api/v1/sync/changes").size() > lines);
        line = accessLines(big, "/api/v1/sync/changes").constLast();
        QVERIFY2(!line.contains(" out="), line.constData());

        QString caseId;
        for (const Change &ch : page->changes)
            if (ch.kind == ChangeKind::Case && caseId.isEmpty())
                caseId = ch.id;
        const QList<Action> notes = twentyNotes(caseId);
        const HttpTransport::BodyBytes before = transport->bodyBytes();
        auto results = await<Result<QList<ActionResult>>>(
            [&](auto cb) { api.uploadActions(QStringLiteral("test-carol"), notes, cb); });
        QVERIFY2(results.ok(), qPrintable(results.error().toString()));
        const HttpTransport::BodyBytes after = transport->bodyBytes();
        QCOMPARE(after.sent - before.sent, after.built - before.built);
    }
};

QTEST_GUILESS_MAIN(TestCompressionE2e)
#include "tst_compression_e2e.moc"
