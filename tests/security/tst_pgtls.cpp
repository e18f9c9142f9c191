// SPDX-License-Identifier: MIT
// outpostd to a PostgreSQL server over TLS: a throwaway cluster (scripts/pg-cluster.sh --tls) with
// ssl=on that refuses unencrypted TCP, its certificate from a CA made at test time. The URL's
// sslmode=verify-full&sslrootcert=… connects; a wrong root certificate, no encryption, or a
// parameter outpostd does not know are clear start-up errors.
#include "httpclient.h"
#include "outpostdprocess.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace outpost::testing;

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}
} // namespace

class TestPgTls : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_script;
    QString m_url; // with sslmode=verify-full&sslrootcert=…
    bool m_started = false;

    /// m_url with its query replaced.
    QString urlWith(const QString &query) const
    {
        QUrl u(m_url);
        u.setQuery(query);
        return u.toString();
    }

    /// outpostd on `dbUrl` that must not start: its exit code and stderr.
    int failedStart(const QString &dbUrl, QByteArray *stderrText)
    {
        QProcess p;
        p.start(OutpostdProcess::binary(), { s("--listen"), s("127.0.0.1:0"), s("--db"), dbUrl });
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        *stderrText = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (qEnvironmentVariableIsEmpty("OUTPOST_TEST_PG_URL"))
            QSKIP("no PostgreSQL here (OUTPOST_TEST_PG_URL is not set; scripts/test.sh sets it)");
        if (QStandardPaths::findExecutable(s("openssl")).isEmpty())
            QSKIP("the openssl tool is needed to make the test certificates");
        QVERIFY(m_dir.isValid());
        // The cluster runs as the postgres user when the test runs as root: it must reach its folder.
        QVERIFY(QFile::setPermissions(m_dir.path(),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner | QFileDevice::ReadGroup
                | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther));
        m_script = qEnvironmentVariable("OUTPOST_SOURCE_DIR") + s("/scripts/pg-cluster.sh");
        QProcess start;
        start.start(s("bash"), { m_script, s("start"), m_dir.filePath(s("pg")), s("--tls") });
        QVERIFY(start.waitForFinished(120000));
        m_started = true;
        QVERIFY2(start.exitCode() == 0, start.readAllStandardError().constData());
        m_url = QString::fromUtf8(start.readAllStandardOutput().trimmed());
        const QUrlQuery query((QUrl(m_url)));
        QCOMPARE(query.queryItemValue(s("sslmode")), s("verify-full"));
        QVERIFY(QFile::exists(query.queryItemValue(s("sslrootcert"))));
    }

    void cleanupTestCase()
    {
        if (!m_started)
            return;
        QProcess stop;
        stop.start(s("bash"), { m_script, s("stop"), m_dir.filePath(s("pg")) });
        stop.waitForFinished(60000);
    }

    void verifyFullWithTheRightRootCertificateWorks()
    {
        OutpostdProcess server;
        OutpostdProcess::Options o;
        o.dbUrl = m_url;
        o.demo = true;
        o.demoCases = 5;
        QString why;
        QVERIFY2(server.start(o, &why), qPrintable(why));
        HttpClient alice(server.baseUrl());
        alice.setToken(alice.signIn(s("alice"), s("alice")));
        QVERIFY(!alice.token().isEmpty());
        const HttpReply changes = alice.get(s("/api/v1/sync/changes?limit=100"));
        QCOMPARE(changes.status, 200);
        // The log names the TLS settings, never a password.
        QVERIFY2(server.log().contains("sslmode=verify-full"), server.log().constData());
        QCOMPARE(server.stop(), 0);
    }

    void theClusterTakesNoUnencryptedConnection()
    {
        // What makes the test above prove TLS: without it the cluster refuses outpostd.
        QByteArray err;
        QCOMPARE(failedStart(urlWith(s("sslmode=disable")), &err), 1);
        QVERIFY2(err.contains("no encryption"), err.constData());
    }

    void aWrongRootCertificateIsAClearStartUpError()
    {
        QProcess gen;
        gen.setWorkingDirectory(m_dir.path());
        gen.start(s("openssl"),
            { s("req"), s("-x509"), s("-newkey"), s("ec"), s("-pkeyopt"), s("ec_paramgen_curve:P-256"),
                s("-nodes"), s("-keyout"), s("other-ca.key"), s("-out"), s("other-ca.crt"), s("-days"),
                s("2"), s("-subj"), s("/CN=Someone else's CA") });
        QVERIFY(gen.waitForFinished(60000));
        QCOMPARE(gen.exitCode(), 0);
        QByteArray err;
        QCOMPARE(
            failedStart(
                urlWith(s("sslmode=verify-full&sslrootcert=") + m_dir.filePath(s("other-ca.crt"))), &err),
            1);
        QVERIFY2(err.contains("certificate verify failed"), err.constData());
        QVERIFY2(
            err.startsWith("outpostd: cannot open the database") || err.contains("\noutpostd: cannot open"),
            err.constData());

        QCOMPARE(failedStart(
                     urlWith(s("sslmode=verify-full&sslrootcert=") + m_dir.filePath(s("missing.crt"))), &err),
            1);
        QVERIFY2(err.contains("missing.crt"), err.constData());
    }

    void unknownParametersAreConfigurationErrors()
    {
        QByteArray err;
        QCOMPARE(failedStart(urlWith(s("ssl=true")), &err), 2);
        QVERIFY2(err.contains("'ssl' is not supported"), err.constData());
        QCOMPARE(failedStart(urlWith(s("sslmode=maybe")), &err), 2);
        QVERIFY2(err.contains("sslmode must be one of"), err.constData());
    }
};

QTEST_MAIN(TestPgTls)
#include "tst_pgtls.moc"
