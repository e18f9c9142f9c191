// SPDX-License-Identifier: MIT
#include "pinguard.h"

#include "pinstore.h"
#include "uilogging.h"

#include <QSettings>

namespace outpost::ui {

namespace {
const QString kFailures = QStringLiteral("kiosk/pinFailures");
const QString kRetryAt = QStringLiteral("kiosk/pinRetryAt");

PinGuard::Clock &clockOverride()
{
    static PinGuard::Clock clock;
    return clock;
}
} // namespace

void PinGuard::setClock(Clock clock)
{
    clockOverride() = std::move(clock);
}

QDateTime PinGuard::now()
{
    return clockOverride() ? clockOverride()() : QDateTime::currentDateTimeUtc();
}

int PinGuard::delaySecondsAfter(int failures)
{
    if (failures < kFreeAttempts)
        return 0;
    const int doublings = failures - kFreeAttempts;
    if (doublings >= 16)
        return kMaxDelaySeconds;
    return qMin(kMaxDelaySeconds, kFirstDelaySeconds * (1 << doublings));
}

bool PinGuard::hasPin() const
{
    return PinStore(m_settings).hasPin();
}

int PinGuard::failures() const
{
    return qMax(0, m_settings.value(kFailures, 0).toInt());
}

int PinGuard::secondsToWait() const
{
    const QDateTime retryAt = QDateTime::fromString(m_settings.value(kRetryAt).toString(), Qt::ISODate);
    if (!retryAt.isValid())
        return 0;
    const qint64 ms = now().msecsTo(retryAt);
    if (ms <= 0)
        return 0;
    // Never longer than the longest delay: a clock set back must not lock the device for good.
    return int(qMin<qint64>(kMaxDelaySeconds, (ms + 999) / 1000));
}

PinGuard::Check PinGuard::check(const QString &pin, const QString &what)
{
    Check c;
    c.failures = failures();
    if (const int wait = secondsToWait(); wait > 0) {
        c.outcome = Check::Throttled;
        c.waitSeconds = wait;
        qCWarning(lcUi).nospace().noquote() << "administrator PIN not checked (to " << what << "): " << wait
                                            << " s to wait after " << c.failures << " wrong PINs";
        return c;
    }
    PinStore store(m_settings);
    if (!store.hasPin()) {
        c.outcome = Check::NoPin;
        qCWarning(lcUi).nospace().noquote() << "administrator PIN asked (to " << what << ") but none is set";
        return c;
    }
    if (store.verify(pin)) {
        if (c.failures > 0)
            qCInfo(lcUi).nospace().noquote()
                << "administrator PIN right (to " << what << ") after " << c.failures << " wrong";
        m_settings.remove(kFailures);
        m_settings.remove(kRetryAt);
        m_settings.sync();
        c.outcome = Check::Accepted;
        c.failures = 0;
        return c;
    }
    c.outcome = Check::Wrong;
    c.failures += 1;
    c.waitSeconds = delaySecondsAfter(c.failures);
    m_settings.setValue(kFailures, c.failures);
    if (c.waitSeconds > 0)
        m_settings.setValue(kRetryAt, now().addSecs(c.waitSeconds).toString(Qt::ISODateWithMs));
    else
        m_settings.remove(kRetryAt);
    m_settings.sync();
    qCWarning(lcUi).nospace().noquote() << "wrong administrator PIN (to " << what << "), " << c.failures
                                        << " in a row; next try in " << c.waitSeconds << " s";
    return c;
}

} // namespace outpost::ui
