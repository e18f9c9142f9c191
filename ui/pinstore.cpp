// SPDX-License-Identifier: MIT
#include "pinstore.h"

#include "crypto/pbkdf2.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSettings>

namespace outpost::ui {

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(outpost::ui::PinStore)
};
const QString kHash = QStringLiteral("kiosk/pinHash");
const QString kSalt = QStringLiteral("kiosk/pinSalt");
const QString kIter = QStringLiteral("kiosk/pinIterations");

/// The same bytes as QPasswordDigestor, which PINs set before were derived with.
QByteArray derive(const QString &pin, const QByteArray &salt, int iterations)
{
    return crypto::pbkdf2Sha256(pin.toUtf8(), salt, iterations, 32);
}
} // namespace

bool PinStore::isAcceptablePin(const QString &pin, QString *why)
{
    bool digits = !pin.isEmpty();
    for (QChar c : pin)
        digits = digits && c.isDigit() && c.unicode() < 128;
    if (!digits || pin.size() < 4 || pin.size() > 12) {
        if (why)
            *why = Tr::tr("The PIN must have 4 to 12 digits.");
        return false;
    }
    return true;
}

bool PinStore::hasPin() const
{
    return m_settings.contains(kHash) && m_settings.contains(kSalt);
}

bool PinStore::setPin(const QString &pin, QString *why)
{
    if (!isAcceptablePin(pin, why))
        return false;
    QByteArray salt(16, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(salt.data()), salt.size() / 4);
    m_settings.setValue(kSalt, QString::fromLatin1(salt.toHex()));
    m_settings.setValue(kIter, kIterations);
    m_settings.setValue(kHash, QString::fromLatin1(derive(pin, salt, kIterations).toHex()));
    m_settings.sync();
    return true;
}

bool PinStore::verify(const QString &pin) const
{
    if (!hasPin() || pin.isEmpty())
        return false;
    const QByteArray salt = QByteArray::fromHex(m_settings.value(kSalt).toString().toLatin1());
    const QByteArray want = QByteArray::fromHex(m_settings.value(kHash).toString().toLatin1());
    const int iterations = m_settings.value(kIter, kIterations).toInt();
    if (salt.isEmpty() || want.isEmpty() || iterations < 1)
        return false;
    return crypto::constantTimeEquals(derive(pin, salt, iterations), want);
}

void PinStore::clear()
{
    m_settings.remove(kHash);
    m_settings.remove(kSalt);
    m_settings.remove(kIter);
}

} // namespace outpost::ui
