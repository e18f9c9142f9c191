// SPDX-License-Identifier: MIT
#pragma once

#include "pinguard.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSettings;
class QTimer;

namespace outpost::ui {

/// Asks for the administrator PIN with a touch-sized keypad, checked by PinGuard: accepts only the
/// right PIN; a wrong one shows a message and clears the entry, and once PinGuard makes the next
/// try wait, the keypad is off and the dialog counts down ("Try again in 5 s"). Open it with
/// open(), not exec().
class PinDialog : public QDialog
{
    Q_OBJECT
public:
    /// `what` names the action in the log (adminActionName).
    PinDialog(QSettings &settings, const QString &what, const QString &prompt, QWidget *parent = nullptr);

    QLineEdit *pinEdit() const { return m_edit; }
    QString messageText() const;
    /// Wrong PINs entered in this dialog.
    int failedAttempts() const { return m_failed; }
    /// Seconds shown in "Try again in N s" (0: the PIN can be entered).
    int secondsToWait() const { return m_wait; }

Q_SIGNALS:
    /// A wrong PIN: `failures` in a row on this device, `waitSeconds` before the next try.
    void pinRejected(int failures, int waitSeconds);

private:
    void submit();
    void updateWait();

    PinGuard m_guard;
    QString m_what;
    QLineEdit *m_edit;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
    QList<QWidget *> m_keys;
    QTimer *m_tick;
    int m_failed = 0;
    int m_wait = 0;
    bool m_wrong = false; // the last try was a wrong PIN
};

} // namespace outpost::ui
