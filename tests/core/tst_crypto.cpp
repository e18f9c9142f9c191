// SPDX-License-Identifier: MIT
// The one PBKDF2 behind the server's password hashes, the offline verifier and the kiosk PIN.
#include "crypto/pbkdf2.h"

#include <QCryptographicHash>
#include <QPasswordDigestor>
#include <QTest>

using namespace outpost;

class TestCrypto : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rfcVectors_data()
    {
        QTest::addColumn<QByteArray>("password");
        QTest::addColumn<QByteArray>("salt");
        QTest::addColumn<int>("iterations");
        QTest::addColumn<QByteArray>("key");
        // RFC 7914 §11 (PBKDF2-HMAC-SHA256), first 32 bytes of each.
        QTest::newRow("passwd/salt/1")
            << QByteArray("passwd") << QByteArray("salt") << 1
            << QByteArray::fromHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
        QTest::newRow("Password/NaCl/80000")
            << QByteArray("Password") << QByteArray("NaCl") << 80000
            << QByteArray::fromHex("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56");
    }
    void rfcVectors()
    {
        QFETCH(QByteArray, password);
        QFETCH(QByteArray, salt);
        QFETCH(int, iterations);
        QFETCH(QByteArray, key);
        QCOMPARE(crypto::pbkdf2Sha256(password, salt, iterations, 32).toHex(), key.toHex());
    }

    void sameBytesAsQtsDigestor()
    {
        // Kiosk PINs set before were derived with QPasswordDigestor: they must keep verifying.
        const QByteArray pin("482916");
        const QByteArray salt = QByteArray::fromHex("00112233445566778899aabbccddeeff");
        QCOMPARE(crypto::pbkdf2Sha256(pin, salt, 1000, 32),
            QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, pin, salt, 1000, 32));
    }

    void noKeyForNoWork()
    {
        QVERIFY(crypto::pbkdf2Sha256("pw", "salt", 0).isEmpty());
        QVERIFY(crypto::pbkdf2Sha256("pw", "salt", -5).isEmpty());
        QVERIFY(crypto::pbkdf2Sha256("pw", "salt", 1, 0).isEmpty());
        QCOMPARE(crypto::pbkdf2Sha256("pw", "salt", 1).size(), 32);
        QCOMPARE(crypto::pbkdf2Sha256("pw", "salt", 1, 64).size(), 64);
    }

    void constantTimeEquals()
    {
        QVERIFY(crypto::constantTimeEquals("abc", "abc"));
        QVERIFY(!crypto::constantTimeEquals("abc", "abd"));
        QVERIFY(!crypto::constantTimeEquals("abc", "ab"));
        QVERIFY(!crypto::constantTimeEquals("", "a"));
        QVERIFY(crypto::constantTimeEquals(QByteArray(), QByteArray()));
    }
};

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
