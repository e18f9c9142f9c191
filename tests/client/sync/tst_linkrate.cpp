// SPDX-License-Identifier: MIT
// Whether compression pays on a link: judged from how fast large answers arrive.
#include "linkrate.h"

#include <QTest>

using namespace outpost::sync;

namespace {
const QString kServer = QStringLiteral("https://outpost.example:8443");
const QString kOther = QStringLiteral("https://other.example");
constexpr qint64 kMiB = 1024 * 1024;
constexpr qint64 kSecond = 1000 * 1000 * 1000;
} // namespace

class TestLinkRate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void unknownLinksAreCompressed()
    {
        LinkRate r;
        QVERIFY(r.compressionPays(kServer));
    }

    void aFastLinkStopsCompressionForThatServerOnly()
    {
        LinkRate r;
        r.observe(kServer, 3 * kMiB, kSecond / 100); // 300 MB/s: a LAN or this machine
        QVERIFY(!r.compressionPays(kServer));
        QVERIFY(r.compressionPays(kOther));
    }

    void aFieldLinkKeepsIt()
    {
        LinkRate r;
        r.observe(kServer, 300 * 1024, 2 * kSecond); // 150 KB/s: mobile data
        QVERIFY(r.compressionPays(kServer));
        r.observe(kServer, 3 * kMiB, kSecond / 10); // 30 MB/s: between the thresholds
        QVERIFY(r.compressionPays(kServer));
    }

    void leavingTheFastLinkCompressesAgain()
    {
        LinkRate r;
        r.observe(kServer, 3 * kMiB, kSecond / 100);
        QVERIFY(!r.compressionPays(kServer));
        r.observe(kServer, 3 * kMiB, kSecond / 15); // 45 MB/s: still above the slow mark
        QVERIFY(!r.compressionPays(kServer));
        r.observe(kServer, 3 * kMiB, 3 * kSecond); // 1 MB/s: a hotspot now
        QVERIFY(r.compressionPays(kServer));
    }

    void shortAnswersSayNothing()
    {
        LinkRate r;
        r.observe(kServer, 4 * 1024, 1000); // a poll's answer, "instantly"
        QVERIFY(r.compressionPays(kServer));
        r.observe(kServer, 3 * kMiB, kSecond / 100);
        r.observe(kServer, 4 * 1024, kSecond); // a small, slow answer does not switch back
        QVERIFY(!r.compressionPays(kServer));
    }

    void anAnswerInOneReadIsFast()
    {
        LinkRate r;
        r.observe(kServer, 300 * 1024, 0);
        QVERIFY(!r.compressionPays(kServer));
    }

    void notAdaptiveAlwaysCompresses()
    {
        LinkRate r;
        r.setAdaptive(false);
        r.observe(kServer, 3 * kMiB, kSecond / 100);
        QVERIFY(r.compressionPays(kServer));
    }
};

QTEST_GUILESS_MAIN(TestLinkRate)
#include "tst_linkrate.moc"
