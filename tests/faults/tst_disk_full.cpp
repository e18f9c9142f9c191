// SPDX-License-Identifier: MIT
// A full disk, on the device and on the server: small tmpfs mounts in a private mount namespace
// (the process unshares its mounts before any thread starts; it needs root, and is skipped
// cleanly where that is not permitted). A local edit on a full disk fails with an error, nothing
// half-written, the store intact; once space returns the edit works and the queue drains. The
// server's database on a full disk refuses uploads with 503 and applies them once space returns,
// without a restart.
#include "e2ehelpers.h"
#include "httpclient.h"
#include "outpostdprocess.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

using namespace outpost;
using namespace outpost::sync;
using namespace e2e;
using outpost::testing::HttpClient;
using outpost::testing::OutpostdProcess;

namespace {
QString g_noNamespace; // why there is no private mount namespace (empty: there is one)

/// Fills the file system of `dir` with `filler` until it is full; false when nothing could be written.
bool fill(const QString &filler)
{
    QFile f(filler);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    const QByteArray block(64 * 1024, 'x');
    qint64 written = 0;
    for (;;) {
        const qint64 n = f.write(block);
        if (n <= 0 || !f.flush())
            break;
        written += n;
    }
    // Whatever is left in the last block: a byte at a time until nothing goes.
    while (f.write("x", 1) == 1 && f.flush())
        ++written;
    f.close();
    return written > 0;
}
} // namespace

class TestDiskFull : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    /// A tmpfs of `size` at a new folder of ours; empty (and *why) when it cannot be mounted.
    QString mountSmall(const QString &name, const char *size, QString *why)
    {
        const QString at = m_dir.filePath(name);
        QDir().mkpath(at);
        const QByteArray options = QByteArray("size=") + size + ",mode=0755";
        if (::mount("tmpfs", QFile::encodeName(at).constData(), "tmpfs", 0, options.constData()) != 0) {
            *why = QStringLiteral("mount tmpfs: %1").arg(QString::fromLocal8Bit(strerror(errno)));
            return QString();
        }
        return at;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!g_noNamespace.isEmpty())
            QSKIP(qPrintable(QStringLiteral("no private mount namespace: ") + g_noNamespace));
        QVERIFY(m_dir.isValid());
        QLoggingCategory::setFilterRules(QStringLiteral("outpost.*.info=false\noutpost.*.warning=false"));
    }

    void cleanupTestCase()
    {
        for (const char *name : { "device", "server" })
            ::umount2(QFile::encodeName(m_dir.filePath(QLatin1String(name))).constData(), MNT_DETACH);
    }

    void clientDiskFull()
    {
        QString why;
        OutpostdProcess server;
        QVERIFY2(startDemoServer(server, m_dir.filePath(QStringLiteral("client-test.sqlite")), &why),
            qPrintable(why));
        ApiClient api;
        auto session = login(api, server.baseUrl(), QStringLiteral("alice"));
        QVERIFY2(session.ok(), qPrintable(session.error().toString()));
        const QString disk = mountSmall(QStringLiteral("device"), "3m", &why);
        QVERIFY2(!disk.isEmpty(), qPrintable(why));
        const QString path = client::StoreLocation::pathFor(disk, server.baseUrl(), QStringLiteral("alice"));
        const SyncConfig config
            = oneShotConfig(path, server.baseUrl(), QStringLiteral("alice"), session->token);
        QVERIFY(syncOnce(config).ok);
        auto store = openStore(path);
        QVERIFY(store);
        client::CaseFilter f;
        f.assignee = QStringLiteral("alice");
        f.limit = 1;
        const QString caseId = store->reads().cases(f).value(0).record.id;
        QVERIFY(!caseId.isEmpty());
        QVERIFY(store->edits().addNote(caseId, QStringLiteral("before the disk filled")).ok());
        const int before = store->reads().pendingCount();

        // The disk fills up (another program, a huge download): the next edits fail cleanly.
        const QString filler = disk + QStringLiteral("/filler");
        QVERIFY(fill(filler));
        Error failure;
        for (int i = 0; i < 200 && failure.isNull(); ++i) {
            const Status st
                = store->edits().addNote(caseId, QStringLiteral("on a full disk %1 ").arg(i).repeated(40));
            if (!st.ok())
                failure = st.error();
        }
        QVERIFY2(!failure.isNull(), "no edit failed on a full disk");
        qInfo("on a full disk: %s: %s", qPrintable(failure.code), qPrintable(failure.message));
        // Said in people's words (what happened, what to do), not in the driver's.
        QCOMPARE(failure.code, QString::fromLatin1(DiskFullCode));
        QCOMPARE(failure.message,
            QStringLiteral(
                "The device's disk is full: nothing was saved. Free some space, then save again."));
        // A file kept beside the store (a signature's picture, an attached file) says the same.
        const QString picture = m_dir.filePath(QStringLiteral("picture.bin"));
        QFile pf(picture);
        QVERIFY(pf.open(QIODevice::WriteOnly) && pf.write(QByteArray(256 * 1024, 'p')) == 256 * 1024);
        pf.close();
        const Result<QString> attached = store->edits().attachFile(caseId, picture);
        QCOMPARE(attached.error().code, QString::fromLatin1(DiskFullCode));
        QCOMPARE(attached.error().message, failure.message);
        const int onFull = store->reads().pendingCount();
        QVERIFY(onFull >= before);

        // Space returns: the store is intact, edits work again, and everything drains once.
        QVERIFY(QFile::remove(filler));
        store.reset();
        client::LocalStore::Options check;
        check.fullCheck = true;
        unlockWithTestKey(path);
        auto reopened = client::LocalStore::open(path, check);
        QVERIFY2(reopened.ok(), qPrintable(reopened.error().toString()));
        store = std::move(reopened).value();
        QCOMPARE(store->reads().pendingCount(), onFull);
        QVERIFY(store->edits().addNote(caseId, QStringLiteral("after the disk was freed")).ok());
        const CycleOutcome drained = syncOnce(config);
        QVERIFY2(drained.ok, qPrintable(drained.message));
        QCOMPARE(store->reads().pendingCount(), 0);
        QCOMPARE(store->reads().status().syncIssues, 0);
        QCOMPARE(server.stop(), 0);
    }

    void serverDiskFull()
    {
        QString why;
        const QString disk = mountSmall(QStringLiteral("server"), "8m", &why);
        QVERIFY2(!disk.isEmpty(), qPrintable(why));
        OutpostdProcess server;
        QVERIFY2(startDemoServer(server, disk + QStringLiteral("/outpostd.sqlite"), &why), qPrintable(why));
        HttpClient alice(server.baseUrl());
        alice.setToken(alice.signIn(QStringLiteral("alice"), QStringLiteral("alice")));
        QString caseId;
        for (const QJsonValue &c : alice.get(QStringLiteral("/api/v1/sync/changes?limit=50"))
                                       .json()
                                       .value(QStringLiteral("changes"))
                                       .toArray())
            if (caseId.isEmpty()
                && c.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("case"))
                caseId = c.toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!caseId.isEmpty());
        auto upload = [&](const QString &id, const QString &text) {
            return QJsonObject { { QStringLiteral("deviceId"), QStringLiteral("disk-full") },
                { QStringLiteral("actions"),
                    QJsonArray { QJsonObject { { QStringLiteral("id"), id },
                        { QStringLiteral("type"), QStringLiteral("note") },
                        { QStringLiteral("caseId"), caseId }, { QStringLiteral("text"), text },
                        { QStringLiteral("clientTime"), QStringLiteral("2026-12-01T08:00:00Z") } } } } };
        };
        const QString filler = disk + QStringLiteral("/filler");
        QVERIFY(fill(filler));
        // Uploads until one is refused (the database's pages may hold a few more first).
        QStringList refused;
        QString refusedId;
        for (int i = 0; i < 200 && refusedId.isEmpty(); ++i) {
            const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
            const auto r = alice.post(QStringLiteral("/api/v1/sync/actions"),
                upload(id, QStringLiteral("full %1 ").arg(i).repeated(200)));
            if (r.status != 200) {
                QCOMPARE(r.status, 503);
                QCOMPARE(r.errorCode(), QStringLiteral("unavailable"));
                refusedId = id;
            }
        }
        QVERIFY2(!refusedId.isEmpty(), "no upload was refused on a full disk");
        QVERIFY(server.isRunning());
        QVERIFY(QFile::remove(filler));
        // Space is back: the refused upload applies, once; the same process serves.
        const auto again
            = alice.post(QStringLiteral("/api/v1/sync/actions"), upload(refusedId, QStringLiteral("after")));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json()
                     .value(QStringLiteral("results"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
            QStringLiteral("applied"));
        QCOMPARE(alice.get(QStringLiteral("/api/v1/health")).status, 200);
        QVERIFY2(!server.log().contains("status=500"), "a request failed with 500");
        QCOMPARE(server.stop(), 0);
    }
};

int main(int argc, char **argv)
{
    // Before any thread exists, so that every thread (and outpostd, a child) shares the namespace.
    if (::geteuid() != 0)
        g_noNamespace = QStringLiteral("not root");
    else if (::unshare(CLONE_NEWNS) != 0)
        g_noNamespace = QStringLiteral("unshare: %1").arg(QString::fromLocal8Bit(strerror(errno)));
    else if (::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        g_noNamespace
            = QStringLiteral("mount --make-rprivate /: %1").arg(QString::fromLocal8Bit(strerror(errno)));
    QCoreApplication app(argc, argv);
    TestDiskFull t;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&t, argc, argv);
}

#include "tst_disk_full.moc"
