// SPDX-License-Identifier: MIT
#include "passwordhash.h"

#include "crypto/pbkdf2.h"

#include <QRandomGenerator>

namespace outpost::server {

namespace {
constexpr int kKeyBytes = 32;
constexpr int kSaltBytes = 16;

/// Iterations derived by this thread: verifyPassword() reports its share, so what a check costs is
/// counted where the work is done.
thread_local qint64 t_iterationsDerived = 0;

QByteArray randomBytes(int n)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator::system()->generate(
        reinterpret_cast<quint32 *>(b.data()), reinterpret_cast<quint32 *>(b.data() + n));
    return b;
}
} // namespace

QByteArray derivePbkdf2(const QString &password, const QByteArray &salt, int iterations)
{
    if (iterations > 0)
        t_iterationsDerived += iterations;
    return crypto::pbkdf2Sha256(password.toUtf8(), salt, iterations, kKeyBytes);
}

PasswordHash hashPassword(const QString &password, int iterations)
{
    PasswordHash h;
    h.salt = randomBytes(kSaltBytes);
    h.iterations = iterations;
    h.key = derivePbkdf2(password, h.salt, iterations);
    return h;
}

PasswordVerdict verifyPassword(
    const QString &password, const std::optional<PasswordHash> &stored, int currentIterations)
{
    PasswordVerdict verdict;
    const qint64 before = t_iterationsDerived;
    if (!stored) {
        derivePbkdf2(password, QByteArray(kSaltBytes, 'x'), currentIterations);
        verdict.iterationsSpent = t_iterationsDerived - before;
        return verdict;
    }
    const QByteArray key = derivePbkdf2(password, stored->salt, stored->iterations);
    verdict.ok = key.size() == kKeyBytes && crypto::constantTimeEquals(key, stored->key);
    const int missing = currentIterations - stored->iterations;
    if (missing > 0) {
        // An older, cheaper hash: a right password is hashed again at today's cost (stored by the
        // caller); a wrong one pays the difference, so it costs what an unknown user costs.
        if (verdict.ok) {
            verdict.rehash = hashPassword(password, currentIterations);
        } else {
            derivePbkdf2(password, stored->salt, missing);
        }
    }
    verdict.iterationsSpent = t_iterationsDerived - before;
    return verdict;
}

} // namespace outpost::server
