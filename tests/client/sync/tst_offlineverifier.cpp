// SPDX-License-Identifier: MIT
#include "offlineverifier.h"

#include <QTest>

using namespace outpost::sync;

class TestOfflineVerifier : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rightPasswordMatchesWrongDoesNot()
    {
        const QString v = OfflineVerifier::create(QStringLiteral("correct horse"));
        QVERIFY(OfflineVerifier::isValid(v));
        QVERIFY(OfflineVerifier::verify(v, QStringLiteral("correct horse")));
        QVERIFY(!OfflineVerifier::verify(v, QStringLiteral("correct hors")));
        QVERIFY(!OfflineVerifier::verify(v, QStringLiteral("Correct horse")));
        QVERIFY(!OfflineVerifier::verify(v, QString()));
    }

    void neverContainsThePassword()
    {
        const QString pw = QStringLiteral("s3cret-Passw0rd");
        const QString v = OfflineVerifier::create(pw);
        QVERIFY(!v.contains(pw));
        QVERIFY(!v.contains(QString::fromLatin1(pw.toUtf8().toBase64())));
        QVERIFY(v.startsWith(QLatin1String("pbkdf2-sha256$120000$")));
    }

    void saltMakesEachVerifierDifferent()
    {
        const QString a = OfflineVerifier::create(QStringLiteral("pw"));
        const QString b = OfflineVerifier::create(QStringLiteral("pw"));
        QVERIFY(a != b);
        QVERIFY(OfflineVerifier::verify(a, QStringLiteral("pw")));
        QVERIFY(OfflineVerifier::verify(b, QStringLiteral("pw")));
    }

    void unicodePasswords()
    {
        const QString pw = QStringLiteral("Grüße-密码-🔑");
        const QString v = OfflineVerifier::create(pw, 2000);
        QVERIFY(OfflineVerifier::verify(v, pw));
        QVERIFY(!OfflineVerifier::verify(v, QStringLiteral("Grusse-密码-🔑")));
    }

    void knownVectorOfPbkdf2Sha256()
    {
        // RFC 7914 §11 test vector: PBKDF2-HMAC-SHA256("passwd", "salt", 1 iteration) would be below our
        // minimum; use the 80,000-iteration vector "Password"/"NaCl" (first 32 bytes).
        const QByteArray salt("NaCl");
        const QByteArray key
            = QByteArray::fromHex("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56");
        const QString v = QStringLiteral("pbkdf2-sha256$80000$%1$%2")
                              .arg(QString::fromLatin1(salt.toBase64()), QString::fromLatin1(key.toBase64()));
        QVERIFY(OfflineVerifier::isValid(v));
        QVERIFY(OfflineVerifier::verify(v, QStringLiteral("Password")));
        QVERIFY(!OfflineVerifier::verify(v, QStringLiteral("password")));
    }

    void malformedVerifiersNeverMatch_data()
    {
        QTest::addColumn<QString>("verifier");
        const QString good = OfflineVerifier::create(QStringLiteral("pw"), 2000);
        const QStringList p = good.split(QLatin1Char('$'));
        QTest::newRow("empty") << QString();
        QTest::newRow("garbage") << QStringLiteral("not a verifier");
        QTest::newRow("other scheme")
            << QStringList { QStringLiteral("md5"), p[1], p[2], p[3] }.join(QLatin1Char('$'));
        QTest::newRow("few iterations")
            << QStringList { p[0], QStringLiteral("1"), p[2], p[3] }.join(QLatin1Char('$'));
        QTest::newRow("bad base64") << QStringList { p[0], p[1], QStringLiteral("!!!"), p[3] }.join(
            QLatin1Char('$'));
        QTest::newRow("short key") << QStringList { p[0], p[1], p[2], QStringLiteral("AAAA") }.join(
            QLatin1Char('$'));
        QTest::newRow("extra part") << good + QStringLiteral("$x");
    }
    void malformedVerifiersNeverMatch()
    {
        QFETCH(QString, verifier);
        QVERIFY(!OfflineVerifier::isValid(verifier));
        QVERIFY(!OfflineVerifier::verify(verifier, QStringLiteral("pw")));
    }
};

QTEST_GUILESS_MAIN(TestOfflineVerifier)
#include "tst_offlineverifier.moc"
