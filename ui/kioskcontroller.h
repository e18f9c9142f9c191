// SPDX-License-Identifier: MIT
#pragma once

#include "admingate.h"
#include "pindialog.h"

#include <QObject>
#include <QPointer>

#include <chrono>

class QSettings;
class QTimer;
class QWidget;

namespace outpost::ui {

/// Kiosk mode for rugged tablets (`outpost --kiosk`): the window goes fullscreen without chrome,
/// targets become touch-sized (≥44 px) with larger fonts, closing is refused (Alt+F4 and close
/// events swallowed) unless the administrator PIN is entered, and the app locks back to sign-in
/// after an idle time (kiosk/idleMinutes in QSettings, default 10). Queue and drafts are untouched
/// by the lock: locked() only asks the app to show its sign-in screen. Leaving kiosk mode, the
/// settings, signing out and browsing files need the administrator PIN (requireAdmin(), the
/// window's AdminGate), checked by PinGuard (slower after 3 wrong PINs, each one logged).
class KioskController : public QObject
{
    Q_OBJECT
public:
    /// `settings` holds the PIN hash and kiosk options; it must outlive the controller.
    explicit KioskController(QSettings &settings, QObject *parent = nullptr);
    ~KioskController() override;

    /// Takes over `window`: frameless, fullscreen, close refused; starts the idle timer.
    void attach(QWidget *window);
    QWidget *window() const { return m_window; }

    /// The touch style sheet and font scale for the whole application.
    static QString touchStyleSheet();
    static void applyTouchStyle();
    /// Sets QT_IM_MODULE=qtvirtualkeyboard when the plugin is installed. Call before QApplication.
    static bool enableVirtualKeyboardIfInstalled();

    void setIdleTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds idleTimeout() const;
    bool isLocked() const { return m_locked; }
    /// After a successful sign-in on the lock screen.
    void unlock();

    /// Opens the PIN dialog; on the right PIN emits exitAllowed() and closes the window.
    void requestExit();
    /// Opens the PIN dialog for `action`; runs `proceed` on the right PIN, nothing on Cancel. While
    /// a PIN dialog is open another request only raises it.
    void requireAdmin(AdminAction action, std::function<void()> proceed);
    /// requireAdmin as the window's AdminGate.
    AdminGate gate();
    PinDialog *pinDialog() const { return m_pinDialog; }
    bool isExitAllowed() const { return m_exitAllowed; }

Q_SIGNALS:
    /// The idle time passed: show the sign-in screen.
    void locked();
    void unlocked();
    void exitAllowed();
    /// A wrong administrator PIN for `action`: `failures` in a row, `waitSeconds` before the next try.
    void pinRejected(AdminAction action, int failures, int waitSeconds);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void lock();

    QSettings &m_settings;
    QPointer<QWidget> m_window;
    QPointer<PinDialog> m_pinDialog;
    QTimer *m_idle;
    bool m_locked = false;
    bool m_exitAllowed = false;
};

} // namespace outpost::ui
