// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QString>

#include <functional>

class QSettings;

namespace outpost::ui {

/// Checks the administrator PIN with a brake on guessing. The first 3 wrong PINs cost nothing;
/// from then on each wrong PIN doubles the wait before the next try is even checked (5 s, 10 s,
/// 20 s … at most 15 min). The count and the time of the next allowed try live in QSettings
/// (kiosk/pinFailures, kiosk/pinRetryAt), so closing the dialog or restarting the app does not
/// reset them; the right PIN does. Every wrong PIN is logged under outpost.ui (qCWarning).
class PinGuard
{
public:
    using Clock = std::function<QDateTime()>;

    struct Check {
        enum Outcome { Accepted, Wrong, Throttled, NoPin };
        Outcome outcome = Wrong;
        int failures = 0; // wrong PINs in a row, this one included
        int waitSeconds = 0; // before the next try is checked
    };

    explicit PinGuard(QSettings &settings)
        : m_settings(settings)
    { }

    /// `what` names the action the PIN is asked for in the log ("open settings").
    Check check(const QString &pin, const QString &what);
    bool hasPin() const;
    int failures() const;
    /// Seconds until a PIN is checked again (0: now).
    int secondsToWait() const;

    static int delaySecondsAfter(int failures);
    static constexpr int kFreeAttempts = 3;
    static constexpr int kFirstDelaySeconds = 5;
    static constexpr int kMaxDelaySeconds = 15 * 60;

    /// Tests move time on with their own clock (null: the system clock, UTC).
    static void setClock(Clock clock);
    static QDateTime now();

private:
    QSettings &m_settings;
};

} // namespace outpost::ui
