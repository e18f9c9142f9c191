// SPDX-License-Identifier: MIT
// Sign-in under attack, driven through Service::handler() on a temp SQLite file: throttling per
// user name and per source address (429 + Retry-After, reset by a success), the bounded hashing
// pool, PBKDF2 cost and its rehash at sign-in, the minimum length of new passwords.
#include "harness.h"
#include "passwordhash.h"
#include "passwordpool.h"
#include "signinthrottle.h"

#include <QTest>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace outpost;
using namespace outpost::server;
using namespace outpost::server::testing;

namespace {
http::Response signIn(Service &service, const QString &user, const QString &password, const QString &peer)
{
    http::Request r;
    r.method = "POST";
    r.path = QStringLiteral("/api/v1/session");
    r.rawPath = r.path.toUtf8();
    r.body = QJsonDocument(
        QJsonObject { { QStringLiteral("username"), user }, { QStringLiteral("password"), password } })
                 .toJson(QJsonDocument::Compact);
    r.headers.insert("content-type", "application/json");
    r.requestId = QStringLiteral("test");
    r.peer = peer;
    return service.handler().handle(r);
}

QByteArray header(const http::Response &r, const QByteArray &name)
{
    for (const auto &[n, v] : r.headers)
        if (n.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

const QString kPeer = QStringLiteral("10.0.0.7:40000");

} // namespace

class TestSignIn : public QObject
{
    Q_OBJECT

    std::unique_ptr<Harness> h;

    void openService(ServiceOptions o)
    {
        h->setService({});
        auto s = h->open(o);
        QVERIFY2(s.ok(), qPrintable(s.error().toString()));
        h->setService(std::move(s).value());
    }

private Q_SLOTS:
    void init()
    {
        h = std::make_unique<Harness>(Harness::Backend::SQLite);
        QString why;
        QVERIFY2(h->prepare(&why), qPrintable(why));
        openService(h->options());
        QVERIFY(h->service()->seedDemo(4).ok());
    }
    void cleanup() { h.reset(); }

    void userIsThrottledThenLetInAndReset()
    {
        Service &s = *h->service();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(signIn(s, QStringLiteral("alice"), QStringLiteral("guess%1").arg(i), kPeer).status, 401);
        // The sixth failure starts the delay: the next attempt, even with the right password and from
        // another address, is refused before any hashing, saying how long to wait.
        QCOMPARE(signIn(s, QStringLiteral("alice"), QStringLiteral("guess5"), kPeer).status, 401);
        const http::Response locked
            = signIn(s, QStringLiteral("alice"), QStringLiteral("alice"), QStringLiteral("10.9.9.9:1"));
        QCOMPARE(locked.status, 429);
        QCOMPARE(Harness::json(locked)
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
            QStringLiteral("too_many_attempts"));
        // The client shows the server's message in its sign-in dialog as it is.
        QCOMPARE(Harness::json(locked)
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString(),
            QStringLiteral("Too many attempts, try again in %1 s.")
                .arg(header(locked, "Retry-After").toInt()));
        const int wait = header(locked, "Retry-After").toInt();
        QVERIFY2(wait >= 1 && wait <= 2, header(locked, "Retry-After").constData());
        // Other users are not affected.
        QCOMPARE(signIn(s, QStringLiteral("bob"), QStringLiteral("bob"), kPeer).status, 200);
        // Once the delay is over the right password works...
        QTRY_COMPARE_WITH_TIMEOUT(
            signIn(s, QStringLiteral("alice"), QStringLiteral("alice"), QStringLiteral("10.9.9.9:1")).status,
            200, 5000);
        // ...and resets alice's count: five failures are free again.
        for (int i = 0; i < 5; ++i)
            QCOMPARE(signIn(s, QStringLiteral("alice"), QStringLiteral("again%1").arg(i), kPeer).status, 401);
    }

    void delaysDouble()
    {
        SignInThrottle t({ 2, 100, 1, 8, 3600, 1000 });
        const auto t0 = SignInThrottle::Clock::now();
        using std::chrono::seconds;
        t.failed(QStringLiteral("u"), QStringLiteral("a"), t0);
        t.failed(QStringLiteral("u"), QStringLiteral("a"), t0);
        QCOMPARE(t.retryAfter(QStringLiteral("u"), QStringLiteral("b"), t0), 0);
        QVERIFY(t.suspect(QStringLiteral("u"), QStringLiteral("b"), t0));
        int expected = 1;
        auto now = t0;
        for (int i = 0; i < 6; ++i) {
            t.failed(QStringLiteral("u"), QStringLiteral("a"), now);
            QCOMPARE(t.retryAfter(QStringLiteral("u"), QStringLiteral("b"), now), expected);
            now += seconds(expected);
            QCOMPARE(t.retryAfter(QStringLiteral("u"), QStringLiteral("b"), now), 0);
            expected = std::min(expected * 2, 8);
        }
        t.succeeded(QStringLiteral("u"), now);
        QVERIFY(!t.suspect(QStringLiteral("u"), QStringLiteral("b"), now));
        // Forgotten an hour after the last failure.
        t.failed(QStringLiteral("v"), QStringLiteral("a"), now);
        QVERIFY(t.suspect(QStringLiteral("v"), QStringLiteral("c"), now));
        QVERIFY(!t.suspect(QStringLiteral("v"), QStringLiteral("c"), now + seconds(3601)));
    }

    void addressIsThrottledAcrossUserNames()
    {
        ServiceOptions o = h->options();
        o.signInThrottle.baseDelaySeconds = 60; // the whole test runs inside the first delay
        openService(o);
        Service &s = *h->service();
        // A guessing run over many user names from one address (IPv6: its /64).
        for (int i = 0; i < 21; ++i)
            QCOMPARE(signIn(s, QStringLiteral("user%1").arg(i), QStringLiteral("pw"),
                         QStringLiteral("[2001:db8:1:2::%1]:5000").arg(i + 1, 0, 16))
                         .status,
                401);
        const http::Response r = signIn(
            s, QStringLiteral("bob"), QStringLiteral("bob"), QStringLiteral("[2001:db8:1:2:ffff::1]:7"));
        QCOMPARE(r.status, 429);
        QVERIFY(header(r, "Retry-After").toInt() >= 1);
        // A success does not reset an address (one valid account cannot launder a guessing run)...
        QCOMPARE(signIn(s, QStringLiteral("bob"), QStringLiteral("bob"), kPeer).status, 200);
        QCOMPARE(signIn(s, QStringLiteral("x"), QStringLiteral("pw"), QStringLiteral("[2001:db8:1:2::9]:1"))
                     .status,
            429);
        // ...and other addresses are not affected.
        QCOMPARE(
            signIn(s, QStringLiteral("carol"), QStringLiteral("carol"), QStringLiteral("[2001:db8:1:3::1]:1"))
                .status,
            200);
    }

    void addressKeys()
    {
        QCOMPARE(SignInThrottle::addressKey(QStringLiteral("10.0.0.7:5123")), QStringLiteral("10.0.0.7"));
        QCOMPARE(
            SignInThrottle::addressKey(QStringLiteral("[::ffff:10.0.0.7]:5123")), QStringLiteral("10.0.0.7"));
        QCOMPARE(
            SignInThrottle::addressKey(QStringLiteral("[2001:db8::1]:443")), QStringLiteral("2001:db8::/64"));
        QCOMPARE(SignInThrottle::addressKey(QStringLiteral("[2001:db8::2]:1")),
            SignInThrottle::addressKey(QStringLiteral("[2001:db8:0:0:ffff::]:2")));
    }

    void trustedProxyForwardsTheClientAddress()
    {
        ServiceOptions o = h->options();
        o.trustedProxies = { QStringLiteral("10.0.0.1") };
        o.signInThrottle.addressFreeFailures = 2;
        openService(o);
        Service &s = *h->service();
        auto viaProxy = [&](const QString &user, const QString &client) {
            http::Request r;
            r.method = "POST";
            r.path = QStringLiteral("/api/v1/session");
            r.rawPath = r.path.toUtf8();
            r.body = QJsonDocument(QJsonObject { { QStringLiteral("username"), user },
                                       { QStringLiteral("password"), QStringLiteral("wrong") } })
                         .toJson(QJsonDocument::Compact);
            r.headers.insert("x-forwarded-for", "203.0.113.9, " + client.toLatin1());
            r.requestId = QStringLiteral("test");
            r.peer = QStringLiteral("10.0.0.1:3000");
            return s.handler().handle(r).status;
        };
        for (int i = 0; i < 3; ++i)
            QCOMPARE(viaProxy(QStringLiteral("n%1").arg(i), QStringLiteral("198.51.100.1")), 401);
        QCOMPARE(viaProxy(QStringLiteral("n9"), QStringLiteral("198.51.100.1")), 429);
        // Another client behind the same proxy is its own address.
        QCOMPARE(viaProxy(QStringLiteral("n9"), QStringLiteral("198.51.100.2")), 401);
    }

    void hashingPoolIsBoundedAndCleanFirst()
    {
        PasswordPool pool(1, 2);
        std::mutex m;
        std::condition_variable cv;
        bool release = false;
        std::atomic<int> started { 0 };
        QStringList order;
        auto blocker = [&] {
            ++started;
            std::unique_lock lock(m);
            cv.wait(lock, [&] { return release; });
        };
        std::thread running([&] { QVERIFY(pool.run(PasswordPool::Lane::Clean, blocker)); });
        QTRY_COMPARE(started.load(), 1);
        std::thread suspect([&] {
            pool.run(PasswordPool::Lane::Suspect, [&] {
                std::lock_guard lock(m);
                order.append(QStringLiteral("suspect"));
            });
        });
        // The suspect lane holds half the queue: a second suspect is refused at once.
        QTRY_COMPARE(pool.waiting(), 1);
        QVERIFY(!pool.run(PasswordPool::Lane::Suspect, [] {}));
        std::thread clean([&] {
            pool.run(PasswordPool::Lane::Clean, [&] {
                std::lock_guard lock(m);
                order.append(QStringLiteral("clean"));
            });
        });
        // Queue full (2 waiting): anything more is refused at once instead of holding a worker.
        QTRY_COMPARE(pool.waiting(), 2);
        QVERIFY(!pool.run(PasswordPool::Lane::Clean, [] {}));
        {
            std::lock_guard lock(m);
            release = true;
        }
        cv.notify_all();
        running.join();
        suspect.join();
        clean.join();
        QCOMPARE(order, (QStringList { QStringLiteral("clean"), QStringLiteral("suspect") }));
    }

    void costIsSecureByDefault()
    {
        QVERIFY(ServiceOptions().pbkdf2Iterations >= 600000);
        QVERIFY(ServiceOptions().minPasswordLength >= 12);
        // Test-sized PBKDF2 agrees with RFC 7914's PBKDF2-HMAC-SHA256 test vector.
        QCOMPARE(derivePbkdf2(QStringLiteral("passwd"), "salt", 1).toHex().left(32),
            QByteArray("55ac046e56e3089fec1691c22544b605"));
    }

    void unknownUsersCostTheSame()
    {
        // No timing oracle: a wrong password costs what a right one costs, for an unknown user name
        // (a dummy derivation) and for a user whose stored hash is older and cheaper (the difference
        // is paid). The cost is counted in PBKDF2 iterations, exactly: timing it (thread CPU time,
        // ±25 %) failed on a busy 2-core machine, and the time follows from the count.
        const int current = 2000;
        const PasswordHash now = hashPassword(QStringLiteral("right"), current);
        const PasswordHash older = hashPassword(QStringLiteral("right"), 500);
        const PasswordVerdict right = verifyPassword(QStringLiteral("right"), now, current);
        QVERIFY(right.ok);
        QCOMPARE(right.iterationsSpent, qint64(current));
        const QList<std::pair<const char *, PasswordVerdict>> wrong {
            { "wrong password", verifyPassword(QStringLiteral("wrong"), now, current) },
            { "unknown user", verifyPassword(QStringLiteral("wrong"), std::nullopt, current) },
            { "older hash", verifyPassword(QStringLiteral("wrong"), older, current) },
        };
        for (const auto &[what, verdict] : wrong) {
            QVERIFY2(!verdict.ok, what);
            QVERIFY2(verdict.iterationsSpent == current,
                qPrintable(QStringLiteral("%1: %2 iterations").arg(what).arg(verdict.iterationsSpent)));
        }
        // The right password on the older hash: checked at its cost, then hashed again at today's.
        const PasswordVerdict upgraded = verifyPassword(QStringLiteral("right"), older, current);
        QVERIFY(upgraded.ok && upgraded.rehash);
        QCOMPARE(upgraded.iterationsSpent, qint64(500 + current));
    }

    void olderHashesAreRaisedAtSignIn()
    {
        // alice was stored with 1,000 iterations; the service now asks for 3,000.
        QCOMPARE(h->scalar(QStringLiteral("SELECT iterations FROM users WHERE id = 'alice'")).toInt(), 1000);
        ServiceOptions o = h->options();
        o.pbkdf2Iterations = 3000;
        openService(o);
        Service &s = *h->service();
        QCOMPARE(signIn(s, QStringLiteral("alice"), QStringLiteral("wrong"), kPeer).status, 401);
        QCOMPARE(h->scalar(QStringLiteral("SELECT iterations FROM users WHERE id = 'alice'")).toInt(), 1000);
        const QString before
            = h->scalar(QStringLiteral("SELECT salt FROM users WHERE id = 'alice'")).toString();
        QCOMPARE(signIn(s, QStringLiteral("alice"), QStringLiteral("alice"), kPeer).status, 200);
        QCOMPARE(h->scalar(QStringLiteral("SELECT iterations FROM users WHERE id = 'alice'")).toInt(), 3000);
        QVERIFY(h->scalar(QStringLiteral("SELECT salt FROM users WHERE id = 'alice'")).toString() != before);
        QCOMPARE(signIn(s, QStringLiteral("alice"), QStringLiteral("alice"), kPeer).status, 200);
        QCOMPARE(signIn(s, QStringLiteral("alice"), QStringLiteral("alicf"), kPeer).status, 401);
        // A lower cost never weakens a stored hash.
        o.pbkdf2Iterations = 2000;
        openService(o);
        QCOMPARE(signIn(*h->service(), QStringLiteral("alice"), QStringLiteral("alice"), kPeer).status, 200);
        QCOMPARE(h->scalar(QStringLiteral("SELECT iterations FROM users WHERE id = 'alice'")).toInt(), 3000);
    }

    void newPasswordsHaveAMinimumLength()
    {
        Service &s = *h->service();
        const UserInfo dave { QStringLiteral("dave"), QStringLiteral("Dave"),
            { QStringLiteral("technician") }, { QStringLiteral("north") } };
        const Status shortOne = s.addUser(dave, QStringLiteral("elevenchars"));
        QVERIFY(!shortOne);
        QCOMPARE(shortOne.error().code, QStringLiteral("bad_request"));
        QVERIFY(shortOne.error().message.contains(QLatin1String("12")));
        QVERIFY(s.addUser(dave, QStringLiteral("twelve chars")).ok());
        QVERIFY(!s.setPassword(QStringLiteral("dave"), QStringLiteral("short")));
        QVERIFY(s.setPassword(QStringLiteral("dave"), QStringLiteral("a longer passphrase")).ok());
        QCOMPARE(signIn(s, QStringLiteral("dave"), QStringLiteral("a longer passphrase"), kPeer).status, 200);
        // The demo seed's users keep their short passwords (exempt), hashed at the current cost.
        QCOMPARE(signIn(s, QStringLiteral("carol"), QStringLiteral("carol"), kPeer).status, 200);
        QCOMPARE(h->scalar(QStringLiteral("SELECT iterations FROM users WHERE id = 'carol'")).toInt(), 1000);
    }
};

QTEST_GUILESS_MAIN(TestSignIn)
#include "tst_signin_unit.moc"
