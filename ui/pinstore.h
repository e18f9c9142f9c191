// SPDX-License-Identifier: MIT
#pragma once

#include <QString>

class QSettings;

namespace outpost::ui {

/// The kiosk administrator PIN, kept in QSettings only as a salted PBKDF2-HMAC-SHA256 hash
/// (keys kiosk/pinHash, kiosk/pinSalt, kiosk/pinIterations); the PIN itself is never stored.
class PinStore
{
public:
    explicit PinStore(QSettings &settings) : m_settings(settings) {}

    bool hasPin() const;
    /// Stores a new PIN (4 to 12 digits); returns false and `why` when it does not qualify.
    bool setPin(const QString &pin, QString *why = nullptr);
    bool verify(const QString &pin) const;
    void clear();

    static bool isAcceptablePin(const QString &pin, QString *why = nullptr);
    static constexpr int kIterations = 120000;

private:
    QSettings &m_settings;
};

} // namespace outpost::ui
